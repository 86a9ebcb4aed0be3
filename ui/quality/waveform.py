"""Peaks of a WAV recording for the player's waveform (numpy over the ``wave`` module; no Qt).

Computed in a worker (``ctx.tasks.query``): the demo's recordings are small 8 kHz files, but a
real hour-long call is ~60 MB of 16-bit PCM, so the file is read in blocks and never whole.
Anything that is not plain PCM WAV (compressed, mp3, a broken header) gives ``None`` and the
player shows a plain position track instead.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

BLOCK_FRAMES = 1 << 16


def wav_peaks(path: Path | str, buckets: int = 480) -> tuple[float, ...] | None:
    """The loudest absolute sample (0..1) in each of ``buckets`` equal slices of the file, or None."""
    try:
        with wave.open(str(path), "rb") as w:
            width, channels, frames = w.getsampwidth(), w.getnchannels(), w.getnframes()
            if frames <= 0 or width not in (1, 2, 4) or channels <= 0 or w.getcomptype() != "NONE":
                return None
            buckets = max(1, min(buckets, frames))
            edges = np.linspace(0, frames, buckets + 1).astype(np.int64)
            peaks = np.zeros(buckets, dtype=np.float64)
            done = 0
            while done < frames:
                raw = w.readframes(min(BLOCK_FRAMES, frames - done))
                if not raw:
                    break
                block = _decode(raw, width, channels)
                if block.size == 0:
                    break
                # which bucket each frame of this block falls in
                index = np.searchsorted(edges, np.arange(done, done + block.size), side="right") - 1
                np.maximum.at(peaks, np.clip(index, 0, buckets - 1), block)
                done += block.size
    except (OSError, EOFError, wave.Error, ValueError):
        return None
    top = float(peaks.max()) if peaks.size else 0.0
    if top <= 0.0:
        return tuple(0.0 for _ in range(buckets))
    return tuple(float(p) for p in peaks / max(top, 0.05))  # quiet files are not blown up to full height


def _decode(raw: bytes, width: int, channels: int) -> np.ndarray:
    """Absolute amplitude per frame (max over channels), 0..1."""
    if width == 1:  # 8-bit WAV is unsigned
        samples = (np.frombuffer(raw, dtype=np.uint8).astype(np.float64) - 128.0) / 128.0
    elif width == 2:
        samples = np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768.0
    else:
        samples = np.frombuffer(raw, dtype="<i4").astype(np.float64) / 2147483648.0
    usable = samples.size - samples.size % channels
    return np.abs(samples[:usable].reshape(-1, channels)).max(axis=1)
