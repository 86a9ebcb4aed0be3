"""Reading a center's export: CSV in any delimiter, encoding and line ending, or XLSX.

A :class:`Table` is a header plus an iterator of ``(row_number, values)``; row numbers count
data rows from 1 (the header is row 0), the same numbers the skipped-rows report uses.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.i18n import N_, Message

SNIFF_BYTES = 64 * 1024
DELIMITERS = ",;\t|"
XLSX_SUFFIXES = (".xlsx", ".xlsm")


class ImportFileError(Exception):
    """The file cannot be read as a table (message says why and what to do)."""


@dataclass(frozen=True)
class Table:
    file_name: str
    kind: str  # csv / xlsx
    header: tuple[str, ...]
    encoding: str | None = None
    delimiter: str | None = None
    rows: Iterator[tuple[int, tuple[str, ...]]] = field(default_factory=lambda: iter(()), repr=False, compare=False)
    closer: Callable[[], None] = field(default=lambda: None, repr=False, compare=False)

    def close(self) -> None:
        """Release the file (also when the rows were never read)."""
        self.closer()

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def detect_encoding(sample: bytes) -> str:
    """A BOM means UTF-8 (utf-8-sig); strict UTF-8 if it decodes; otherwise GB18030 (a superset of GBK)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:  # the sample cut a multi-byte character in half
            try:
                sample[:exc.start].decode("utf-8")
                return "utf-8"
            except UnicodeDecodeError:
                pass
        return "gb18030"
    return "utf-8"


