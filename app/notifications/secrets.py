"""Channel secrets (webhook URLs with their tokens, signing secrets, SMTP passwords), encrypted
with the console's AES-256-GCM key (app/security/crypto) and never shown back in full."""

from __future__ import annotations

import json
import threading

from app.security.crypto import CustomerCipher, key_file_path

_lock = threading.Lock()
_cipher: tuple[str, CustomerCipher] | None = None


def _get_cipher() -> CustomerCipher:
    global _cipher
    path = key_file_path()
    with _lock:
        if _cipher is None or _cipher[0] != str(path):
            _cipher = (str(path), CustomerCipher.from_key_file(path))
        return _cipher[1]


def seal_secrets(secrets: dict[str, str]) -> bytes | None:
    clean = {k: v for k, v in secrets.items() if v}
    if not clean:
        return None
    return _get_cipher().encrypt(json.dumps(clean, ensure_ascii=False))


def open_secrets(blob: bytes | None) -> dict[str, str]:
    if not blob:
        return {}
    text = _get_cipher().decrypt(blob)
    return dict(json.loads(text or "{}"))
