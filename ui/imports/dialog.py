"""Import history: choose a CSV/XLSX export, see its detected encoding and delimiter, map its
columns to interaction fields, preview the first rows as they would be stored (nothing written),
save the mapping by name, import in a worker with progress and cancel, and save the skipped
rows as CSV. Built over ``app.imports`` (the same services as ``floorwalker import interactions``)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import TRANSLATION_CONTEXT, Message
from app.imports.mapping import CHANNELS, FIELDS, Mapping, MappingError, guess_columns
from app.imports.reading import FilePeek, ImportFileError, peek
from app.imports.service import (
    ImportResult,
    MappingInfo,
    Preview,
    import_interactions,
    list_mappings,
    preview,
    save_mapping,
    write_report,
)
from app.quality.interactions import CHANNEL_LABELS, OUTCOME_LABELS
from app.security.permissions import allowed
from ui.context import ConsoleContext
from ui.errors import show_error
from ui.tasks import Cancelled, Progress
from ui.widgets.table_model import Index, RowTableModel

NOT_MAPPED = ""
ENCODINGS = ("", "utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "latin-1")
DELIMITERS = (("", QT_TRANSLATE_NOOP("imports", "Detect")), (",", QT_TRANSLATE_NOOP("imports", "Comma ,")),
              (";", QT_TRANSLATE_NOOP("imports", "Semicolon ;")), ("tab", QT_TRANSLATE_NOOP("imports", "Tab")),
              ("|", QT_TRANSLATE_NOOP("imports", "Pipe |")))
PREVIEW_ROWS = 20
PREVIEW_KEYS = ("id", "queue", "arrival", "answered", "ended", "wait_sec", "handle_sec", "outcome", "agent",
                "customer")
ERROR_COLOR = "#b3261e"


def tr(text: str) -> str:
    return QCoreApplication.translate("imports", text)


def translated(text: object) -> str:
    """A message of app.imports in the user's language: the N_() template translated and filled again."""
    if isinstance(text, Message):
        params = {k: translated(v) if isinstance(v, Message) else field_name(v) if k == "field" else v
                  for k, v in text.params.items()}
        return QCoreApplication.translate(TRANSLATION_CONTEXT, text.template).format(**params)
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text) if isinstance(text, str) and text else str(text)


def field_name(key: object) -> object:
    """A mapping field ("arrival") as the dialog names it ("Arrival time"), for the reasons of skipped rows."""
    return tr(FIELD_LABELS[key]).removesuffix(" *") if isinstance(key, str) and key in FIELD_LABELS else key


def error_html(exc: BaseException) -> str:
    """A file or mapping error, translated, in red."""
    text = translated(exc.args[0]) if exc.args and isinstance(exc.args[0], str) else str(exc)
    return f'<span style="color:{ERROR_COLOR}">{escape(text.splitlines()[0] if text else "")}</span>'


FIELD_LABELS = {
    "id": QT_TRANSLATE_NOOP("imports", "Call id (unique; several columns joined)"),
    "queue": QT_TRANSLATE_NOOP("imports", "Queue / call type"),
    "date": QT_TRANSLATE_NOOP("imports", "Date (when separate)"),
    "arrival": QT_TRANSLATE_NOOP("imports", "Arrival time *"),
    "queue_entry": QT_TRANSLATE_NOOP("imports", "Queue entry"),
    "queue_exit": QT_TRANSLATE_NOOP("imports", "Queue exit"),
    "wait": QT_TRANSLATE_NOOP("imports", "Wait (s)"),
    "service_start": QT_TRANSLATE_NOOP("imports", "Service start (answered)"),
    "service_end": QT_TRANSLATE_NOOP("imports", "Service end"),
    "handle_time": QT_TRANSLATE_NOOP("imports", "Handle time (s)"),
    "outcome": QT_TRANSLATE_NOOP("imports", "Outcome (answered / abandoned)"),
    "agent": QT_TRANSLATE_NOOP("imports", "Agent"),
    "customer": QT_TRANSLATE_NOOP("imports", "Customer (phone; encrypted)"),
}


@dataclass(frozen=True)
class ImportCancelled:
    """The user pressed Cancel: the batches committed so far stay; importing again continues."""

    message: str


