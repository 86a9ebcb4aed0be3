"""The recording player of the review screen: play/pause, seek on a waveform, speed, shortcuts.

QMediaPlayer plays the file; a :class:`WaveformBar` (peaks computed in a worker) is the
position slider. Playback is audited (R-SEC-3): the first play of a loaded recording runs the
``audit`` hook as a command and starts only once the audit row is written; pausing and resuming
the same recording is one playback. Missing, empty and undecodable files get a message that
names the file, never a silent empty player.

Threads and the GIL: the FFmpeg backend of QMediaPlayer plays in its own threads, and these threads
call into Python now and then — a Qt message goes to a Python message handler (pytest-qt installs
one), and an audio renderer destroyed in its thread asks our QAudioOutput's PySide wrapper whether
Python overrides ``disconnectNotify``. Both need the GIL. ``QMediaPlayer.stop()`` and the
QMediaPlayer's destructor wait for those threads (a blocking call into the audio renderer's thread,
then joining it) and PySide keeps the GIL during them: if a backend thread wanted the GIL at that
moment, both waited for ever. So the player never calls ``stop()``: ``setSource(QUrl())`` stops and
drops the recording, and PySide releases the GIL for ``setSource``. Before the QMediaPlayer is
destroyed with its widget, the widget's ``destroyed`` signal drops the source the same way, so the
destructor finds no playback to wait for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QShortcut,
)
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui.errors import message_text
from ui.quality.formatting import format_duration
from ui.quality.waveform import wav_peaks
from ui.tasks import TaskRunner

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SKIP_MS = 5000
PEAK_BUCKETS = 480
PLAYED_COLOR = QColor("#2f6fb3")
UNPLAYED_COLOR = QColor("#9aa7b4")
ERROR_COLOR = "#d64541"

# the hook that writes the playback audit row: (interaction id, on success, on failure)
AuditHook = Callable[[int, Callable[[], None], Callable[[BaseException], None]], None]


def tr(text: str) -> str:
    return QCoreApplication.translate("player", text)


def release_media(media: QMediaPlayer) -> None:
    """Stop and drop the source without holding the GIL while the backend's threads finish.

    PySide releases the GIL for ``QMediaPlayer.setSource`` (and QMediaPlayer::setSource stops
    first), not for ``stop()``; see the module's docstring."""
    media.setSource(QUrl())


def _release_before_destruction(media: QMediaPlayer) -> None:
    """The player widget is being destroyed: its children, the QMediaPlayer among them, go next."""
    try:
        media.blockSignals(True)  # the widget's slots are going away with it
        release_media(media)
    except RuntimeError:  # the QMediaPlayer was already deleted
        pass


