"""The settings every list of rows in the console shares (one row selected at a time, striped rows,
no row numbers, 24-px rows)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView

ROW_HEIGHT = 24


def row_table_defaults(table: QTableView, *, word_wrap: bool | None = None) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    if word_wrap is not None:
        table.setWordWrap(word_wrap)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