class PreviewModel(RowTableModel[Any]):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._headers = [tr("Row"), tr("Id"), tr("Queue"), tr("Arrival"), tr("Answered"), tr("Ended"), tr("Wait s"),
                         tr("Handle s"), tr("Outcome"), tr("Agent"), tr("Customer")]

    def set_preview(self, pv: Preview | None) -> None:
        self.beginResetModel()
        self._rows = [] if pv is None else list(pv.rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(r.row)
            if r.error:
                return tr("Skipped: %1").replace("%1", translated(r.error)) if col == 1 else ""
            value = (r.values or {}).get(PREVIEW_KEYS[col - 1], "")
            if PREVIEW_KEYS[col - 1] == "id" and value.startswith("row:"):
                return tr("(row content) %1…").replace("%1", value[4:12])  # no id column: a hash of the row
            if PREVIEW_KEYS[col - 1] == "outcome" and value in OUTCOME_LABELS:
                return QCoreApplication.translate(TRANSLATION_CONTEXT, OUTCOME_LABELS[value])
            if PREVIEW_KEYS[col - 1] in ("arrival", "answered", "ended") and len(value) > 19:
                return value[:19]  # the time zone is named above the table
            return value
        if role == Qt.ItemDataRole.ForegroundRole and r.error:
            return QColor(ERROR_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and r.error:
            return translated(r.error)
        return None


class ImportDialog(QDialog):
    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("import_dialog")
        self.setWindowTitle(tr("Import call history"))
        self.path: Path | None = None
        self.file: FilePeek | None = None
        self.mappings: list[MappingInfo] = []
        self.result: ImportResult | None = None
        self.last_preview: Preview | None = None
        self.may_import = allowed(ctx.actor, "rota.edit")
        self._build()
        self.resize(1180, 820)
        self.ctx.tasks.query(list_mappings).success(self._on_mappings_loaded).failure(lambda exc: None).run()

    # --- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        file_box = QGroupBox(tr("1. File"))
        fl = QGridLayout(file_box)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(tr("A CSV (any delimiter or encoding, GBK included) or an XLSX export"))
        self.choose_button = QPushButton(tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        fl.addWidget(self.path_edit, 0, 0, 1, 5)
        fl.addWidget(self.choose_button, 0, 5)
        fl.addWidget(QLabel(tr("Encoding")), 1, 0)
        self.encoding_combo = QComboBox()
        for enc in ENCODINGS:
            self.encoding_combo.addItem(enc or tr("Detect"), enc)
        fl.addWidget(self.encoding_combo, 1, 1)
        fl.addWidget(QLabel(tr("Delimiter")), 1, 2)
        self.delimiter_combo = QComboBox()
        for value, label in DELIMITERS:
            self.delimiter_combo.addItem(tr(label), value)
        fl.addWidget(self.delimiter_combo, 1, 3)
        self.detected_label = QLabel()
        self.detected_label.setObjectName("hint")
        fl.addWidget(self.detected_label, 1, 4, 1, 2)
        self.encoding_combo.currentIndexChanged.connect(lambda _i: self.reread())
        self.delimiter_combo.currentIndexChanged.connect(lambda _i: self.reread())
        outer.addWidget(file_box)

        map_box = QGroupBox(tr("2. Columns"))
        ml = QHBoxLayout(map_box)
        grid = QGridLayout()
        self.field_combos: dict[str, QComboBox] = {}
        for i, name in enumerate(FIELDS):
            combo = QComboBox()
            combo.setMinimumWidth(150)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.field_combos[name] = combo
            grid.addWidget(QLabel(tr(FIELD_LABELS[name])), i % 7, 2 * (i // 7))
            grid.addWidget(combo, i % 7, 2 * (i // 7) + 1)
        ml.addLayout(grid, 3)
        opts = QFormLayout()
        self.saved_combo = QComboBox()
        self.saved_combo.addItem(tr("— guessed from the header —"), "")
        self.saved_combo.activated.connect(self._on_saved_combo_activated)
        opts.addRow(tr("Saved mapping"), self.saved_combo)
        self.queue_name_edit = QLineEdit()
        self.queue_name_edit.setPlaceholderText(tr("one queue for all rows (when no column)"))
        opts.addRow(tr("Fixed queue"), self.queue_name_edit)
        self.timezone_edit = QLineEdit()
        self.timezone_edit.setPlaceholderText(tr("the center's: %1").replace("%1", str(self.ctx.timezone)))
        opts.addRow(tr("Time zone"), self.timezone_edit)
        self.channel_combo = QComboBox()
        for c in CHANNELS:
            self.channel_combo.addItem(QCoreApplication.translate(TRANSLATION_CONTEXT, CHANNEL_LABELS.get(c, c)), c)
        opts.addRow(tr("Channel"), self.channel_combo)
        self.date_format_edit = QLineEdit()
        self.date_format_edit.setPlaceholderText(tr("auto (e.g. %Y-%m-%d, %y%m%d)"))
        opts.addRow(tr("Date format"), self.date_format_edit)
        self.answered_edit = QLineEdit()
        self.abandoned_edit = QLineEdit()
        self.skip_edit = QLineEdit()
        for e, tip in ((self.answered_edit, "AGENT, ANSWERED, 接通"), (self.abandoned_edit, "HANG, ABANDON, 放弃"),
                       (self.skip_edit, "PHANTOM, TEST")):
            e.setPlaceholderText(tr("comma-separated, e.g. %1").replace("%1", tip))
        opts.addRow(tr("Answered values"), self.answered_edit)
        opts.addRow(tr("Abandoned values"), self.abandoned_edit)
        opts.addRow(tr("Rows to skip"), self.skip_edit)
        self.no_agent_edit = QLineEdit()
        self.no_agent_edit.setPlaceholderText(tr("values meaning no agent, e.g. NO_SERVER"))
        opts.addRow(tr("No agent"), self.no_agent_edit)
        self.zero_time_check = QCheckBox(tr("A time of 0:00:00 means it did not happen"))
        opts.addRow("", self.zero_time_check)
        self.values_hint = QLabel()
        self.values_hint.setObjectName("hint")
        self.values_hint.setWordWrap(True)
        opts.addRow(self.values_hint)
        for e in (self.queue_name_edit, self.timezone_edit, self.date_format_edit, self.answered_edit,
                  self.abandoned_edit, self.skip_edit, self.no_agent_edit):
            e.editingFinished.connect(self._mapping_changed)
        self.zero_time_check.toggled.connect(lambda _c: self._mapping_changed())
        self.channel_combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
        ml.addLayout(opts, 2)
        outer.addWidget(map_box)

        pv_box = QGroupBox(tr("3. Preview: the first rows as they would be stored (nothing is written)"))
        pl = QVBoxLayout(pv_box)
        self.mapping_status = QLabel()
        self.mapping_status.setWordWrap(True)
        pl.addWidget(self.mapping_status)
        self.preview_model = PreviewModel(self)
        self.preview_table = QTableView()
        self.preview_table.setModel(self.preview_model)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().hide()
        self.preview_table.verticalHeader().setDefaultSectionSize(22)
        self.preview_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        pl.addWidget(self.preview_table, 1)
        outer.addWidget(pv_box, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(tr("Save the mapping as")))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(25)
        self.name_edit.setPlaceholderText(tr("e.g. bank-export"))
        self.name_edit.setMaximumWidth(200)
        bottom.addWidget(self.name_edit)
        self.save_button = QPushButton(tr("Save mapping"))
        self.save_button.clicked.connect(self.save_current_mapping)
        bottom.addWidget(self.save_button)
        bottom.addSpacing(16)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        bottom.addWidget(self.result_label, 1)
        self.report_button = QPushButton(tr("Save skipped rows as CSV…"))
        self.report_button.clicked.connect(self.save_report)
        self.report_button.setEnabled(False)
        bottom.addWidget(self.report_button)
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.import_button.setEnabled(False)
        self.import_button.setVisible(self.may_import)
        self.save_button.setVisible(self.may_import)
        bottom.addWidget(self.import_button)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        outer.addLayout(bottom)

    # --- file ------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Choose the export"), "",
                                              tr("Call records (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)"))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        self.path = path
        self.path_edit.setText(str(path))
        self.result = None
        self.report_button.setEnabled(False)
        self.result_label.clear()
        self.reread(guess=True)

    def _encoding(self) -> str | None:
        return self.encoding_combo.currentData() or None

    def _delimiter(self) -> str | None:
        return self.delimiter_combo.currentData() or None

    def reread(self, guess: bool = False) -> None:
        if self.path is None:
            return
        path, enc, delim = self.path, self._encoding(), self._delimiter()
        self.ctx.tasks.query(lambda _s: peek(path, encoding=enc, delimiter=delim)) \
            .success(lambda fp: self._on_peeked(fp, guess)).failure(self._on_file_failed).run()

    def _on_file_failed(self, exc: BaseException) -> None:
        self.file = None
        self.import_button.setEnabled(False)
        if isinstance(exc, ImportFileError):
            self.detected_label.setText(error_html(exc))
            return
        show_error(self, exc)

    def _on_peeked(self, fp: FilePeek, guess: bool) -> None:
        self.file = fp
        delim = {"\t": tr("tab"), ",": tr("comma"), ";": tr("semicolon"), "|": tr("pipe")}.get(
            fp.delimiter or "", fp.delimiter or "")
        parts = [fp.kind.upper()]
        if fp.encoding:
            parts.append(tr("encoding %1").replace("%1", fp.encoding))
        if fp.delimiter:
            parts.append(tr("%1-separated").replace("%1", delim))
        parts.append(tr("%1 columns").replace("%1", str(len(fp.header))))
        parts.append(tr("about %1 rows").replace("%1", f"{fp.estimated_rows:,}"))
        self.detected_label.setText(tr("Detected: ") + tr(", ").join(parts))
        previous = {k: c.currentData() for k, c in self.field_combos.items()}
        guessed = guess_columns(fp.header) if guess else {}
        for name, combo in self.field_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("— not in the file —"), NOT_MAPPED)
            for h in fp.header:
                combo.addItem(h, h)
            want = guessed.get(name) if guess else previous.get(name)
            i = combo.findData(want) if want else 0
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)
        if guess:
            self._guess_outcomes()
        self._mapping_changed()

    def _column_values(self, column: str | None, limit: int = 12) -> list[str]:
        if not column or self.file is None or column not in self.file.header:
            return []
        i = self.file.header.index(column)
        seen: dict[str, int] = {}
        for row in self.file.rows:
            if i < len(row) and row[i].strip():
                seen[row[i].strip()] = seen.get(row[i].strip(), 0) + 1
        return sorted(seen, key=lambda v: -seen[v])[:limit]

    def _guess_outcomes(self) -> None:
        values = self._column_values(self.field_combos["outcome"].currentData())
        answered = [v for v in values if v.casefold() in ("agent", "answered", "answer", "ok", "connected", "接通",
                                                          "已接听", "success")]
        abandoned = [v for v in values if v.casefold() in ("hang", "abandon", "abandoned", "no answer", "noanswer",
                                                           "放弃", "未接", "missed")]
        skip = [v for v in values if v.casefold() in ("phantom", "test")]
        if values:
            self.answered_edit.setText(", ".join(answered))
            self.abandoned_edit.setText(", ".join(abandoned))
            self.skip_edit.setText(", ".join(skip))
        agents = self._column_values(self.field_combos["agent"].currentData(), 50)
        self.no_agent_edit.setText(", ".join(a for a in agents if a.upper() in ("NO_SERVER", "NONE", "N/A", "-")))
        times = [v for k in ("queue_entry", "service_start") for v in
                 self._column_values(self.field_combos[k].currentData(), 50)]
        self.zero_time_check.setChecked(any(v in ("0:00:00", "00:00:00") for v in times))

    # --- mapping ---------------------------------------------------------------------------------
    def _on_mappings_loaded(self, infos: list[MappingInfo]) -> None:
        self.mappings = infos
        current = self.saved_combo.currentData()
        self.saved_combo.clear()
        self.saved_combo.addItem(tr("— guessed from the header —"), "")
        for m in infos:
            self.saved_combo.addItem(m.name + (" " + tr("(built in)") if m.builtin else ""), m.name)
        if current:
            self.saved_combo.setCurrentIndex(max(0, self.saved_combo.findData(current)))

    def _on_saved_combo_activated(self, index: int) -> None:
        name = self.saved_combo.itemData(index)
        info = next((m for m in self.mappings if m.name == name), None)
        if info is not None:
            self.apply_mapping(info.name, info.data)

    def apply_mapping(self, name: str, data: dict[str, Any]) -> None:
        """Fill the form from a saved mapping (a column the file lacks stays unmapped, and is reported)."""
        columns = data.get("columns", {})
        missing = []
        for field_name, combo in self.field_combos.items():
            col = columns.get(field_name)
            if isinstance(col, list):
                col = col[-1]  # the form maps one column; several id columns are kept in the mapping
            combo.blockSignals(True)
            i = combo.findData(col) if col else 0
            if col and i < 0:
                missing.append(col)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)
        self._loaded_id_columns = columns.get("id") if isinstance(columns.get("id"), list) else None
        self.queue_name_edit.setText(data.get("queue_name") or "")
        self.timezone_edit.setText(data.get("timezone") or "")
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(data.get("channel", "phone"))))
        self.date_format_edit.setText(data.get("date_format") or "")
        outcomes = data.get("outcomes", {})
        self.answered_edit.setText(", ".join(outcomes.get("answered", [])))
        self.abandoned_edit.setText(", ".join(outcomes.get("abandoned", [])))
        self.skip_edit.setText(", ".join(outcomes.get("skip", [])))
        self.no_agent_edit.setText(", ".join(data.get("agent_none_values", [])))
        self.zero_time_check.setChecked(bool(data.get("zero_time_is_missing")))
        self.name_edit.setText(name)
        self._mapping_changed()
        if missing:
            self.mapping_status.setText(f'<span style="color:{ERROR_COLOR}">' + tr(
                "This file has no column %1 of the mapping %2").replace("%1", tr(", ").join(missing)).replace(
                "%2", name) + "</span>")

    _loaded_id_columns: list[str] | None = None

    def mapping_data(self) -> dict[str, Any]:
        columns: dict[str, Any] = {}
        for name, combo in self.field_combos.items():
            if combo.currentData():
                columns[name] = combo.currentData()
        if self._loaded_id_columns and columns.get("id") == self._loaded_id_columns[-1] and self.file is not None \
                and all(c in self.file.header for c in self._loaded_id_columns):
            columns["id"] = list(self._loaded_id_columns)

        def values(edit: QLineEdit) -> list[str]:
            return [v.strip() for v in edit.text().split(",") if v.strip()]

        data: dict[str, Any] = {"columns": columns, "channel": self.channel_combo.currentData()}
        for key, edit in (("queue_name", self.queue_name_edit), ("timezone", self.timezone_edit),
                          ("date_format", self.date_format_edit)):
            if edit.text().strip():
                data[key] = edit.text().strip()
        outcomes = {k: values(e) for k, e in (("answered", self.answered_edit), ("abandoned", self.abandoned_edit),
                                               ("skip", self.skip_edit)) if values(e)}
        if outcomes:
            data["outcomes"] = outcomes
        if values(self.no_agent_edit):
            data["agent_none_values"] = values(self.no_agent_edit)
        if self.zero_time_check.isChecked():
            data["zero_time_is_missing"] = True
        return data

    def current_mapping(self) -> Mapping:
        return Mapping.from_json(self.name_edit.text().strip() or "dialog", self.mapping_data())

    def _mapping_changed(self) -> None:
        outcome_values = self._column_values(self.field_combos["outcome"].currentData())
        self.values_hint.setText(tr("Outcome values in the first rows: %1").replace("%1", ", ".join(outcome_values))
                                 if outcome_values else "")
        if self.file is None:
            return
        try:
            mapping = self.current_mapping()
        except MappingError as exc:
            self.mapping_status.setText(error_html(exc))
            self.import_button.setEnabled(False)
            self.preview_model.set_preview(None)
            return
        self.mapping_status.setText(tr("Mapping complete: checking the first %1 rows…").replace(
            "%1", str(PREVIEW_ROWS)))
        path, enc, delim, db = self.path, self._encoding(), self._delimiter(), self.ctx.db
        self.ctx.tasks.query(lambda _s: preview(db, path, mapping, rows=PREVIEW_ROWS, encoding=enc, delimiter=delim)) \
            .success(self._on_preview).failure(self._on_preview_failed).run()

    def _on_preview(self, pv: Preview) -> None:
        self.last_preview = pv
        self.preview_model.set_preview(pv)
        bad = sum(1 for r in pv.rows if r.error)
        good = len(pv.rows) - bad
        text = tr("%1 of the first %2 rows read; times in %3.").replace("%1", str(good)) \
            .replace("%2", str(len(pv.rows))).replace("%3", pv.timezone)
        if bad:
            text += " " + tr("%1 would be skipped (in red).").replace("%1", str(bad))
        self.mapping_status.setText(text)
        self.import_button.setEnabled(good > 0)

    def _on_preview_failed(self, exc: BaseException) -> None:
        self.preview_model.set_preview(None)
        self.import_button.setEnabled(False)
        if isinstance(exc, ImportFileError | MappingError):
            self.mapping_status.setText(error_html(exc))
            return
        show_error(self, exc)

    def save_current_mapping(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.mapping_status.setText(f'<span style="color:{ERROR_COLOR}">' + tr(
                "Give the mapping a name first") + "</span>")
            return
        data, actor = self.mapping_data(), self.ctx.actor
        self.ctx.tasks.command(lambda s: (save_mapping(s, actor, name, data), list_mappings(s))) \
            .success(lambda r: self._on_saved(name, r)).failure(self._on_preview_failed).run()

    def _on_saved(self, name: str, result: tuple) -> None:
        changes, infos = result
        self.ctx.bus.operation_did_execute.emit(changes, self)
        self._on_mappings_loaded(infos)
        self.saved_combo.setCurrentIndex(max(0, self.saved_combo.findData(name)))
        self.mapping_status.setText(tr("Mapping %1 saved: choose it next time from Saved mapping.").replace(
            "%1", name))

    # --- import ----------------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.path is None or self.file is None or not self.may_import:
            return
        try:
            mapping = self.current_mapping()
        except MappingError as exc:
            self.mapping_status.setText(error_html(exc))
            return
        path, enc, delim, db, actor = self.path, self._encoding(), self._delimiter(), self.ctx.db, self.ctx.actor
        estimate = max(1, self.file.estimated_rows)

        def work(_s, progress: Progress):  # noqa: ANN001, ANN202
            try:
                return import_interactions(db, path, mapping, actor=actor, encoding=enc, delimiter=delim,
                                           progress=lambda last: progress.report(
                                               min(last, estimate), estimate,
                                               tr("Imported up to row %1 of about %2").replace("%1", f"{last:,}")
                                               .replace("%2", f"{estimate:,}")))
            except Cancelled:
                return ImportCancelled(tr("Import cancelled: the rows saved so far stay; import the same file "
                                          "again to continue where it stopped."))

        self.import_button.setEnabled(False)
        self.result_label.setText(tr("Importing…"))
        self.ctx.tasks.command(work).with_progress(self, tr("Importing %1…").replace("%1", path.name)) \
            .success(self._on_imported).failure(self._on_import_failed).run()

    def _on_import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.result_label.setText(error_html(exc))
        if not isinstance(exc, ImportFileError | MappingError):
            show_error(self, exc)

    def _on_imported(self, result: ImportResult | ImportCancelled) -> None:
        self.import_button.setEnabled(True)
        if isinstance(result, ImportCancelled):
            self.result_label.setText(result.message)
            return
        self.result = result
        if result.changes:
            self.ctx.bus.operation_did_execute.emit(result.changes, self)
        text = tr("%1 rows read, %2 imported, %3 skipped in %4 s.").replace("%1", f"{result.rows_read:,}") \
            .replace("%2", f"{result.rows_imported:,}").replace("%3", f"{result.rows_skipped:,}") \
            .replace("%4", f"{result.seconds:.1f}")
        if result.reasons:
            reasons = tr("; ").join(f"{QCoreApplication.translate(TRANSLATION_CONTEXT, k)} {v:,}"
                                for k, v in result.reasons.items())
            text += " " + tr("Skipped: %1.").replace("%1", reasons)
        if result.queues_created:
            text += " " + tr("New queues: %1.").replace("%1", tr(", ").join(result.queues_created))
        if result.agents_created:
            text += " " + tr("%1 new agents.").replace("%1", str(len(result.agents_created)))
        self.result_label.setText(text)
        self.report_button.setEnabled(bool(result.skipped))

    def save_report(self, target: Path | None = None) -> None:
        if self.result is None or not self.result.skipped:
            return
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self, tr("Save the skipped rows"),
                                                  f"{Path(self.result.file_name).stem}-skipped.csv",
                                                  tr("CSV (*.csv)"))
            if not name:
                return
            target = Path(name)
        n = write_report(target, self.result.skipped)
        self.result_label.setText(self.result_label.text() + " " + tr("%1 skipped rows saved to %2.").replace(
            "%1", f"{n:,}").replace("%2", target.name))
