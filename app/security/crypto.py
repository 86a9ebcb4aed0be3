"""Authenticated encryption of customer identifiers (AES-256-GCM) with a key kept off the database.

The key lives in a key file with owner-only permissions: ``FLOORWALKER_KEY_FILE`` or
``customer.key`` in the data folder. Every desk of a center that shares one PostgreSQL
database must use the same key file (copy it once, securely). Ciphertext layout:
``b"F1" + key_id(4) + nonce(12) + ciphertext+tag``; the key id lets a rotation re-encrypt
row by row. Lookups use a keyed hash (HMAC-SHA256) so that equal numbers can be found
without decrypting.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.config import data_dir

ENV_KEY_FILE = "FLOORWALKER_KEY_FILE"
MAGIC = b"F1"


class KeyError_(Exception):
    """The key file is missing, unreadable or does not match the data."""


@dataclass(frozen=True)
class CustomerKey:
    key_id: bytes  # 4 bytes
    secret: bytes  # 32 bytes

    @property
    def lookup_secret(self) -> bytes:
        return hashlib.sha256(b"floorwalker-lookup" + self.secret).digest()


def key_file_path() -> Path:
    env = os.environ.get(ENV_KEY_FILE)
    return Path(env) if env else data_dir() / "customer.key"


def load_or_create_key(path: Path | None = None) -> CustomerKey:
    path = path or key_file_path()
    if not path.exists():
        return write_new_key(path)
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        keys = [CustomerKey(base64.b64decode(k["id"]), base64.b64decode(k["secret"])) for k in payload["keys"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyError_(f"The customer-data key file {path} cannot be read: {exc}") from exc
    return keys[0]


def load_all_keys(path: Path | None = None) -> list[CustomerKey]:
    path = path or key_file_path()
    payload = json.loads(path.read_text(encoding="utf-8"))
    return [CustomerKey(base64.b64decode(k["id"]), base64.b64decode(k["secret"])) for k in payload["keys"]]


def write_new_key(path: Path, previous: list[CustomerKey] | None = None) -> CustomerKey:
    """Create a key (first in the file = current); older keys stay for decrypting until rotated."""
    key = CustomerKey(secrets.token_bytes(4), AESGCM.generate_key(bit_length=256))
    write_keys(path, [key, *(previous or [])])
    return key


def write_keys(path: Path, keys: list[CustomerKey]) -> None:
    """Replace the key file atomically, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"keys": [{"id": base64.b64encode(k.key_id).decode(),
                             "secret": base64.b64encode(k.secret).decode()} for k in keys]}, fh)
    os.replace(tmp, path)


class CustomerCipher:
    def __init__(self, keys: list[CustomerKey]) -> None:
        if not keys:
            raise KeyError_("No customer-data key")
        self.current = keys[0]
        self._by_id = {k.key_id: k for k in keys}

    @classmethod
    def from_key_file(cls, path: Path | None = None) -> CustomerCipher:
        path = path or key_file_path()
        load_or_create_key(path)
        return cls(load_all_keys(path))

    def encrypt(self, plaintext: str | None) -> bytes | None:
        if plaintext is None:
            return None
        nonce = secrets.token_bytes(12)
        ct = AESGCM(self.current.secret).encrypt(nonce, plaintext.encode("utf-8"), self.current.key_id)
        return MAGIC + self.current.key_id + nonce + ct

    def decrypt(self, blob: bytes | None) -> str | None:
        if blob is None:
            return None
        if blob[:2] != MAGIC or len(blob) < 2 + 4 + 12 + 16:
            raise KeyError_("Not an encrypted customer value")
        key_id, nonce, ct = blob[2:6], blob[6:18], blob[18:]
        key = self._by_id.get(key_id)
        if key is None:
            raise KeyError_("This value was encrypted with a key that is not in the key file")
        return AESGCM(key.secret).decrypt(nonce, ct, key_id).decode("utf-8")

    def lookup_hash(self, value: str) -> str:
        normalised = "".join(ch for ch in value if ch.isalnum()).lower()
        return hmac.new(self.current.lookup_secret, normalised.encode(), hashlib.sha256).hexdigest()
