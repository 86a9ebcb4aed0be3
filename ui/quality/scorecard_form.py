"""The scorecard form: one revision's sections and questions, the live score, the dialogue score.

Question kinds (``app/quality`` defines them): yes/no, a 1-10 scale, points (0..max) and, where
the question allows it, N/A — excluded from the denominator. Critical questions are marked; a
failed critical question is a compliance violation (R-QA-3), counted apart from the score. The
score shown while typing comes from the same function the service saves with, so the number on
screen is the number stored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.quality.scorecards import NA, Question, Scorecard, ScoreResult, Section, score
from ui.autoqa.transcript_view import detail_text
from ui.errors import message_text

CRITICAL_COLOR = "#d64541"


def tr(text: str) -> str:
    return QCoreApplication.translate("scorecard", text)



def evidence_text(ev: Any) -> str:
    """What the automatic checks found, translated: each check's detail and the message it points at."""
    if not getattr(ev, "lines", ()):
        return ev.detail
    return tr("; ").join(detail_text(d) + (tr(" (message %1)").replace("%1", str(seq)) if seq else "")
                         for d, seq in ev.lines)

class QuestionInput(QWidget):
    """The input of one question; ``value()`` is what the scoring function reads."""

    value_did_change = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.kind = question.kind
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.spin: QSpinBox | None = None
        self.buttons: dict[str, QRadioButton] = {}
        if self.kind == "yes_no":
            for key, text in (("yes", tr("Yes")), ("no", tr("No"))):
                self._radio(layout, key, text)
        else:
            low, high = (1, 10) if self.kind == "scale" else (0, question.max_points)
            self.spin = QSpinBox(self)
            self.spin.setObjectName(f"q_{question.key}_value")
            self.spin.setRange(low - 1, high)  # one below the range means "not answered yet"
            self.spin.setSpecialValueText(tr("—"))
            self.spin.setValue(low - 1)
            self.spin.setSuffix(tr(" of %1").replace("%1", QLocale().toString(high)) if self.kind == "points"
                                else tr(" / 10"))
            self.spin.setMinimumWidth(96)
            self.spin.valueChanged.connect(self._on_spin_value_changed)
            layout.addWidget(self.spin)
        if question.allow_na:
            self._radio(layout, NA, tr("N/A"))
        layout.addStretch(1)

    def _radio(self, layout: QHBoxLayout, key: str, text: str) -> None:
        button = QRadioButton(text, self)
        button.setObjectName(f"q_{self.question.key}_{key}")
        self.group.addButton(button)
        self.buttons[key] = button
        button.toggled.connect(self._on_radio_toggled)
        layout.addWidget(button)

    def value(self) -> Any:
        """"yes"/"no", a number, "na" for N/A, or None while unanswered."""
        na = self.buttons.get(NA)
        if na is not None and na.isChecked():
            return NA
        if self.spin is not None:
            return self.spin.value() if self.spin.value() >= self.spin.minimum() + 1 else None
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return None

    def set_value(self, value: Any) -> None:
        if value == NA and NA in self.buttons:
            self.buttons[NA].setChecked(True)
        elif self.spin is not None:
            self._clear_radios()
            self.spin.setValue(int(value) if value is not None else self.spin.minimum())
        elif value in self.buttons:
            self.buttons[value].setChecked(True)
        else:
            self._clear_radios()
        self.value_did_change.emit()

    def _clear_radios(self) -> None:
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)

    def _on_radio_toggled(self, checked: bool) -> None:
        if checked and self.spin is not None and self.buttons.get(NA) is not None and self.buttons[NA].isChecked():
            self.spin.blockSignals(True)
            self.spin.setValue(self.spin.minimum())
            self.spin.blockSignals(False)
        self.value_did_change.emit()

    def _on_spin_value_changed(self, _value: int) -> None:
        if self.value() is not None and NA in self.buttons and self.buttons[NA].isChecked():
            self._clear_radios()
        self.value_did_change.emit()


