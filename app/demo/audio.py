"""Short generated call recordings for the demo: real WAV files (8 kHz mono) so playback works.

A "call" is a ring-back tone followed by alternating voice-like bursts (a harmonic buzz shaped
by a syllable envelope) for the agent and the customer, over a little line hiss. It sounds
like a muffled conversation, is clearly synthetic, and stays small: 8-bit PCM, about 3
seconds, ~24 KB. Bursts come from a small bank rendered once per build, so a thousand files
take well under a second.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

SAMPLE_RATE = 8000
SAMPLE_WIDTH = 1  # bytes: 8-bit unsigned PCM keeps files small and every player reads it
BANK_SIZE = 12


def _burst(rng: np.random.Generator, pitch: float, seconds: float) -> np.ndarray:
    tt = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    f0 = pitch * (1 + 0.05 * np.sin(2 * np.pi * rng.uniform(0.5, 1.5) * tt))
    phase = 2 * np.pi * np.cumsum(f0) / SAMPLE_RATE
    voice = np.sin(phase) + np.sin(2 * phase) / 2 + np.sin(3 * phase) / 3 + np.sin(4 * phase) / 4
    syllables = np.clip(np.sin(2 * np.pi * rng.uniform(3.5, 5.5) * tt), 0, None) ** 0.7
    fade = np.minimum(1.0, np.minimum(tt, tt[-1] - tt) * 20)
    return 0.45 * voice * syllables * fade


class CallSynth:
    """Renders synthetic calls; the same (seed, key, seconds) always gives the same samples."""

    def __init__(self, seed: int) -> None:
        rng = np.random.default_rng([seed, 0xCA11])
        self.agent = [_burst(rng, rng.uniform(180, 240), 1.3) for _ in range(BANK_SIZE)]
        self.customer = [_burst(rng, rng.uniform(100, 140), 1.3) for _ in range(BANK_SIZE)]
        self.hiss = rng.normal(0.0, 0.01, 8 * SAMPLE_RATE)
        ring = np.arange(int(0.4 * SAMPLE_RATE)) / SAMPLE_RATE
        self.ring = 0.35 * np.sin(2 * np.pi * 450 * ring)  # the Chinese network's ring-back tone
        self.seed = seed

    def render(self, key: int, seconds: float) -> np.ndarray:
        rng = np.random.default_rng([self.seed, key])
        n = max(int(seconds * SAMPLE_RATE), SAMPLE_RATE // 2)
        start = int(rng.integers(0, self.hiss.size - n))
        out = self.hiss[start:start + n].copy()
        out[: self.ring.size] += self.ring[: n]
        pos = self.ring.size + int(0.15 * SAMPLE_RATE)
        bank = (self.agent, self.customer)
        speaker = 0
        while pos < n:
            burst = bank[speaker][int(rng.integers(BANK_SIZE))]
            length = min(n - pos, int(rng.uniform(0.6, 1.0) * burst.size))
            out[pos:pos + length] += burst[:length]
            pos += length + int(rng.uniform(0.1, 0.35) * SAMPLE_RATE)
            speaker = 1 - speaker
        return np.clip(out, -1.0, 1.0)


def write_wav(path: Path, samples: np.ndarray) -> int:
    """Write 8-bit mono PCM; returns the file size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = np.round(samples * 127 + 128).astype(np.uint8)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(SAMPLE_WIDTH)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(pcm.tobytes())
    return path.stat().st_size
