"""Customer identifiers: encrypted at rest, revealed one at a time with audit, erased after retention."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from app import clock
from app.actor import Actor
from app.security.crypto import CustomerCipher, load_all_keys, write_new_key
from app.security.customers import (
    erase_expired,
    find_by_phone,
    new_customer_values,
    reveal,
    rotate_key,
)
from app.security.permissions import PermissionDenied
from db.models import AuditEntry, Customer, Setting
from tests import factories

SUPERVISOR = Actor("sam", "supervisor")
PHONE = "13812346925"


@pytest.fixture
def cipher(tmp_path):
    return CustomerCipher.from_key_file(tmp_path / "customer.key")


def _customer(db, cipher, phone=PHONE, name="张伟", created=None):
    with db.session() as s:
        return s.execute(insert(Customer).values(
            **new_customer_values(cipher, phone=phone, name=name, email="wei@example.com",
                                  created_at=created or clock.now())).returning(Customer.id)).scalar_one()


def test_sqlite_file_holds_no_plaintext_phone_number_R_SEC_2(sqlite_db, cipher):
    cid = _customer(sqlite_db, cipher)
    sqlite_db.dispose()
    # the database file and any write-ahead log beside it
    raw = b"".join(p.read_bytes() for p in sqlite_db.path.parent.glob(sqlite_db.path.name + "*"))
    assert PHONE.encode() not in raw and "张伟".encode() not in raw
    with sqlite_db.session() as s:
        row = s.get(Customer, cid)
        assert (row.phone_masked, row.name_masked) == ("138****6925", "张*")
        assert find_by_phone(s, cipher, "138 1234 6925") == cid


def test_reveal_is_one_record_for_allowed_roles_and_audited_R_SEC_3(any_db, cipher):
    cid = _customer(any_db, cipher)
    with pytest.raises(PermissionDenied), any_db.session() as s:
        reveal(s, Actor("al", "agent"), cid, cipher, reason="call back")
    with pytest.raises(ValueError, match="why"), any_db.session() as s:
        reveal(s, SUPERVISOR, cid, cipher, reason="  ")
    with any_db.session() as s:
        shown = reveal(s, SUPERVISOR, cid, cipher, reason="customer asked for a call back")
    assert (shown.phone, shown.name, shown.email) == (PHONE, "张伟", "wei@example.com")
    with any_db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).one()
    assert (entry.actor, entry.entity_id, entry.after["reason"]) == ("sam", str(cid), "customer asked for a call back")


def test_retention_erases_identifiers_but_keeps_the_interactions(sqlite_db, cipher, frozen_clock):
    old = _customer(sqlite_db, cipher, phone="13900000001", created=clock.now() - timedelta(days=900))
    recent = _customer(sqlite_db, cipher, phone="13900000002", created=clock.now() - timedelta(days=900))
    with sqlite_db.session() as s:
        c = factories.center(s)
        q = factories.queue(s, c)
        i_old = factories.interaction(s, c, q, None, clock.now() - timedelta(days=800))
        i_old.customer_id = old
        i_new = factories.interaction(s, c, q, None, clock.now() - timedelta(days=10))
        i_new.customer_id = recent
        s.add(Setting(key="customer.retention_days", value=365))
    with sqlite_db.session() as s:
        assert erase_expired(s, Actor.system()) == 1
    with sqlite_db.session() as s:
        erased, kept = s.get(Customer, old), s.get(Customer, recent)
        assert erased.phone_enc is None and erased.erased_at is not None and erased.phone_masked == "(erased)"
        assert kept.phone_enc is not None and kept.erased_at is None
        assert s.get(type(i_old), i_old.id) is not None  # the interaction itself stays for the figures
    with sqlite_db.session() as s:
        assert erase_expired(s, Actor.system()) == 0  # idempotent


def test_key_rotation_reencrypts_and_old_key_is_no_longer_needed(sqlite_db, tmp_path):
    path = tmp_path / "rot.key"
    old = CustomerCipher.from_key_file(path)
    cid = _customer(sqlite_db, old)
    write_new_key(path, previous=load_all_keys(path))
    new = CustomerCipher(load_all_keys(path))
    with sqlite_db.session() as s:
        assert rotate_key(s, old, new) == 1
    only_new = CustomerCipher([new.current])
    with sqlite_db.session() as s:
        row = s.get(Customer, cid)
        assert only_new.decrypt(row.phone_enc) == PHONE
        assert row.phone_hash == only_new.lookup_hash(PHONE)