class ScorecardForm(QWidget):
    """Questions grouped by section, the live score and violations, dialogue score, comment and coaching."""

    answers_did_change = Signal()

    def __init__(self, parent: QWidget | None = None, *, notes: bool = True) -> None:
        """``notes=False``: no comment and coaching fields (calibration scores have none)."""
        super().__init__(parent)
        self.setObjectName("scorecard_form")
        self.scorecard: Scorecard | None = None
        self.inputs: dict[str, QuestionInput] = {}
        self.captions: dict[str, QLabel] = {}
        self.section_boxes: dict[str, QGroupBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.header = QLabel(self)
        self.header.setObjectName("scorecard_header")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.summary = QLabel(self)
        self.summary.setObjectName("scorecard_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.summary)
        self.evidence: dict[str, Any] = {}
        self.use_evidence = QPushButton(tr("Use automatic answers"), self)
        self.use_evidence.setObjectName("use_evidence")
        self.use_evidence.setToolTip(tr("Answer the unanswered yes/no questions as the automatic checks of this "
                                        "conversation found; change any of them before saving"))
        self.use_evidence.hide()
        self.use_evidence.clicked.connect(self.apply_evidence)
        layout.addWidget(self.use_evidence)
        self.sections_box = QWidget(self)
        self.sections_layout = QVBoxLayout(self.sections_box)
        self.sections_layout.setContentsMargins(0, 0, 0, 0)
        self.sections_layout.setSpacing(8)
        layout.addWidget(self.sections_box)

        overall = QGroupBox(tr("Overall"), self)
        form = QFormLayout(overall)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dialogue = QSpinBox(overall)
        self.dialogue.setObjectName("dialogue_score")
        self.dialogue.setRange(0, 10)
        self.dialogue.setSpecialValueText(tr("— choose 1-10"))
        self.dialogue.setToolTip(tr("The supervisor's overall score of the dialogue, 1 (poor) to 10 (excellent) "
                                    "(R-QA-2)"))
        self.dialogue.setMinimumWidth(140)
        self.dialogue.setMaximumWidth(180)
        self.dialogue.valueChanged.connect(self._changed)
        form.addRow(tr("Dialogue score (R-QA-2)"), self.dialogue)
        self.comment = QPlainTextEdit(overall)
        self.comment.setObjectName("review_comment")
        self.comment.setPlaceholderText(tr("What went well, what did not — the agent reads this"))
        self.comment.setFixedHeight(64)
        self.comment.setTabChangesFocus(True)
        if notes:
            form.addRow(tr("Comment"), self.comment)
        else:
            self.comment.hide()
        self.coaching = QPlainTextEdit(overall)
        self.coaching.setObjectName("coaching_notes")
        self.coaching.setPlaceholderText(tr("What to practise before the next review"))
        self.coaching.setFixedHeight(64)
        self.coaching.setTabChangesFocus(True)
        if notes:
            form.addRow(tr("Coaching notes"), self.coaching)
        else:
            self.coaching.hide()
        layout.addWidget(overall)
        layout.addStretch(1)
        self.result: ScoreResult | None = None
        self.error = ""  # an answer the scoring refused (cannot happen through these inputs)
        self.set_scorecard(None)

    # --- content -------------------------------------------------------------------------------------
    def set_scorecard(self, scorecard: Scorecard | None, answers: dict[str, Any] | None = None, *, dialogue: int | None = None,
                      comment: str = "", coaching: str = "") -> None:
        while self.sections_layout.count():
            item = self.sections_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.inputs = {}
        self.captions = {}
        self.section_boxes = {}
        self.evidence = {}
        self.use_evidence.hide()
        self.scorecard = scorecard
        if scorecard is None:
            self.header.setText(tr("No scorecard."))
        else:
            self.header.setText(tr("%1 · revision %2").replace("%1", scorecard.name)
                                .replace("%2", QLocale().toString(scorecard.revision)))
            for section in scorecard.sections:
                self.sections_layout.addWidget(self._section_box(section))
        for key, value in (answers or {}).items():
            if key in self.inputs:
                self.inputs[key].set_value(value)
        self.dialogue.setValue(dialogue or 0)
        self.comment.setPlainText(comment or "")
        self.coaching.setPlainText(coaching or "")
        self._changed()

    def _section_title(self, section: Section, pct: float | None) -> str:
        locale = QLocale()
        title = tr("%1 · weight %2").replace("%1", section.label).replace(
            "%2", locale.toString(float(section.weight), "g", 4))
        if pct is not None:
            title += " · " + tr("%1 %").replace("%1", locale.toString(pct, "f", 0))
        return title

    def _section_box(self, section: Section) -> QGroupBox:
        box = QGroupBox(self._section_title(section, None), self.sections_box)
        self.section_boxes[section.key] = box
        box.setObjectName(f"section_{section.key}")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for question in section.questions:
            text = question.label
            caption = QLabel(box)
            caption.setWordWrap(True)
            caption.setTextFormat(Qt.TextFormat.RichText)
            caption.setText(_html(text) + (
                f' <span style="color:{CRITICAL_COLOR}; font-weight:600">' + _html(tr("critical")) + "</span>"
                if question.critical else ""))
            if question.critical:
                caption.setToolTip(tr("A failed critical item is a compliance violation (R-QA-3), counted "
                                      "separately from the score"))
            caption.setMinimumWidth(180)
            caption.setObjectName(f"q_{question.key}_caption")
            self.captions[question.key] = caption
            field = QuestionInput(question, box)
            field.value_did_change.connect(self._changed)
            self.inputs[question.key] = field
            form.addRow(caption, field)
        return box

    # --- evidence from the automatic checks (issue 11) ----------------------------------------------
    def set_evidence(self, evidence: dict[str, Any]) -> None:
        """Show each automatic check's verdict under its question; nothing is answered until the
        supervisor presses *Use automatic answers* (or answers by hand)."""
        self.evidence = evidence
        for key, caption in self.captions.items():
            base = caption.property("base_html") or caption.text()
            caption.setProperty("base_html", base)
            ev = evidence.get(key)
            if ev is None:
                caption.setText(base)
                continue
            color = "#2e7d32" if ev.passed else CRITICAL_COLOR
            mark = "✔" if ev.passed else "✘"
            caption.setText(base + f'<br/><span style="color:{color}; font-size:small">'
                            + _html(tr("Auto-check %1 %2").replace("%1", mark).replace("%2", evidence_text(ev)))
                            + "</span>")
        self.use_evidence.setVisible(any(self._suggestion(k) is not None for k in evidence))

    def _suggestion(self, key: str) -> Any:
        ev = getattr(self, "evidence", {}).get(key)
        field = self.inputs.get(key)
        if ev is None or field is None or field.value() is not None:
            return None
        if field.kind == "yes_no":
            return "yes" if ev.passed else "no"
        return None  # scales and points stay the supervisor's judgement

    def apply_evidence(self) -> int:
        """Answer the unanswered yes/no questions as the automatic checks found; returns how many."""
        applied = 0
        for key in list(self.inputs):
            value = self._suggestion(key)
            if value is not None:
                self.inputs[key].set_value(value)
                applied += 1
        self.use_evidence.setVisible(False)
        return applied

    # --- values --------------------------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        return {key: field.value() for key, field in self.inputs.items() if field.value() is not None}

    def unanswered(self) -> list[str]:
        return [field.question.label for field in self.inputs.values() if field.value() is None]

    def dialogue_score(self) -> int | None:
        return self.dialogue.value() or None

    def set_read_only(self, on: bool) -> None:
        for field in self.inputs.values():
            field.setEnabled(not on)
        for widget in (self.dialogue, self.comment, self.coaching):
            widget.setEnabled(not on)

    def _changed(self, *_args: object) -> None:
        self.result = None
        self.error = ""
        if self.scorecard is not None:
            try:
                self.result = score(self.scorecard.sections, self.answers())
            except ValueError as exc:
                self.error = message_text(exc)
        failed = set(self.result.violations) if self.result else set()
        for key, caption in self.captions.items():
            caption.setStyleSheet("background: rgba(214, 69, 65, 40);" if key in failed else "")
        if self.scorecard is not None and self.result is not None:
            by_key = {s.key: s.score_pct for s in self.result.sections}
            for section in self.scorecard.sections:
                box = self.section_boxes.get(section.key)
                if box is not None:
                    box.setTitle(self._section_title(section, by_key.get(section.key)))
        self.summary.setText(self.summary_text())
        self.summary.setStyleSheet("font-weight: 600;" + (f" color: {CRITICAL_COLOR};" if failed else ""))
        self.answers_did_change.emit()

    def summary_text(self) -> str:
        if self.scorecard is None:
            return ""
        locale = QLocale()
        if self.error:
            return self.error
        missing = len(self.unanswered())
        parts = []
        pct = self.result.score_pct if self.result else None
        parts.append(tr("Score %1 %").replace("%1", locale.toString(float(pct), "f", 1)) if pct is not None
                     else tr("Score —"))
        violations = len(self.result.violations) if self.result else 0
        parts.append(tr("%1 violation(s) (R-QA-3)").replace("%1", locale.toString(violations)))
        if self.result is not None and self.result.not_applicable:
            parts.append(tr("%1 N/A").replace("%1", locale.toString(self.result.not_applicable)))
        if missing:
            parts.append(tr("%1 question(s) unanswered").replace("%1", locale.toString(missing)))
        return " · ".join(parts)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