def check_encoding(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError as exc:
        raise ImportFileError(Message(N_("Unknown encoding {name!r}: try utf-8, utf-8-sig, gbk or gb18030"),
            name=name)) from exc


def sniff_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if not lines:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=DELIMITERS).delimiter
    except csv.Error:
        # the most frequent candidate on the header line
        counts = {d: lines[0].count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def open_table(path: Path, *, encoding: str | None = None, delimiter: str | None = None) -> Table:
    """Open a CSV or XLSX file; raise :class:`ImportFileError` with a clear message if it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(Message(N_("No such file: {path}"), path=path))
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _open_xlsx(path)
    return _open_csv(path, encoding, delimiter)


def _open_csv(path: Path, encoding: str | None, delimiter: str | None) -> Table:
    with path.open("rb") as fh:
        sample = fh.read(SNIFF_BYTES)
    if sample.startswith(b"PK\x03\x04"):
        raise ImportFileError(Message(N_("{name} looks like an Excel workbook: save it with the .xlsx extension"),
            name=path.name))
    enc = check_encoding(encoding) if encoding else detect_encoding(sample)
    if enc == "utf-8" and sample.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    try:
        text_sample = sample.decode(enc, errors="ignore")
    except LookupError as exc:  # pragma: no cover - check_encoding already looked it up
        raise ImportFileError(str(exc)) from exc
    if delimiter is not None:
        delim = {"tab": "\t", "\\t": "\t"}.get(delimiter, delimiter)
        if len(delim) != 1:
            raise ImportFileError(Message(N_("The delimiter must be one character (or 'tab'), not {d!r}"), d=delimiter))
    else:
        delim = sniff_delimiter(text_sample)
    fh = path.open("r", encoding=enc, errors="strict", newline="")
    reader = csv.reader(fh, delimiter=delim)
    try:
        header = next(reader, None)
    except UnicodeDecodeError as exc:
        fh.close()
        raise ImportFileError(Message(N_("{name} is not valid {enc}: give the right one with --encoding"),
            name=path.name, enc=enc)) from exc
    if header is None or not any(h.strip() for h in header):
        fh.close()
        raise ImportFileError(Message(N_("{name} is empty: the first line must name the columns"), name=path.name))
    header_t = tuple(h.strip() for h in header)
    try:
        _check_header(path.name, header_t)
    except ImportFileError:
        fh.close()
        raise

    def rows() -> Iterator[tuple[int, tuple[str, ...]]]:
        number = 0
        try:
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except UnicodeDecodeError as exc:
                    raise ImportFileError(Message(N_(
                        "{name}: a line after data row {row} is not valid {enc}; give the right one with "
                        "--encoding"), name=path.name, row=number, enc=enc)) from exc
                except csv.Error as exc:
                    raise ImportFileError(Message(N_("{name}: the CSV is broken after data row {row}: {err}"),
                        name=path.name, row=number, err=exc)) from exc
                if not values or not any(v.strip() for v in values):
                    number += 1
                    continue
                number += 1
                yield number, tuple(values)
        finally:
            fh.close()

    return Table(path.name, "csv", header_t, enc, delim, rows(), fh.close)


def _check_header(name: str, header: tuple[str, ...]) -> None:
    seen: set[str] = set()
    for h in header:
        if h and h in seen:
            raise ImportFileError(Message(N_("{name}: the column {col!r} appears twice in the header"), name=name, col=h))
        seen.add(h)


def _open_xlsx(path: Path) -> Table:
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError as exc:  # pragma: no cover - a dependency
        raise ImportFileError(N_("Reading XLSX needs the openpyxl package")) from exc
    import zipfile

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(Message(N_("{name} is not a readable XLSX workbook: {err}"), name=path.name, err=exc)) from exc
    if not wb.worksheets:
        wb.close()
        raise ImportFileError(Message(N_("{name} has no worksheet"), name=path.name))
    merged = _merged_header_cells(path, wb.worksheets[0])
    if merged:
        wb.close()
        raise ImportFileError(Message(N_(
            "{name}: the header row has merged cells ({cells}); unmerge them so that every column has "
            "its own name, then import again"), name=path.name, cells=merged))
    ws = wb.worksheets[0]
    it = ws.iter_rows(values_only=True)
    first = next(it, None)
    if first is None or not any(v is not None and str(v).strip() for v in first):
        wb.close()
        raise ImportFileError(Message(N_("{name} is empty: the first row must name the columns"), name=path.name))
    header = tuple("" if v is None else str(v).strip() for v in first)
    try:
        _check_header(path.name, header)
    except ImportFileError:
        wb.close()
        raise

    def rows() -> Iterator[tuple[int, tuple[str, ...]]]:
        number = 0
        try:
            while True:
                try:
                    values = next(it)
                except StopIteration:
                    return
                except (ValueError, KeyError, TypeError, OSError, zipfile.BadZipFile) as exc:
                    raise ImportFileError(Message(N_("{name}: the workbook is broken after data row {row}: {err}"),
                        name=path.name, row=number, err=exc)) from exc
                number += 1
                cells = tuple(_cell_text(v) for v in values)
                if any(c.strip() for c in cells):
                    yield number, cells
        finally:
            wb.close()

    return Table(path.name, "xlsx", header, None, None, rows(), wb.close)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _merged_header_cells(path: Path, sheet: object) -> str | None:
    """The first merged range touching row 1, read from the sheet's XML (read-only mode does not list them)."""
    import zipfile

    inner = getattr(sheet, "_worksheet_path", None)
    if inner is None:  # pragma: no cover - another openpyxl version: load the sheet in full
        import openpyxl

        full = openpyxl.load_workbook(path, read_only=False)
        try:
            for rng in full.worksheets[0].merged_cells.ranges:
                if rng.min_row <= 1:
                    return str(rng)
            return None
        finally:
            full.close()
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(inner) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            for m in _MERGE.finditer(data):
                if int(m.group(2)) <= 1:
                    return f"{m.group(1).decode()}{m.group(2).decode()}:{m.group(3).decode()}{m.group(4).decode()}"
            tail = data[-200:]
    return None


def _cell_text(value: object) -> str:
    """Cells become the text a CSV export would hold: datetimes in ISO form, whole floats without '.0'."""
    from datetime import date, datetime, time, timedelta

    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        total = int(value.total_seconds())
        return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class FilePeek:
    """What the import dialog shows before any mapping: the detected format and the first rows."""

    file_name: str
    kind: str
    encoding: str | None
    delimiter: str | None
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    estimated_rows: int  # data rows in the file, estimated from its size (exact for small files)


def peek(path: Path, *, encoding: str | None = None, delimiter: str | None = None, rows: int = 200) -> FilePeek:
    """The header and the first ``rows`` data rows as text, and an estimate of the file's data rows."""
    path = Path(path)
    with open_table(path, encoding=encoding, delimiter=delimiter) as table:
        first: list[tuple[str, ...]] = []
        for _, values in table.rows:
            first.append(values)
            if len(first) >= rows:
                break
    size = path.stat().st_size
    if table.kind == "csv" and len(first) >= rows and first:
        with path.open("rb") as fh:
            sample = fh.read(SNIFF_BYTES)
        lines = max(1, sample.count(b"\n"))
        estimate = int(size / (len(sample) / lines)) - 1 if len(sample) >= SNIFF_BYTES else len(first)
    else:
        estimate = len(first)
        if table.kind == "xlsx" and len(first) >= rows:
            estimate = max(len(first), size // 40)  # a rough guess: about 40 compressed bytes a row
    return FilePeek(table.file_name, table.kind, table.encoding, table.delimiter, table.header, tuple(first),
                    max(estimate, len(first)))
