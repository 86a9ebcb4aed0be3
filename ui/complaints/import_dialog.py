"""Import complaints from another system's CSV or XLSX: map its columns, check a preview, import,
and download the rows that could not be imported.

Mappings are saved by name on this desk (QSettings), so next month's export from the same system
is mapped with one click. The date format is detected from the file and can be overridden.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.complaints.import_mapping import (
    DATE_FIELDS,
    DATE_FORMATS,
    ComplaintMapping,
    MappingProblem,
    column_values,
    detect_date_format,
    guess_mapping,
    read_sample,
    remap_file,
    write_failed_rows,
)
from app.complaints.importer import COLUMNS, REQUIRED, import_complaints, preview_complaints
from app.imports.reading import ImportFileError
from ui.context import ConsoleContext
from ui.errors import show_error

SETTINGS_MAPPINGS = "complaints/import_mappings"
PREVIEW_ROWS = 20
ERROR_COLOR = QColor("#d64541")
PREVIEW_COLUMNS = ("reference", "kind", "category", "priority", "stage", "summary", "opened_at",
                   "expected_resolution_at", "customer", "departments")


def saved_mapping_names() -> list[str]:
    settings = QSettings()
    settings.beginGroup(SETTINGS_MAPPINGS)
    names = sorted(settings.childKeys(), key=str.casefold)
    settings.endGroup()
    return names


def load_saved_mapping(name: str) -> ComplaintMapping | None:
    raw = QSettings().value(f"{SETTINGS_MAPPINGS}/{name}")
    try:
        return ComplaintMapping.from_json(json.loads(str(raw))) if raw else None
    except ValueError:
        return None


def save_named_mapping(name: str, mapping: ComplaintMapping) -> None:
    QSettings().setValue(f"{SETTINGS_MAPPINGS}/{name}", json.dumps(mapping.to_json(), ensure_ascii=False))


# what each importer column holds, in words (the column keys stay as the file's header names)
FIELD_LABELS = {
    "reference": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Reference"),
    "kind": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Type"),
    "channel": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Channel"),
    "category": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Category"),
    "priority": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Priority"),
    "stage": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Stage"),
    "summary": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Summary"),
    "customer_phone": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Customer phone"),
    "customer_name": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Customer name"),
    "vip": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "VIP"),
    "owner": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Owner"),
    "team": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Team"),
    "departments": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Departments"),
    "temporary_solution": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Temporary solution"),
    "opened_at": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Opened at"),
    "expected_resolution_at": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Expected resolution"),
    "closed_at": QT_TRANSLATE_NOOP("ImportComplaintsDialog", "Closed at"),
}


class ImportComplaintsDialog(QDialog):
    """File → mapping → preview → import → failed rows."""

    import_did_finish = Signal(object)  # ComplaintImportResult

    def field_text(self, name: str) -> str:
        """An importer column as the form shows it: its meaning, then the header name the file may use."""
        return self.tr("%1 (%2)").replace("%1", self.tr(FIELD_LABELS[name])).replace("%2", name) \
            if name in FIELD_LABELS else name

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("import_complaints")
        self.setWindowTitle(self.tr("Import complaints"))
        self.resize(1100, 720)
        self.path: Path | None = None
        self.header: tuple[str, ...] = ()
        self.sample: list[tuple[str, ...]] = []
        self.result: Any = None
        self._tmp: str | None = None  # the remapped copies (made on the first preview, removed with the dialog)
        self._filling = False

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel(self.tr("Choose a CSV or Excel file exported from the other system."), self)
        self.file_label.setObjectName("import_file")
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose file…"), self)
        choose.setObjectName("import_choose")
        choose.clicked.connect(self._on_choose_clicked)
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        layout.addLayout(top)

        maps = QHBoxLayout()
        maps.addWidget(QLabel(self.tr("Saved mapping"), self))
        self.mappings = QComboBox(self)
        self.mappings.setObjectName("import_mappings")
        self.mappings.setMinimumWidth(180)
        self.mappings.activated.connect(self._on_mappings_activated)
        self.save_mapping_button = QPushButton(self.tr("Save mapping…"), self)
        self.save_mapping_button.setObjectName("import_save_mapping")
        self.save_mapping_button.clicked.connect(self._on_save_mapping_clicked)
        maps.addWidget(self.mappings)
        maps.addWidget(self.save_mapping_button)
        maps.addSpacing(24)
        maps.addWidget(QLabel(self.tr("Dates"), self))
        self.date_format = QComboBox(self)
        self.date_format.setObjectName("import_date_format")
        self.date_format.addItem(self.tr("As the importer reads them (ISO…)"), None)
        for fmt in DATE_FORMATS:
            self.date_format.addItem(_format_example(fmt), fmt)
        self.date_format.currentIndexChanged.connect(self._on_mapping_changed)
        maps.addWidget(self.date_format)
        self.date_note = QLabel(self)
        self.date_note.setObjectName("hint")
        maps.addWidget(self.date_note, 1)
        layout.addLayout(maps)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QGroupBox(self.tr("Columns"), split)
        left_layout = QVBoxLayout(left)
        self.columns = QTableWidget(len(COLUMNS), 2, left)
        self.columns.setObjectName("import_columns")
        self.columns.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the file")])
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.column_boxes: dict[str, QComboBox] = {}
        for row, name in enumerate(COLUMNS):
            item = QTableWidgetItem(self.field_text(name) + (" *" if name in REQUIRED else ""))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if name in REQUIRED:
                item.setToolTip(self.tr("Required"))
            self.columns.setItem(row, 0, item)
            box = QComboBox(self.columns)
            box.setObjectName(f"map_{name}")
            box.currentIndexChanged.connect(self._on_mapping_changed)
            self.column_boxes[name] = box
            self.columns.setCellWidget(row, 1, box)
        left_layout.addWidget(self.columns)
        right = QGroupBox(self.tr("Preview (first %1 rows, nothing saved)").replace("%1", str(PREVIEW_ROWS)), split)
        right_layout = QVBoxLayout(right)
        self.preview_note = QLabel(self)
        self.preview_note.setObjectName("import_preview_note")
        self.preview_note.setWordWrap(True)
        right_layout.addWidget(self.preview_note)
        self.preview = QTableWidget(0, 0, right)
        self.preview.setObjectName("import_preview")
        self.preview.verticalHeader().setDefaultSectionSize(24)
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        right_layout.addWidget(self.preview, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([360, 740])
        layout.addWidget(split, 1)

        self.result_box = QGroupBox(self.tr("Result"), self)
        result_layout = QVBoxLayout(self.result_box)
        self.result_label = QLabel(self.result_box)
        self.result_label.setObjectName("import_result")
        self.result_label.setWordWrap(True)
        result_layout.addWidget(self.result_label)
        self.failed = QTableWidget(0, 3, self.result_box)
        self.failed.setObjectName("import_failed")
        self.failed.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Reason"), self.tr("Detail")])
        self.failed.verticalHeader().hide()
        self.failed.horizontalHeader().setStretchLastSection(True)
        self.failed.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.failed.setMaximumHeight(160)
        result_layout.addWidget(self.failed)
        self.save_failed_button = QPushButton(self.tr("Save failed rows as CSV…"), self.result_box)
        self.save_failed_button.setObjectName("import_save_failed")
        self.save_failed_button.clicked.connect(self._on_save_failed_clicked)
        result_layout.addWidget(self.save_failed_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result_box.hide()
        layout.addWidget(self.result_box)

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_run")
        self.import_button.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._reload_mapping_names()

    def done(self, result: int) -> None:  # noqa: D401 - Qt override: the temporary folder goes with the dialog
        super().done(result)
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    # --- file and mapping ------------------------------------------------------------------------------------
    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Complaints to import"), "",
                                              self.tr("Spreadsheets (*.csv *.txt *.xlsx);;All files (*)"))
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> bool:
        try:
            header, sample, encoding = read_sample(path)
        except (ImportFileError, OSError) as exc:
            self.file_label.setText(self.tr("Cannot read %1: %2").replace("%1", path.name).replace("%2", str(exc)))
            self.path = None
            self.import_button.setEnabled(False)
            return False
        self.path, self.header, self.sample = path, header, sample
        self.file_label.setText(self.tr("%1 · %2 columns · %3").replace("%1", str(path)).replace(
            "%2", str(len(header))).replace("%3", encoding or "Excel"))
        self._filling = True
        for box in self.column_boxes.values():
            box.clear()
            box.addItem(self.tr("— not in the file —"), None)
            for h in header:
                box.addItem(h, h)
        self._filling = False
        self.set_mapping(ComplaintMapping(guess_mapping(header)), detect=True)
        return True

    def set_mapping(self, mapping: ComplaintMapping, *, detect: bool = False) -> None:
        self._filling = True
        for name, box in self.column_boxes.items():
            column = mapping.columns.get(name)
            if column is not None and box.findData(column) < 0:
                column = None  # the saved mapping names a column this file does not have
            box.setCurrentIndex(max(0, box.findData(column)))
        fmt = mapping.date_format
        if detect:
            values = [v for f in DATE_FIELDS if mapping.columns.get(f)
                      for v in column_values(self.header, self.sample, mapping.columns[f])]
            guess = detect_date_format(values)
            fmt = guess.date_format
            if guess.samples == 0:
                self.date_note.setText("")
            elif fmt is None:
                self.date_note.setText(self.tr("No single format reads all %1 sample dates; they are read one by "
                                               "one.").replace("%1", str(guess.samples)))
            else:
                note = self.tr("Detected from %1 dates.").replace("%1", str(guess.samples))
                if guess.ambiguous:
                    note += " " + self.tr("Also possible: %1 — check the preview.").replace(
                        "%1", ", ".join(_format_example(f) for f in guess.ambiguous[:2]))
                self.date_note.setText(note)
        self.date_format.setCurrentIndex(max(0, self.date_format.findData(fmt)))
        self._filling = False
        self._on_mapping_changed()

    def current_mapping(self) -> ComplaintMapping:
        columns = {name: box.currentData() for name, box in self.column_boxes.items() if box.currentData()}
        return ComplaintMapping(columns, self.date_format.currentData())

    def _on_mapping_changed(self, *_args: object) -> None:
        if not self._filling:
            self.refresh_preview()

    def _reload_mapping_names(self, select: str | None = None) -> None:
        self.mappings.clear()
        self.mappings.addItem(self.tr("(by column names)"), None)
        for name in saved_mapping_names():
            self.mappings.addItem(name, name)
        self.mappings.setCurrentIndex(max(0, self.mappings.findData(select)))

    def _on_mappings_activated(self, index: int) -> None:
        name = self.mappings.itemData(index)
        mapping = load_saved_mapping(name) if name else ComplaintMapping(guess_mapping(self.header))
        if mapping is not None:
            self.set_mapping(mapping, detect=name is None)

    def save_mapping(self, name: str) -> None:
        name = name.strip().replace("/", "-")
        if name:
            save_named_mapping(name, self.current_mapping())
            self._reload_mapping_names(select=name)

    def apply_saved_mapping(self, name: str) -> bool:
        mapping = load_saved_mapping(name)
        if mapping is None:
            return False
        self.set_mapping(mapping)
        self._reload_mapping_names(select=name)
        return True

    def _on_save_mapping_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"), self.tr("Name (e.g. the other system):"),
                                        text=self.mappings.currentData() or "")
        if ok:
            self.save_mapping(name)

    # --- preview and import ----------------------------------------------------------------------------------
    def _mapped_file(self, limit: int | None) -> Path:
        assert self.path is not None
        if self._tmp is None:
            self._tmp = tempfile.mkdtemp(prefix="floorwalker-import-")
        target = Path(self._tmp) / ("preview.csv" if limit else "import.csv")
        remap_file(self.path, self.current_mapping(), target, limit=limit)
        return target

    def refresh_preview(self) -> None:
        self.preview.setRowCount(0)
        if self.path is None:
            return
        missing = self.current_mapping().missing()
        if missing:
            self.preview_note.setText(self.tr("Choose a column for: %1").replace("%1", ", ".join(missing)))
            self.preview_note.setStyleSheet(f"color: {ERROR_COLOR.name()};")
            self.import_button.setEnabled(False)
            return
        try:
            pv = preview_complaints(self.ctx.db, self._mapped_file(PREVIEW_ROWS), rows=PREVIEW_ROWS)
        except (ImportFileError, MappingProblem, OSError) as exc:
            self.preview_note.setText(str(exc))
            self.preview_note.setStyleSheet(f"color: {ERROR_COLOR.name()};")
            self.import_button.setEnabled(False)
            return
        bad = sum(1 for r in pv.rows if r.error)
        self.preview_note.setStyleSheet("")
        self.preview_note.setText(self.tr("%1 rows read, %2 ready, %3 with a problem (shown in red). Times in %4.")
                                  .replace("%1", str(len(pv.rows))).replace("%2", str(len(pv.rows) - bad))
                                  .replace("%3", str(bad)).replace("%4", pv.timezone))
        headers = [self.tr("Row"), self.tr("Problem"), *(self.tr(FIELD_LABELS.get(c, c)) for c in PREVIEW_COLUMNS)]
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setRowCount(len(pv.rows))
        for r, row in enumerate(pv.rows):
            self.preview.setItem(r, 0, QTableWidgetItem(str(row.row)))
            problem = QTableWidgetItem(row.error or "")
            problem.setToolTip(row.error or "")
            self.preview.setItem(r, 1, problem)
            for c, key in enumerate(PREVIEW_COLUMNS, start=2):
                self.preview.setItem(r, c, QTableWidgetItem((row.values or {}).get(key, "")))
            if row.error:
                for c in range(2):
                    item = self.preview.item(r, c)
                    if item is not None:
                        item.setForeground(ERROR_COLOR)
        self.preview.resizeColumnsToContents()
        if self.preview.columnWidth(1) > 320:
            self.preview.setColumnWidth(1, 320)
        self.import_button.setEnabled(len(pv.rows) > bad)

    def run_import(self) -> None:
        if self.path is None:
            return
        try:
            mapped = self._mapped_file(None)
        except (ImportFileError, MappingProblem, OSError) as exc:
            show_error(self, ValueError(str(exc)))
            return
        actor = self.ctx.actor
        db = self.ctx.db
        self.import_button.setEnabled(False)
        # the importer opens its own sessions (one per batch); the task's session stays unused
        self.ctx.tasks.command(lambda _s: import_complaints(db, mapped, actor=actor)) \
            .success(self._on_imported).failure(self._on_import_failed) \
            .with_progress(self, self.tr("Importing complaints…")).run()

    def _on_import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        show_error(self, ValueError(str(exc)) if isinstance(exc, ImportFileError) else exc)

    def _on_imported(self, result: Any) -> None:
        self.result = result
        self.ctx.bus.operation_did_execute.emit(result.changes, self)
        self.result_box.show()
        text = self.tr("%1 rows read, %2 imported, %3 not imported.").replace("%1", str(result.rows_read)) \
            .replace("%2", str(result.rows_imported)).replace("%3", str(result.rows_skipped))
        if result.customers_created:
            text += " " + self.tr("%1 customers stored encrypted.").replace("%1", str(result.customers_created))
        self.result_label.setText(text)
        self.failed.setRowCount(len(result.skipped))
        for r, issue in enumerate(result.skipped):
            for c, value in enumerate((str(issue.row), issue.code, issue.message)):
                self.failed.setItem(r, c, QTableWidgetItem(value))
        self.failed.resizeColumnToContents(0)
        self.failed.resizeColumnToContents(1)
        self.failed.setVisible(bool(result.skipped))
        self.save_failed_button.setVisible(bool(result.skipped))
        self.import_did_finish.emit(result)

    def _on_save_failed_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save failed rows"), "complaints-not-imported.csv",
                                              self.tr("CSV (*.csv)"))
        if path:
            self.save_failed_rows(Path(path))

    def save_failed_rows(self, target: Path) -> int:
        if self.result is None or self.path is None:
            return 0
        try:
            return write_failed_rows(target, self.path, self.result.skipped)
        except OSError as exc:
            show_error(self, ValueError(self.tr("Could not write %1: %2").replace("%1", str(target)).replace(
                "%2", exc.strerror or str(exc))))
            return 0


def _format_example(fmt: str) -> str:
    """A format as people write it: ``%d/%m/%Y %H:%M`` → ``DD/MM/YYYY hh:mm``."""
    for code, text in (("%Y", "YYYY"), ("%y", "YY"), ("%m", "MM"), ("%d", "DD"), ("%H", "hh"), ("%M", "mm"),
                       ("%S", "ss")):
        fmt = fmt.replace(code, text)
    return fmt
