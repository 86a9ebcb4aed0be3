"""Demo customers: identifiers encrypted at rest, masked forms precomputed, lookup by keyed hash.

No plaintext identifier is ever written to the database (R-SEC-2).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

import numpy as np

from app.demo import texts
from app.demo.staff import NamePool
from app.demo.timeline import Timeline, to_datetime
from app.security.crypto import CustomerCipher
from app.security.masking import mask_name, mask_phone

MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                   "155", "156", "157", "158", "159", "166", "176", "177", "180", "181", "182", "183",
                   "186", "187", "188", "189", "191", "198", "199")


@dataclass
class Customers:
    rows: list[dict]
    ids: np.ndarray
    region: list[str]
    vip: np.ndarray  # bool


def build_customers(rnd: random.Random, n: int, cipher: CustomerCipher, tl: Timeline,
                    lang: str = "en") -> Customers:
    region_names = [r for r, _ in texts.REGIONS]
    if lang == "zh_CN":
        region_names = [texts.REGIONS_ZH[r] for r in region_names]
    region_weights = [w for _, w in texts.REGIONS]
    names = NamePool(rnd, unique=False, lang=lang)  # customers may share a name
    phones: set[str] = set()
    rows: list[dict] = []
    regions: list[str] = []
    vip = np.zeros(n, dtype=bool)
    first = tl.local_epoch(tl.first_day)
    for i in range(n):
        phone = rnd.choice(MOBILE_PREFIXES) + f"{rnd.randrange(10**8):08d}"
        while phone in phones:
            phone = rnd.choice(MOBILE_PREFIXES) + f"{rnd.randrange(10**8):08d}"
        phones.add(phone)
        name, _, mail = names.person()
        email = f"{mail}{rnd.randrange(100)}@{rnd.choice(texts.EMAIL_DOMAINS)}" if rnd.random() < 0.4 else None
        region = rnd.choices(region_names, region_weights)[0]
        regions.append(region)
        vip[i] = rnd.random() < 0.05
        created = first - rnd.uniform(0, 1100) * 86400 if rnd.random() < 0.85 else first + rnd.uniform(0, 7) * 86400
        rows.append({
            "id": i + 1, "phone_enc": cipher.encrypt(phone), "name_enc": cipher.encrypt(name),
            "email_enc": cipher.encrypt(email), "phone_hash": cipher.lookup_hash(phone),
            "phone_masked": mask_phone(phone), "name_masked": mask_name(name), "region": region,
            "is_vip": bool(vip[i]), "created_at": to_datetime(min(created, tl.cutoff - 86400)),
            "erased_at": None,
        })
    # one customer asked to be forgotten: identifiers gone, history kept (R-SEC-1)
    if n > 50:
        erased = rows[rnd.randrange(n)]
        erased.update(phone_enc=None, name_enc=None, email_enc=None, phone_hash=None, phone_masked=None,
                      name_masked=None, erased_at=to_datetime(tl.cutoff - timedelta(days=3).total_seconds()))
    return Customers(rows=rows, ids=np.arange(1, n + 1), region=regions, vip=vip)
