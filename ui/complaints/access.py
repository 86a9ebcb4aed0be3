"""Who sees what, on screen: the row-scope line and the audited customer reveal (R-SEC-2/3).

Shared by the Complaints and Quality detail panels. The reveal button exists only for roles
allowed ``customer.reveal``; it asks for a reason, decrypts one customer in a command (one audit
row), and shows the details until the selection changes. Lists and exports stay masked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.changes import Changes
from app.security.crypto import KeyError_
from app.security.customers import RevealedCustomer, reveal, reveal_cipher
from app.security.permissions import SCOPE_ALL, SCOPE_OWN, PermissionDenied, RowScope, allowed
from ui.context import ConsoleContext
from ui.errors import show_error


def tr(text: str) -> str:
    return QCoreApplication.translate("access", text)


def scope_text(scope: RowScope, own: str) -> str:
    """The line that says whose rows are shown: "Your teams: Jade Team". ``own`` names the agent's case."""
    if scope.kind == SCOPE_ALL:
        return tr("All teams")
    if scope.kind == SCOPE_OWN:
        return own
    if not scope.team_names:
        return tr("Your teams: none yet — an administrator names each team's supervisor in Admin")
    return tr("Your teams: %1").replace("%1", ", ".join(scope.team_names))


def scope_tooltip(scope: RowScope) -> str:
    if scope.kind == SCOPE_ALL:
        return tr("Your role sees every team of the center.")
    if scope.kind == SCOPE_OWN:
        return tr("As an agent you see only your own cases and interactions.")
    return tr("As a supervisor you see the complaints and QA of the teams you supervise.")


class RevealReasonDialog(QDialog):
    """Asks why the customer's details are needed; the reason goes into the audit log."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reveal_dialog")
        self.setWindowTitle(tr("Show customer details"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Customer details are confidential (R-SEC-2). Say why you need them: the reveal is "
                          "recorded in the audit log with your name, this desk and your reason."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reveal_reason")
        self.reason.setPlaceholderText(tr("e.g. call the customer back about the refund"))
        self.reason.setMaxLength(200)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(tr("Show details"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(self._on_reason_text_changed)

    def _on_reason_text_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))

    def accept(self) -> None:
        if self.reason.text().strip():  # a reason is required; Enter on an empty line does nothing
            super().accept()


class CustomerRevealBox(QWidget):
    """The "Show customer details…" button and, after an audited reveal, the details themselves."""

    customer_did_reveal = Signal(object)  # RevealedCustomer

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customer_reveal")
        self.may_reveal = allowed(ctx.actor, "customer.reveal")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        self.button = QPushButton(tr("Show customer details…"), self)
        self.button.setObjectName("reveal_button")
        self.button.setToolTip(tr("Decrypt this customer's name, phone and e-mail; each reveal is audited"))
        self.button.clicked.connect(self.ask)
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        self.details = QLabel(self)
        self.details.setObjectName("revealed_customer")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.error = QLabel(self)
        self.error.setObjectName("reveal_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d64541;")
        layout.addWidget(self.error)
        self.customer_id: int | None = None
        self.complaint_id: int | None = None
        self.interaction_id: int | None = None
        self.revealed: RevealedCustomer | None = None
        self.dialog: RevealReasonDialog | None = None
        self._request = 0
        self.set_source(None)

    # --- what is selected ------------------------------------------------------------------------
    def set_source(self, customer_id: int | None, *, complaint_id: int | None = None,
                   interaction_id: int | None = None) -> None:
        """The selected record's customer. Re-showing the same record keeps a reveal; another one clears it."""
        same = (customer_id, complaint_id, interaction_id) == (self.customer_id, self.complaint_id,
                                                               self.interaction_id)
        self.customer_id, self.complaint_id, self.interaction_id = customer_id, complaint_id, interaction_id
        if not same:
            self._request += 1  # a reveal still running belongs to the previous selection
            self.revealed = None
            self.details.clear()
            self.details.hide()
            self.error.clear()
            self.error.hide()
        self.button.setVisible(self.may_reveal and customer_id is not None and self.revealed is None)
        self.setVisible(self.may_reveal and customer_id is not None)
        self._relayout()

    def _relayout(self) -> None:
        """QFormLayout keeps a stale height-for-width when a nested widget grows (the panels' forms hold this
        box): once the new size is known, invalidate the layouts up the chain so wrapped rows get their
        height back."""
        QTimer.singleShot(0, self, self._invalidate_parents)

    def _invalidate_parents(self) -> None:
        widget = self.parentWidget()
        while widget is not None:
            layout = widget.layout()
            if layout is not None:
                layout.invalidate()
            if widget.isWindow():
                break
            widget = widget.parentWidget()

    # --- the reveal ------------------------------------------------------------------------------
    def ask(self) -> RevealReasonDialog | None:
        """Open the reason dialog (window-modal); on OK the reveal runs."""
        if not self.may_reveal or self.customer_id is None:
            return None
        dialog = RevealReasonDialog(self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.reveal(dialog.reason.text()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def reveal(self, reason: str) -> None:
        customer_id, complaint_id, interaction_id = self.customer_id, self.complaint_id, self.interaction_id
        if customer_id is None:
            return
        self._request += 1
        request = self._request
        actor: Actor = self.ctx.actor
        self.button.setEnabled(False)
        self.error.hide()

        def work(s: object) -> RevealedCustomer:
            cipher = reveal_cipher()
            return reveal(s, actor, customer_id, cipher, reason=reason,  # type: ignore[arg-type]
                          complaint_id=complaint_id, interaction_id=interaction_id)

        self.ctx.tasks.command(work).success(lambda r: self._on_revealed(request, r)) \
            .failure(lambda exc: self._on_failed(request, exc)).run()

    def _on_revealed(self, request: int, revealed: RevealedCustomer) -> None:
        self.button.setEnabled(True)
        self.ctx.bus.operation_did_execute.emit(Changes.AUDIT, self)
        if request != self._request:
            return
        self.revealed = revealed
        none = tr("not recorded")
        self.details.setText(
            "<b>" + tr("Name") + ":</b> " + _html(revealed.name or none) + "<br><b>" + tr("Phone") + ":</b> "
            + _html(revealed.phone or none) + "<br><b>" + tr("E-mail") + ":</b> " + _html(revealed.email or none)
            + "<br><span style='color:palette(placeholder-text)'>"
            + tr("Revealed for this selection only; the reveal is in the audit log.") + "</span>")
        self.details.show()
        self.button.hide()
        self._relayout()
        self.customer_did_reveal.emit(revealed)

    def _on_failed(self, request: int, exc: BaseException) -> None:
        self.button.setEnabled(True)
        if request != self._request:
            return
        if isinstance(exc, KeyError_):
            text = tr("Customer details cannot be shown: %1 Every desk of the center needs the same key file "
                      "(FLOORWALKER_KEY_FILE or customer.key in the data folder); ask your administrator.") \
                .replace("%1", str(exc).rstrip(".") + ".")
        elif isinstance(exc, PermissionDenied):
            text = tr("Your role may not see this customer's details.")
        elif isinstance(exc, ValueError):
            text = str(exc)
        else:
            show_error(self, exc)
            return
        self.error.setText(text)
        self.error.show()
        self._relayout()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
