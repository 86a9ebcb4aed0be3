"""The recording player never waits for the FFmpeg backend's threads while it holds the GIL.

The hang this guards against (one CI run froze in the Quality tests' teardown, in
``player.clear()`` -> ``QMediaPlayer.stop()``): a thread of Qt's FFmpeg backend calls into Python —
a Qt message reaching a Python message handler (pytest-qt installs one), or the first
``disconnectNotify`` on our QAudioOutput's PySide wrapper when an audio renderer is destroyed in its
thread — and waits for the GIL, while the GUI thread holds the GIL and waits for that backend thread
(``stop()`` makes a blocking call into the audio renderer's thread; the QMediaPlayer's destructor
also joins the threads). PySide keeps the GIL during ``stop()`` and the destructor, and releases it
for ``setSource()``.

Each case runs in a child process with a timeout, so a regression fails instead of hanging the
suite. The child's Qt message handler keeps the audio renderer's thread inside Python for a moment
(the first message from that thread), and the GUI thread then does what the console does: clears
the player, switches to another recording, destroys the player widget, pauses, seeks, changes the
speed. Without a message from
that thread (the backend logs one when it opens the sound output, and its debug category is
switched on here) the situation cannot be made and the case is skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

pytestmark = [
    pytest.mark.gui,
    # a machine without sound (CI, offscreen) says so; the player plays silently
    pytest.mark.qt_log_ignore("PulseAudioService.*", "No audio device detected"),
]

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 60

CHILD = r'''
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThread, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

trap = {"armed": False, "sprung": False}


def handler(_mode, _context, _message):
    # runs in the thread that logs; a backend thread needs the GIL to get here and to get out again
    if trap["armed"] and "AudioRenderer" in QThread.currentThread().objectName():
        trap["armed"] = False
        trap["sprung"] = True
        time.sleep(1.0)  # the GIL is free while it sleeps; the GUI thread acts meanwhile


qInstallMessageHandler(handler)
app = QApplication([])

from ui.quality.player import RecordingPlayer  # noqa: E402


def wait(ms):  # an event loop run from Python releases the GIL, as qtbot.wait does
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition, seconds):
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            return False
        wait(5)
    return True


action, path = sys.argv[1], Path(sys.argv[2])
player = RecordingPlayer()
player.load(1, path)
assert wait_until(lambda: player.loaded, 10), "the recording did not load"
trap["armed"] = True
player.play()  # a fresh audio renderer opens the sound output in its thread and logs
if not wait_until(lambda: trap["sprung"], 10):
    print("NO-TRAP", flush=True)
    sys.exit(0)
# the renderer's thread now sleeps inside the handler and needs the GIL to leave it
if action == "clear":
    player.clear()
    assert player.media.source().isEmpty() and not player.playing and player.interaction_id is None
elif action == "switch":
    assert player.load(2, path, "other")
    assert wait_until(lambda: player.loaded, 10) and player.interaction_id == 2 and not player.playing
elif action == "pause":
    player.toggle()
    assert wait_until(lambda: not player.playing, 5)
elif action == "seek":
    player.seek(4000)
    assert abs(player.media.position() - 4000) < 300
elif action == "speed":
    player.faster()
    assert player.media.playbackRate() == 1.25
elif action == "destroy":
    import shiboken6
    from PySide6.QtTest import QTest

    player.deleteLater()
    QTest.qWait(50)  # runs the deferred delete without releasing the GIL (as a Python-side delete would)
    assert not shiboken6.isValid(player)
print("DONE", flush=True)
'''


@pytest.fixture(scope="module")
def recording(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("player") / "call.wav"
    t = np.arange(8 * 8000) / 8000
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(np.round(np.sin(2 * np.pi * 300 * t) * 90 + 128).astype(np.uint8).tobytes())
    return path


def run_child(action: str, recording: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               QT_LOGGING_RULES="qt.multimedia.ffmpeg.audiorenderer.debug=true")
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, action, str(recording)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        output = [o.decode(errors="replace") if isinstance(o, bytes) else o or "" for o in (exc.stdout, exc.stderr)]
        pytest.fail(f"{action}: the player hung (GIL deadlock with the media backend's thread)\n" + "\n".join(output))
    assert done.returncode == 0, done.stdout + done.stderr
    if "NO-TRAP" in done.stdout:
        pytest.skip("the media backend's audio thread logged nothing here: the situation cannot be made")
    assert "DONE" in done.stdout, done.stdout + done.stderr
    return done.stdout


@pytest.mark.parametrize("action", ["clear", "switch", "destroy", "pause", "seek", "speed"])
def test_player_does_not_wait_for_a_backend_thread_that_needs_the_gil(recording, action):
    run_child(action, recording)


def test_clear_never_calls_stop_which_keeps_the_gil(qtbot, recording):
    """QMediaPlayer.stop() is the call that hung; clear() drops the source instead (PySide releases the
    GIL for setSource, and QMediaPlayer::setSource stops first)."""
    from PySide6.QtMultimedia import QMediaPlayer

    from ui.quality.player import RecordingPlayer

    player = RecordingPlayer()
    qtbot.addWidget(player)
    assert player.load(5, recording)
    qtbot.waitUntil(lambda: player.loaded)
    calls: list[str] = []
    player.media.stop = lambda: calls.append("stop")  # shadows the binding for calls made from Python
    player.play()
    qtbot.waitUntil(lambda: player.playing)
    player.clear()
    assert calls == []
    assert player.media.source().isEmpty()
    assert player.media.playbackState() == QMediaPlayer.PlaybackState.StoppedState
    assert not player.playing and player.title.text() == "No recording selected"
    # and it plays again afterwards
    assert player.load(6, recording)
    player.play()
    qtbot.waitUntil(lambda: player.playing)
    player.clear()
