"""A chat transcript as a thread: customer left, agent right, bots and the system in between;
timestamps, reply gaps (red when over the R-RESP-1/R-RESP-2 limit), the messages that failed an
automatic check outlined in red with the check named, and the check results on top. Customer
identifiers arrive masked (``app/autoqa/service.conversation``)."""

from __future__ import annotations

import re
from datetime import tzinfo
from functools import cache
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.autoqa.checks import DETAIL_TEMPLATES
from app.autoqa.service import Conversation
from app.i18n import TRANSLATION_CONTEXT

MAX_SHOWN_CHARS = 4000  # a huge message is shown cut, with its length


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


CHECK_LABELS = {
    "first_reply": QT_TRANSLATE_NOOP("", "First reply ≤ 30 s (R-RESP-1)"),
    "reply_time": QT_TRANSLATE_NOOP("", "Replies ≤ 60 s (R-RESP-2)"),
    "greeting": QT_TRANSLATE_NOOP("", "Standard greeting (R-QA-3)"),
    "closing": QT_TRANSLATE_NOOP("", "Summary and confirmation (R-QA-3)"),
    "polite": QT_TRANSLATE_NOOP("", "Polite address 您 (R-QA-3)"),
    "forbidden": QT_TRANSLATE_NOOP("", "No forbidden phrases (R-QA-3)"),
    "transfer": QT_TRANSLATE_NOOP("", "Transfer within 2 min (R-SLA-2)"),
    "rating_request": QT_TRANSLATE_NOOP("", "Rating requested (R-QA-4)"),
    "error": QT_TRANSLATE_NOOP("", "Could not be checked"),
}


def check_label(check: str) -> str:
    return tr(CHECK_LABELS.get(check, check))


@cache
def _detail_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    def pattern(template: str) -> re.Pattern[str]:
        parts = re.split(r"\{(\w+)\}", template)  # literal, name, literal, name, ...
        return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*?)" for i, p in enumerate(parts)) + "$",
                          re.DOTALL)
    return tuple((pattern(t), t) for t in DETAIL_TEMPLATES)


def detail_text(detail: str) -> str:
    """A check's stored (English) detail in the user's language: the template it was made from,
    translated and filled with the same values; a detail from no known template is shown as stored."""
    for pattern, template in _detail_patterns():
        m = pattern.match(detail)
        if m:
            return QCoreApplication.translate(TRANSLATION_CONTEXT, template).format(**m.groupdict())
    return detail


def transcript_html(conv: Conversation, tz: tzinfo | None = None) -> str:
    failed_at: dict[int, list[str]] = {}
    for r in conv.failed:
        if r.message_seq is not None:
            failed_at.setdefault(r.message_seq, []).append(check_label(r.check))
    parts = ["<table width='100%' cellspacing='0' cellpadding='3'>"]
    if conv.results:
        parts.append("<tr><td colspan='3'><b>" + escape(tr("Automatic checks")) + "</b> "
                     + escape(tr("(rule set v{v})").format(v=conv.version)) + "</td></tr>")
        for r in conv.results:
            mark, color = {True: ("✔", "#2e7d32"), False: ("✘", "#c62828"), None: ("–", "#7b8794")}[r.passed]
            parts.append(f"<tr><td width='24' style='color:{color}'>{mark}</td>"
                         f"<td width='40%'>{escape(check_label(r.check))}</td>"
                         f"<td style='color:#52606d'>{escape(detail_text(r.detail))}</td></tr>")
    else:
        parts.append("<tr><td colspan='3' style='color:#7b8794'>"
                     + escape(tr("Not checked yet — the auto-QA job checks new conversations every 5 minutes."))
                     + "</td></tr>")
    parts.append("</table><hr/>")
    for m in conv.lines:
        text = m.text if len(m.text) <= MAX_SHOWN_CHARS else (
            m.text[:MAX_SHOWN_CHARS] + " " + tr("… ({n} characters in all)").format(n=f"{len(m.text):,}"))
        align = {"customer": "left", "agent": "right"}.get(m.sender, "center")
        bg = {"customer": "#f0f4f8", "agent": "#e3f2fd", "bot": "#f3e5f5", "system": "#fff8e1"}.get(m.sender, "#eeeeee")
        border = "2px solid #c62828" if m.seq in failed_at else "1px solid #d9e2ec"
        who = {"customer": tr("Customer"), "agent": tr("Agent"), "bot": tr("Bot"), "system": tr("System")}.get(
            m.sender, tr("Unknown sender"))
        meta = f"{escape(who)} · {m.at.astimezone(tz):%H:%M:%S}"
        if m.gap_sec is not None:
            gap_color = "#c62828" if m.over_limit else "#52606d"
            meta += f" · <span style='color:{gap_color}'>" + escape(tr("replied after {s} s").format(
                s=f"{m.gap_sec:.0f}")) + "</span>"
        flags = "".join(f"<br/><span style='color:#c62828'>✘ {escape(x)}</span>" for x in failed_at.get(m.seq, []))
        attachments = "".join(f"<br/>📎 {escape(a)}" for a in m.attachments)
        parts.append(
            f"<table width='100%' cellspacing='0' cellpadding='0'><tr><td align='{align}'>"
            f"<table cellpadding='6' style='background:{bg}; border:{border}; margin:3px'>"
            f"<tr><td><span style='color:#7b8794; font-size:small'>{meta}</span><br/>"
            f"{escape(text).replace(chr(10), '<br/>')}{attachments}{flags}</td></tr></table>"
            f"</td></tr></table>")
    return "".join(parts)


class TranscriptView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self.tz = tz  # times are shown in the center's zone
        self.setObjectName("transcript")
        self.setOpenExternalLinks(False)
        self.conversation: Conversation | None = None

    def show_conversation(self, conv: Conversation | None, empty: str | None = None) -> None:
        """``conv`` as a thread; without one, ``empty`` (or: this interaction has no transcript)."""
        self.conversation = conv
        if conv is None:
            text = empty or tr("No transcript for this interaction.")
            self.setHtml("<p style='color:#7b8794'>" + escape(text) + "</p>")
            return
        self.setHtml(transcript_html(conv, self.tz))


class TranscriptDialog(QDialog):
    def __init__(self, conv: Conversation | None, parent: QWidget | None = None, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Transcript"))
        self.resize(760, 820)
        layout = QVBoxLayout(self)
        self.view = TranscriptView(self, tz)
        self.view.show_conversation(conv)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
