"""Customer identifiers: store encrypted, reveal one record at a time (audited), erase after retention."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.security.crypto import CustomerCipher, KeyError_, key_file_path
from app.security.masking import mask_name, mask_phone
from app.security.permissions import PermissionDenied, require, row_scope
from db.models import Complaint, Customer, Interaction, Setting

RETENTION_KEY = "customer.retention_days"
DEFAULT_RETENTION_DAYS = 730


@dataclass(frozen=True)
class RevealedCustomer:
    id: int
    phone: str | None
    name: str | None
    email: str | None


def new_customer_values(cipher: CustomerCipher, *, phone: str | None, name: str | None = None,
                        email: str | None = None, region: str | None = None, is_vip: bool = False,
                        created_at: datetime | None = None) -> dict[str, Any]:
    """Column values for a new customer row: ciphertext, keyed lookup hash and masked forms only."""
    return {
        "phone_enc": cipher.encrypt(phone) if phone else None,
        "name_enc": cipher.encrypt(name) if name else None,
        "email_enc": cipher.encrypt(email) if email else None,
        "phone_hash": cipher.lookup_hash(phone) if phone else None,
        "phone_masked": mask_phone(phone), "name_masked": mask_name(name),
        "region": region, "is_vip": is_vip, "created_at": created_at or clock.now(),
    }


def reveal(session: Session, actor: Actor, customer_id: int, cipher: CustomerCipher, *, reason: str,
           complaint_id: int | None = None, interaction_id: int | None = None) -> RevealedCustomer:
    """Decrypt one customer's identifiers for a role allowed to see them; every reveal is one audit row.

    From a screen, pass the complaint or interaction the customer was revealed from: the record
    must be one the actor may see (a supervisor: their own teams) and belong to this customer,
    and the audit row names it. A key-file problem raises :class:`KeyError_` and logs nothing
    (nothing was revealed).
    """
    require(actor, "customer.reveal")
    reason = reason.strip()
    if not reason:
        raise ValueError("Say why you need to see the customer's details.")
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise ValueError("Unknown customer.")
    if customer.erased_at is not None:
        raise ValueError("This customer's identifiers were erased after the retention period.")
    after: dict[str, Any] = {"reason": reason}
    if complaint_id is not None:
        _check_source(session, actor, Complaint, complaint_id, customer_id, row_scope(session, actor)
                      .complaint_clause())
        after["complaint_id"] = complaint_id
    if interaction_id is not None:
        _check_source(session, actor, Interaction, interaction_id, customer_id, row_scope(session, actor)
                      .interaction_clause())
        after["interaction_id"] = interaction_id
    try:
        revealed = RevealedCustomer(customer_id, cipher.decrypt(customer.phone_enc),
                                    cipher.decrypt(customer.name_enc), cipher.decrypt(customer.email_enc))
    except InvalidTag as exc:  # a key with the right id but the wrong secret: a copied or edited key file
        raise KeyError_("The customer-data key file does not match the key these details were encrypted "
                        "with.") from exc
    audit.record(session, actor, "reveal", "customer", customer_id, after=after)
    record(session, Changes.AUDIT)
    return revealed


def reveal_cipher(path: Path | None = None) -> CustomerCipher:
    """The cipher for reading customer details from the existing key file; a reveal never creates a key
    (a new key could not decrypt anything, and would hide the real problem: the center's key is missing)."""
    path = path or key_file_path()
    if not path.is_file():
        raise KeyError_(f"There is no customer-data key file at {path}.")
    try:
        return CustomerCipher.from_key_file(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyError_(f"The customer-data key file {path} cannot be read: {exc}") from exc


def _check_source(session: Session, actor: Actor, model: type[Complaint] | type[Interaction], record_id: int,
                  customer_id: int, scope_clause: Any) -> None:
    query = select(model.customer_id).where(model.id == record_id)
    if scope_clause is not None:
        query = query.where(scope_clause)
    found = session.execute(query).first()
    if found is None:
        raise PermissionDenied(actor, "customer.reveal")
    if found[0] != customer_id:
        raise ValueError("This customer is not the one on that record.")


def find_by_phone(session: Session, cipher: CustomerCipher, phone: str) -> int | None:
    """Look a customer up by phone number without decrypting anything (keyed hash)."""
    return session.scalar(select(Customer.id).where(Customer.phone_hash == cipher.lookup_hash(phone)).limit(1))


def retention_days(session: Session) -> int:
    row = session.get(Setting, RETENTION_KEY)
    return int(row.value) if row is not None else DEFAULT_RETENTION_DAYS


def erase_expired(session: Session, actor: Actor, now: datetime | None = None) -> int:
    """Erase identifiers of customers with no contact or open complaint within the retention period.

    Aggregates stay: interactions and complaints keep their rows, only the person behind them is forgotten.
    """
    now = now or clock.now()
    cutoff = now - timedelta(days=retention_days(session))
    last_contact = (select(Interaction.customer_id, func.max(Interaction.offered_at).label("last"))
                    .where(Interaction.customer_id.is_not(None)).group_by(Interaction.customer_id).subquery())
    open_complaint = select(Complaint.customer_id).where(Complaint.customer_id.is_not(None),
                                                         Complaint.stage != "closed")
    recent_complaint = select(Complaint.customer_id).where(Complaint.customer_id.is_not(None),
                                                           Complaint.opened_at >= cutoff)
    ids = session.scalars(
        select(Customer.id)
        .outerjoin(last_contact, last_contact.c.customer_id == Customer.id)
        .where(Customer.erased_at.is_(None), Customer.created_at < cutoff,
               (last_contact.c.last.is_(None)) | (last_contact.c.last < cutoff),
               Customer.id.not_in(open_complaint), Customer.id.not_in(recent_complaint))
    ).all()
    if not ids:
        return 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        session.execute(update(Customer).where(Customer.id.in_(chunk)).values(
            phone_enc=None, name_enc=None, email_enc=None, phone_hash=None,
            phone_masked="(erased)", name_masked="(erased)", erased_at=now))
    audit.record(session, actor, "erase", "customer", None, after={"count": len(ids), "cutoff": cutoff})
    record(session, Changes.AUDIT | Changes.INTERACTIONS | Changes.COMPLAINTS)
    return len(ids)


def rotate_key(session: Session, old: CustomerCipher, new: CustomerCipher, batch: int = 500) -> int:
    """Re-encrypt every customer's identifiers with the new key (and recompute lookup hashes)."""
    count = 0
    last_id = 0
    while True:
        rows = session.scalars(select(Customer).where(Customer.id > last_id, Customer.erased_at.is_(None))
                               .order_by(Customer.id).limit(batch)).all()
        if not rows:
            break
        for c in rows:
            phone = old.decrypt(c.phone_enc)
            c.phone_enc = new.encrypt(phone)
            c.name_enc = new.encrypt(old.decrypt(c.name_enc))
            c.email_enc = new.encrypt(old.decrypt(c.email_enc))
            c.phone_hash = new.lookup_hash(phone) if phone else None
            count += 1
            last_id = c.id
        session.flush()
    return count