class WaveformBar(QWidget):
    """The position slider, drawn as the recording's waveform (a plain track when there are no peaks).
    Click or drag to seek."""

    seek_requested = Signal(int)  # milliseconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waveform")
        self.setMinimumHeight(56)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tr("Click or drag to jump; Left/Right skip 5 s"))
        self.setAccessibleName(tr("Playback position"))
        self.peaks: tuple[float, ...] | None = None
        self.duration_ms = 0
        self.position_ms = 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(400, 56)

    def set_peaks(self, peaks: tuple[float, ...] | None) -> None:
        self.peaks = peaks
        self.update()

    def set_duration(self, ms: int) -> None:
        self.duration_ms = max(0, ms)
        self.update()

    def set_position(self, ms: int) -> None:
        self.position_ms = max(0, ms)
        self.update()

    def fraction(self) -> float:
        return min(1.0, self.position_ms / self.duration_ms) if self.duration_ms else 0.0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        rect = QRectF(self.rect()).adjusted(1, 4, -1, -4)
        p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        mid = rect.center().y()
        split = rect.left() + rect.width() * self.fraction()
        enabled = self.isEnabled() and self.duration_ms > 0
        played = PLAYED_COLOR if enabled else UNPLAYED_COLOR
        if self.peaks:
            n = len(self.peaks)
            step = rect.width() / n
            bar = max(1.0, step - 1.0) if step >= 2 else step
            for i, peak in enumerate(self.peaks):
                x = rect.left() + i * step
                h = max(1.0, peak * rect.height() / 2)
                p.fillRect(QRectF(x, mid - h, bar, 2 * h), played if x < split else UNPLAYED_COLOR)
        else:
            track = QRectF(rect.left(), mid - 2, rect.width(), 4)
            p.fillRect(track, UNPLAYED_COLOR)
            p.fillRect(QRectF(track.left(), track.top(), split - track.left(), track.height()), played)
        if enabled:
            p.fillRect(QRectF(split - 1, rect.top(), 2, rect.height()), self.palette().color(QPalette.ColorRole.Text))
        p.end()

    def _seek_to(self, x: float) -> None:
        if not self.isEnabled() or self.duration_ms <= 0:
            return
        width = max(1, self.width() - 2)
        fraction = min(1.0, max(0.0, (x - 1) / width))
        self.seek_requested.emit(int(fraction * self.duration_ms))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self._seek_to(event.position().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._seek_to(event.position().x())


class RecordingPlayer(QWidget):
    """Plays one interaction's recording; ``load()`` it, ``install_shortcuts()`` on the screen around it."""

    playback_did_start = Signal(int)  # interaction id: the audited playback began
    speed_did_change = Signal(float)

    def __init__(self, tasks: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recording_player")
        self.tasks = tasks
        self.audit: AuditHook | None = None
        self.interaction_id: int | None = None
        self.path: Path | None = None
        self.audited = False  # the loaded recording's playback was audited
        self.audit_pending = False
        self.play_when_loaded = False  # play was pressed while the file was still being opened
        self.error_text = ""
        self._peaks_request = 0

        # QMediaPlayer and QAudioOutput are made on the first load: opening the audio backend costs
        # start-up time (and logs warnings on machines without sound) for a console that may never play
        self._media: QMediaPlayer | None = None
        self.audio: QAudioOutput | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("player_title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        self.keys_hint = QLabel(self)  # shown once shortcuts are installed
        self.keys_hint.setObjectName("hint")
        self.keys_hint.hide()
        title_row.addWidget(self.keys_hint)
        layout.addLayout(title_row)
        self.wave = WaveformBar(self)
        self.wave.seek_requested.connect(self.seek)
        layout.addWidget(self.wave)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.play_button = QPushButton(self)
        self.play_button.setObjectName("player_play")
        self.play_button.clicked.connect(self.toggle)
        self.back_button = QPushButton(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward), "", self)
        self.back_button.setToolTip(tr("Back 5 s (Left)"))
        self.back_button.clicked.connect(lambda: self.skip(-SKIP_MS))
        self.forward_button = QPushButton(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward), "",
                                          self)
        self.forward_button.setToolTip(tr("Forward 5 s (Right)"))
        self.forward_button.clicked.connect(lambda: self.skip(SKIP_MS))
        self.time_label = QLabel(self)
        self.time_label.setObjectName("player_time")
        self.speed = QComboBox(self)
        self.speed.setObjectName("player_speed")
        self.speed.setToolTip(tr("Playback speed ([ slower, ] faster)"))
        for rate in SPEEDS:
            self.speed.addItem(tr("%1×").replace("%1", f"{rate:g}"), rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(self._on_speed_current_index_changed)
        for button in (self.back_button, self.play_button, self.forward_button):
            row.addWidget(button)
        row.addWidget(self.time_label)
        row.addStretch(1)
        row.addWidget(QLabel(tr("Speed"), self))
        row.addWidget(self.speed)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("player_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()
        layout.addWidget(self.message)
        self.note = QLabel(self)
        self.note.setObjectName("player_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.note.hide()
        layout.addWidget(self.note)
        self.shortcuts: list[QShortcut] = []
        self.clear()

    # --- loading -------------------------------------------------------------------------------------
    def clear(self, text: str = "") -> None:
        """Nothing to play (no selection, or an interaction without recording)."""
        if self._media is not None:
            release_media(self._media)  # never stop(): it waits for the backend's threads holding the GIL
        self.interaction_id = None
        self.path = None
        self.audited = False
        self.audit_pending = False
        self.play_when_loaded = False
        self._peaks_request += 1
        self.wave.set_peaks(None)
        self.wave.set_duration(0)
        self.wave.set_position(0)
        self.title.setText(text or tr("No recording selected"))
        self._set_error("")
        self._set_controls_enabled(False)
        self._update_time()
        self._update_play_button()

    def load(self, interaction_id: int, path: Path | None, title: str = "", expected_sec: float | None = None) -> bool:
        """Load a recording (paused). Returns False, with a message, when there is nothing playable."""
        self.clear()
        self.interaction_id = interaction_id
        self.title.setText(title or (path.name if path else ""))
        if path is None:
            self._set_error(tr("This interaction has no recording."))
            return False
        self.path = path
        if not path.is_file():
            self._set_error(tr("The recording file is missing: %1").replace("%1", str(path)))
            return False
        if path.stat().st_size == 0:
            self._set_error(tr("The recording file is empty (0 bytes): %1").replace("%1", path.name))
            return False
        if expected_sec:
            self.wave.set_duration(int(expected_sec * 1000))
        self.media.setSource(QUrl.fromLocalFile(str(path)))
        self._set_controls_enabled(True)
        self._update_time()
        self._load_peaks(path)
        return True

    def _load_peaks(self, path: Path) -> None:
        self._peaks_request += 1
        request = self._peaks_request
        if self.tasks is None:
            self.wave.set_peaks(wav_peaks(path, PEAK_BUCKETS))
            return

        def done(peaks: tuple[float, ...] | None) -> None:
            if request == self._peaks_request:
                self.wave.set_peaks(peaks)

        # a plain read of the file; it runs on the read pool like every other slow thing
        self.tasks.query(lambda _s: wav_peaks(path, PEAK_BUCKETS)).success(done).failure(lambda _e: None).run()

    # --- controls ------------------------------------------------------------------------------------
    @property
    def playable(self) -> bool:
        return self.path is not None and not self.error_text and self.interaction_id is not None

    @property
    def media(self) -> QMediaPlayer:
        if self._media is None:
            self._media = QMediaPlayer(self)
            self.audio = QAudioOutput(self)
            self._media.setAudioOutput(self.audio)
            self._media.setPlaybackRate(self.rate())
            self._media.positionChanged.connect(self._on_media_position_changed)
            self._media.durationChanged.connect(self._on_media_duration_changed)
            self._media.playbackStateChanged.connect(self._on_media_playback_state_changed)
            self._media.errorOccurred.connect(self._on_media_error_occurred)
            self._media.mediaStatusChanged.connect(self._on_media_media_status_changed)
            # QWidget emits destroyed() before it deletes its children: the source is dropped (GIL
            # released) before ~QMediaPlayer would wait for the playback threads with the GIL held
            self.destroyed.connect(partial(_release_before_destruction, self._media))
        return self._media

    @property
    def playing(self) -> bool:
        return self._media is not None and self._media.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def toggle(self) -> None:
        if self.playing:
            self.media.pause()
        else:
            self.play()

    @property
    def loaded(self) -> bool:
        """The file was opened and decodes (only then is a playback audited)."""
        return self._media is not None and self._media.mediaStatus() in (
            QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferingMedia,
            QMediaPlayer.MediaStatus.BufferedMedia, QMediaPlayer.MediaStatus.StalledMedia,
            QMediaPlayer.MediaStatus.EndOfMedia)

    def play(self) -> None:
        if not self.playable or self.audit_pending:
            return
        if not self.loaded:
            self.play_when_loaded = True  # QMediaPlayer opens files asynchronously
            return
        if self.audited or self.audit is None:
            self._start()
            return
        self.audit_pending = True
        interaction_id = self.interaction_id
        assert interaction_id is not None

        def ok() -> None:
            if interaction_id != self.interaction_id:
                return  # another recording was selected meanwhile
            self.audit_pending = False
            self.audited = True
            self.playback_did_start.emit(interaction_id)
            self._start()

        def failed(exc: BaseException) -> None:
            if interaction_id != self.interaction_id:
                return
            self.audit_pending = False
            self._set_error(tr("Playback not started: it could not be written to the audit log (R-SEC-3). %1")
                            .replace("%1", message_text(exc).splitlines()[0] if message_text(exc) else type(exc).__name__))

        self.audit(interaction_id, ok, failed)

    def _start(self) -> None:
        if not QMediaDevices.audioOutputs():
            self.note.setText(tr("This computer has no sound output: the recording plays silently."))
            self.note.show()
        if self.media.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia:
            self.media.setPosition(0)
        self.media.play()

    def pause(self) -> None:
        if self._media is not None:
            self._media.pause()

    def seek(self, ms: int) -> None:
        if not self.playable:
            return
        duration = self.media.duration() or self.wave.duration_ms
        target = max(0, min(ms, duration)) if duration > 0 else max(0, ms)
        self.media.setPosition(target)
        self.wave.set_position(target)
        self._update_time(target)

    def skip(self, delta_ms: int) -> None:
        if self.playable:
            self.seek(self.media.position() + delta_ms)

    def set_speed(self, rate: float) -> None:
        nearest = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - rate))
        self.speed.setCurrentIndex(nearest)

    def faster(self) -> None:
        self.speed.setCurrentIndex(min(self.speed.currentIndex() + 1, len(SPEEDS) - 1))

    def slower(self) -> None:
        self.speed.setCurrentIndex(max(self.speed.currentIndex() - 1, 0))

    def rate(self) -> float:
        return float(self.speed.currentData())

    def install_shortcuts(self, scope: QWidget) -> None:
        """Space play/pause, Left/Right ±5 s, [ and ] speed — while focus is anywhere inside ``scope``.
        Text fields keep their own keys (Qt lets them override shortcuts for typing and arrows)."""
        for key, slot in ((Qt.Key.Key_Space, self.toggle), (Qt.Key.Key_Left, lambda: self.skip(-SKIP_MS)),
                          (Qt.Key.Key_Right, lambda: self.skip(SKIP_MS)),
                          (Qt.Key.Key_BracketLeft, self.slower), (Qt.Key.Key_BracketRight, self.faster)):
            shortcut = QShortcut(QKeySequence(key), scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        self.play_button.setToolTip(tr("Play / pause (Space)"))
        self.keys_hint.setText(tr("Space play/pause · ← → 5 s · [ ] speed"))
        self.keys_hint.show()

    # --- media reactions -----------------------------------------------------------------------------
    def _on_media_position_changed(self, position: int) -> None:
        self.wave.set_position(position)
        self._update_time(position)

    def _on_media_duration_changed(self, duration: int) -> None:
        if duration > 0:
            self.wave.set_duration(duration)
        self._update_time()

    def _on_media_playback_state_changed(self, _state: QMediaPlayer.PlaybackState) -> None:
        self._update_play_button()

    def _on_media_error_occurred(self, error: QMediaPlayer.Error, text: str) -> None:
        if error == QMediaPlayer.Error.NoError or self.path is None:
            return
        name = self.path.name
        if error == QMediaPlayer.Error.ResourceError and not self.path.exists():
            message = tr("The recording file is missing: %1").replace("%1", str(self.path))
        elif error in (QMediaPlayer.Error.FormatError, QMediaPlayer.Error.ResourceError):
            message = tr("The recording %1 cannot be played: it is not a readable audio file (%2).") \
                .replace("%1", name).replace("%2", text or tr("unknown format"))
        else:
            message = tr("The recording %1 cannot be played: %2").replace("%1", name).replace("%2", text)
        self.play_when_loaded = False
        self._set_error(message)

    def _on_media_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.InvalidMedia:
            self.play_when_loaded = False
        elif self.play_when_loaded and self.loaded:
            self.play_when_loaded = False
            self.play()

    def _on_speed_current_index_changed(self, _index: int) -> None:
        if self._media is not None:
            self._media.setPlaybackRate(self.rate())
        self.speed_did_change.emit(self.rate())

    # --- display -------------------------------------------------------------------------------------
    def _set_error(self, text: str) -> None:
        self.error_text = text
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self._set_controls_enabled(False)

    def _set_controls_enabled(self, on: bool) -> None:
        for widget in (self.play_button, self.back_button, self.forward_button, self.wave):
            widget.setEnabled(on)

    def _update_time(self, position: int | None = None) -> None:
        media = self._media
        pos = (media.position() if media is not None else 0) if position is None else position
        duration = (media.duration() if media is not None else 0) or self.wave.duration_ms
        self.time_label.setText(f"{format_duration(pos / 1000)} / {format_duration(duration / 1000)}"
                                if duration else format_duration(pos / 1000))

    def _update_play_button(self) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if self.playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(tr("Pause") if self.playing else tr("Play"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(460, 130)
