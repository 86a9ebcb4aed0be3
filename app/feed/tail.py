"""Following a growing queue_log file, the way ``tail -F`` does.

:meth:`FileTailer.poll` returns the complete lines appended since the last poll (a partial last
line waits for its newline). Rotation is survived: when the path names a new file (another
inode), the rest of the old file is read first and the new one from its start; when the file
shrinks (truncated in place, ``copytruncate``) reading restarts at its start; while the path is
missing the tailer waits and says so in :attr:`status`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_PARTIAL = 1 << 20  # a "line" longer than 1 MiB without a newline is handed over as it is


@dataclass
class TailStatus:
    rotations: int = 0
    truncations: int = 0
    missing: bool = False
    lines: int = 0
    last_data_at: float | None = None  # time.monotonic() of the last line read


class FileTailer:
    def __init__(self, path: str | os.PathLike[str], *, from_end: bool = False) -> None:
        self.path = Path(path)
        self.status = TailStatus()
        self._file: BinaryIO | None = None
        self._inode: tuple[int, int] | None = None
        self._partial = b""
        self._from_end = from_end

    def _open(self, *, at_end: bool) -> bool:
        try:
            f = open(self.path, "rb")  # noqa: SIM115 - kept open across polls
        except FileNotFoundError:
            self.status.missing = True
            return False
        st = os.fstat(f.fileno())
        self._file, self._inode = f, (st.st_dev, st.st_ino)
        if at_end:
            f.seek(0, os.SEEK_END)
        self.status.missing = False
        return True

    def _read_all(self) -> list[bytes]:
        assert self._file is not None
        data = self._file.read()
        if not data:
            return []
        data = self._partial + data
        lines = data.split(b"\n")
        self._partial = lines.pop()
        if len(self._partial) > MAX_PARTIAL:
            lines.append(self._partial)
            self._partial = b""
        return lines

    def poll(self) -> list[bytes]:
        """Complete new lines (without newlines), possibly empty."""
        if self._file is None:
            if not self._open(at_end=self._from_end):
                return []
            self._from_end = False
        lines = self._read_all()
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self.status.missing = True  # deleted or moved away: keep what we have, wait for a new one
            return self._count(lines)
        self.status.missing = False
        if (st.st_dev, st.st_ino) != self._inode:
            lines += self._read_all()  # the rest of the rotated file
            if self._partial:
                lines.append(self._partial)
                self._partial = b""
            self._close()
            self.status.rotations += 1
            if self._open(at_end=False):
                lines += self._read_all()
        elif self._file is not None and st.st_size < self._file.tell():
            self.status.truncations += 1
            self._partial = b""
            self._file.seek(0)
            lines += self._read_all()
        return self._count(lines)

    def _count(self, lines: list[bytes]) -> list[bytes]:
        if lines:
            self.status.lines += len(lines)
            self.status.last_data_at = time.monotonic()
        return lines

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file, self._inode = None, None

    def close(self) -> None:
        self._close()

    def follow(self, *, interval: float = 0.5, stop: Callable[[], bool] = lambda: False
               ) -> Iterator[list[bytes]]:
        """Polls until ``stop()`` is true, yielding each (possibly empty) batch of lines."""
        try:
            while not stop():
                yield self.poll()
                time.sleep(interval)
        finally:
            self._close()

    def __enter__(self) -> FileTailer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._close()
