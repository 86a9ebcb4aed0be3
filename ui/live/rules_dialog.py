"""Live ▸ Alert rules: switch each live alert on or off and set its threshold (administrators)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import TRANSLATION_CONTEXT
from app.live import settings as live_settings
from app.live.settings import LiveRule
from ui.context import ConsoleContext
from ui.errors import show_error
from ui.live.formatting import tr


def unit_suffix(unit: str) -> str:
    """A threshold's unit after its number, in the user's language ('' for none)."""
    units = {"s": tr(" s"), "min": tr(" min"), "%": tr(" %"), "agents": tr(" agents"),
             "customers": tr(" customers"), "points": tr(" points")}
    return units.get(unit, f" {unit}" if unit else "")


class AlertRulesDialog(QDialog):
    def __init__(self, ctx: ConsoleContext, rules: list[LiveRule], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rules = {r.key: r for r in rules}
        self.setWindowTitle(tr("Live alert rules"))
        outer = QVBoxLayout(self)
        hint = QLabel(tr("An alert is raised once per episode, as a console notification to supervisors and "
                         "managers; the live_alerts job checks every 30 s, whether or not a console shows Live."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        outer.addWidget(hint)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.enabled: dict[str, QCheckBox] = {}
        self.thresholds: dict[str, QDoubleSpinBox] = {}
        for row, rule in enumerate(rules):
            box = QCheckBox(QCoreApplication.translate(TRANSLATION_CONTEXT, rule.description))
            box.setChecked(rule.enabled)
            box.setEnabled(rule.is_alert)
            spin = QDoubleSpinBox()
            spin.setDecimals(0 if rule.unit in ("s", "agents", "customers", "min") else 1)
            spin.setRange(0, 100_000)
            spin.setValue(rule.threshold)
            spin.setSuffix(unit_suffix(rule.unit))
            spin.setVisible(bool(rule.unit))
            if rule.service_rule:
                spin.setEnabled(False)
                spin.setToolTip(tr("Set in Admin ▸ Rules (%1)").replace("%1", rule.service_rule))
            grid.addWidget(box, row, 0)
            grid.addWidget(spin, row, 1)
            self.enabled[rule.key] = box
            self.thresholds[rule.key] = spin
        outer.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)

    def changed(self) -> list[tuple[str, bool, float | None, int]]:
        out = []
        for key, rule in self.rules.items():
            enabled = self.enabled[key].isChecked()
            value = self.thresholds[key].value()
            threshold = None if rule.service_rule or value == rule.default else value
            stored = None if rule.threshold == rule.default else rule.threshold
            if enabled != rule.enabled or (rule.service_rule is None and threshold != stored):
                out.append((key, enabled, threshold, rule.version))
        return out

    def save(self) -> None:
        edits = self.changed()
        if not edits:
            self.accept()
            return
        actor = self.ctx.actor

        def write(session: object) -> None:
            for key, enabled, threshold, version in edits:
                live_settings.update_rule(session, actor, key, enabled=enabled,  # type: ignore[arg-type]
                                          threshold=threshold, expected_version=version)

        self.ctx.tasks.command(write).success(lambda _r: self.accept()) \
            .failure(lambda exc: show_error(self, exc)).run()
