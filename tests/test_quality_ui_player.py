"""The review screen's recording player, offscreen: state changes, shortcuts, audit hook, bad files.

There may be no audio device here; QMediaPlayer still decodes and advances the position, so the
tests check what the player does (state, position, rate, messages, audits), not the sound.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from ui.quality.waveform import wav_peaks

pytestmark = [
    pytest.mark.gui,
    # a machine without sound (CI, offscreen) says so once; the player shows its own note
    pytest.mark.qt_log_ignore("PulseAudioService.*", "No audio device detected"),
]


def write_wav(path: Path, seconds: float, *, width: int = 1, rate: int = 8000, loud_from: float = 0.0) -> Path:
    """A tone that is silent before ``loud_from`` seconds (so the peaks have a known shape)."""
    t = np.arange(int(seconds * rate)) / rate
    signal = np.sin(2 * np.pi * 300 * t) * (t >= loud_from)
    if width == 1:
        raw = np.round(signal * 100 + 128).astype(np.uint8).tobytes()
    else:
        raw = np.round(signal * 20000).astype("<i2").tobytes()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(raw)
    return path


@pytest.mark.parametrize("width", [1, 2])
def test_waveform_peaks_follow_the_samples(tmp_path, width):
    path = write_wav(tmp_path / "half.wav", 4.0, width=width, loud_from=2.0)
    peaks = wav_peaks(path, 8)
    assert peaks is not None and len(peaks) == 8
    assert max(peaks[:4]) < 0.05  # silent first half
    assert min(peaks[4:]) > 0.9  # loud second half, scaled to the loudest


def test_waveform_of_a_non_wav_file_is_none(tmp_path):
    (tmp_path / "x.wav").write_bytes(b"RIFF not really a wave file" * 4)
    (tmp_path / "empty.wav").write_bytes(b"")
    assert wav_peaks(tmp_path / "x.wav") is None
    assert wav_peaks(tmp_path / "empty.wav") is None
    assert wav_peaks(tmp_path / "missing.wav") is None


@pytest.fixture
def player(qtbot):
    from ui.quality.player import RecordingPlayer

    widget = RecordingPlayer()
    qtbot.addWidget(widget)
    audits: list[int] = []

    def audit(interaction_id, ok, failed):
        audits.append(interaction_id)
        ok()

    widget.audit = audit
    widget.audits = audits
    widget.resize(520, 140)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.clear()


def test_play_is_audited_once_per_loaded_recording_R_SEC_3(qtbot, tmp_path, player):
    path = write_wav(tmp_path / "call.wav", 20.0)
    assert player.load(41, path, "call.wav")
    assert not player.playing and player.audits == []  # loading alone is not a playback
    qtbot.waitUntil(lambda: player.wave.peaks is not None)  # the waveform was computed
    player.play()
    qtbot.waitUntil(lambda: player.playing)
    assert player.audits == [41]
    qtbot.waitUntil(lambda: player.media.position() > 0)
    player.toggle()  # pause
    qtbot.waitUntil(lambda: not player.playing)
    player.toggle()  # resume: the same playback, no second audit row
    qtbot.waitUntil(lambda: player.playing)
    assert player.audits == [41]
    player.load(42, path)  # another interaction's recording is a new playback
    player.play()  # pressed while the file is still opening: it plays once loaded
    qtbot.waitUntil(lambda: player.playing)
    assert player.audits == [41, 42]


def test_a_failed_audit_does_not_play_R_SEC_3(qtbot, tmp_path, player):
    path = write_wav(tmp_path / "call.wav", 5.0)
    player.audit = lambda _iid, _ok, failed: failed(RuntimeError("database is locked"))
    player.load(5, path)
    player.play()
    qtbot.waitUntil(lambda: bool(player.error_text))
    assert not player.playing
    assert "audit log" in player.message.text() and "database is locked" in player.message.text()


def test_keyboard_shortcuts_seek_and_change_speed(qtbot, tmp_path, player):
    from PySide6.QtCore import Qt

    player.install_shortcuts(player)
    path = write_wav(tmp_path / "call.wav", 20.0)
    player.load(7, path)
    qtbot.waitUntil(lambda: player.media.duration() > 0)
    player.setFocus()
    qtbot.keyClick(player, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: abs(player.media.position() - 5000) < 300)
    qtbot.keyClick(player, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: abs(player.media.position() - 10000) < 300)
    qtbot.keyClick(player, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: abs(player.media.position() - 5000) < 300)
    assert player.wave.position_ms == player.media.position() or abs(player.wave.position_ms - 5000) < 300
    qtbot.keyClick(player, Qt.Key.Key_BracketRight)
    qtbot.keyClick(player, Qt.Key.Key_BracketRight)
    assert player.rate() == 1.5 and player.media.playbackRate() == 1.5
    for _ in range(6):
        qtbot.keyClick(player, Qt.Key.Key_BracketLeft)
    assert player.rate() == 0.5 and player.media.playbackRate() == 0.5  # stops at the slowest
    assert player.audits == []
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.playing)
    assert player.audits == [7]
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not player.playing)


def test_clicking_the_waveform_seeks(qtbot, tmp_path, player):
    from PySide6.QtCore import QPoint, Qt

    path = write_wav(tmp_path / "call.wav", 10.0)
    player.load(3, path)
    qtbot.waitUntil(lambda: player.media.duration() > 0)
    wave = player.wave
    qtbot.mouseClick(wave, Qt.MouseButton.LeftButton, pos=QPoint(wave.width() // 2, wave.height() // 2))
    qtbot.waitUntil(lambda: abs(player.media.position() - 5000) < 400)
    assert "0:05 / 0:10" in player.time_label.text()


@pytest.mark.parametrize(("content", "expected"), [
    (None, "The recording file is missing"),
    (b"", "The recording file is empty (0 bytes)"),
    (b"RIFF\x00\x00\x00\x00WAVEjunk" + bytes(range(256)) * 4, "cannot be played: it is not a readable audio file"),
], ids=["missing", "empty", "undecodable"])
def test_missing_empty_and_undecodable_files_get_a_clear_message(qtbot, tmp_path, player, content, expected):
    path = tmp_path / "rec-77.wav"
    if content is not None:
        path.write_bytes(content)
    player.load(77, path)
    player.play()
    qtbot.waitUntil(lambda: bool(player.error_text))
    assert expected in player.message.text() and "rec-77.wav" in player.message.text()
    assert player.message.isVisible() and not player.play_button.isEnabled()
    assert not player.playing and player.audits == []  # nothing played, nothing audited


def test_no_recording_says_so(qtbot, player):
    player.load(9, None)
    assert player.message.text() == "This interaction has no recording."
    player.play()
    assert not player.playing and player.audits == []
