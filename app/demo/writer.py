"""Fast bulk writes for the demo: executemany on SQLite, COPY on PostgreSQL, one transaction.

Rows arrive as plain values the database reads directly (timestamps already in the naive-UTC
text form, JSON already dumped), so no per-value ORM work is done for 150 000 interactions.
The SQL comes from SQLAlchemy's compiler or psycopg's ``sql`` composition, never from string
formatting.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Boolean, Date, Table, Time, bindparam, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.types import JSON

from app.demo.timeline import db_time
from db.models import Base, Center, QaSample, Team
from db.types import UTCDateTime

# Kept by a forced rebuild: rule values and bookkeeping that other desks rely on.
KEEP_TABLES = ("settings", "audit_log", "change_log", "job_runs", "alembic_version")
CHUNK = 20_000


def holds_center(session: Session) -> str | None:
    """The name of the center already in the database, or None."""
    return session.scalars(select(Center.name).order_by(Center.id).limit(1)).first()


def clear_domain(session: Session) -> None:
    """Delete every domain row, dependants first (one transaction: the caller's)."""
    tables = [t for t in reversed(Base.metadata.sorted_tables) if t.name not in KEEP_TABLES]
    if session.get_bind().dialect.name == "postgresql":
        # one TRUNCATE of all of them is FK-safe and avoids row-by-row foreign-key checks
        from psycopg import sql

        statement = sql.SQL("TRUNCATE TABLE {} RESTART IDENTITY").format(
            sql.SQL(", ").join(sql.Identifier(t.name) for t in tables))
        raw = session.connection().connection.driver_connection
        with raw.cursor() as cursor:
            cursor.execute(statement)
        return
    session.execute(update(Team).values(supervisor_id=None))
    session.execute(update(QaSample).values(replaced_by_id=None))
    for table in tables:
        session.execute(table.delete())


def _convert(column_type: Any) -> Any:
    if isinstance(column_type, UTCDateTime):
        return lambda v: v if v is None or isinstance(v, str) else db_time(v.timestamp())
    if isinstance(column_type, JSON):
        return lambda v: None if v is None else json.dumps(v, ensure_ascii=False)
    if isinstance(column_type, Date):
        return lambda v: v.isoformat() if isinstance(v, date) else v
    if isinstance(column_type, Time):
        return lambda v: v.strftime("%H:%M:%S.%f") if isinstance(v, time) else v
    if isinstance(column_type, Boolean):
        return lambda v: None if v is None else bool(v)
    return None


class BulkWriter:
    """Writes rows of one table at a time inside the caller's session (its transaction)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name
        self.counts: dict[str, int] = {}

    def dicts(self, table: Table, rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert mappings; missing columns take their scalar default (else NULL)."""
        columns = [c for c in table.columns]
        defaults = []
        for c in columns:
            default = c.default.arg if c.default is not None and not callable(c.default.arg) else None
            defaults.append(default)
        converters = [_convert(c.type) for c in columns]
        tuples = []
        for row in rows:
            values = []
            for c, default, conv in zip(columns, defaults, converters, strict=True):
                v = row.get(c.name, default)
                if isinstance(v, datetime) and v.tzinfo is None:
                    raise ValueError(f"naive datetime for {table.name}.{c.name}")
                values.append(conv(v) if conv is not None else v)
            tuples.append(tuple(values))
        return self.tuples(table, [c.name for c in columns], tuples)

    def columns(self, table: Table, data: Mapping[str, Sequence[Any]]) -> int:
        """Insert column-wise data whose values are already database-ready (see module doc)."""
        names = list(data)
        lengths = {len(v) for v in data.values()}
        if len(lengths) != 1:
            raise ValueError(f"{table.name}: columns of different lengths")
        return self.tuples(table, names, list(zip(*data.values(), strict=True)))

    def tuples(self, table: Table, names: list[str], rows: list[tuple[Any, ...]]) -> int:
        if not rows:
            self.counts.setdefault(table.name, 0)
            return 0
        if self.dialect == "postgresql":
            self._copy(table, names, rows)
        else:
            self._executemany(table, names, rows)
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
        return len(rows)

    def _executemany(self, table: Table, names: list[str], rows: list[tuple[Any, ...]]) -> None:
        conn = self.session.connection()
        compiled = insert(table).compile(dialect=conn.dialect, column_keys=names)
        order = [names.index(key) for key in compiled.positiontup or ()]
        if order != list(range(len(names))):
            rows = [tuple(r[i] for i in order) for r in rows]
        cursor = conn.connection.driver_connection.cursor()
        try:
            for start in range(0, len(rows), CHUNK):
                cursor.executemany(compiled.string, rows[start:start + CHUNK])
        finally:
            cursor.close()

    def _copy(self, table: Table, names: list[str], rows: list[tuple[Any, ...]]) -> None:
        from psycopg import sql

        raw = self.session.connection().connection.driver_connection
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(n) for n in names))
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)

    def update_many(self, table: Table, key: str, column: str, pairs: Sequence[tuple[Any, Any]]) -> None:
        """Set ``column`` per row (e.g. a foreign key that had to wait for its target)."""
        if not pairs:
            return
        stmt = (update(table).where(table.c[key] == bindparam("b_key"))
                .values({column: bindparam("b_value")}))
        self.session.connection().execute(stmt, [{"b_key": k, "b_value": v} for k, v in pairs])

    def reset_sequences(self) -> None:
        """PostgreSQL: move each id sequence past the explicit ids the demo wrote."""
        if self.dialect != "postgresql":
            return
        conn = self.session.connection()
        for table in Base.metadata.sorted_tables:
            if table.name in KEEP_TABLES or "id" not in table.c or table.name not in self.counts:
                continue
            if not self.counts[table.name]:
                continue
            highest = conn.execute(select(func.max(table.c.id))).scalar()
            sequence = conn.execute(select(func.pg_get_serial_sequence(table.name, "id"))).scalar()
            if sequence and highest:
                conn.execute(select(func.setval(sequence, highest)))
