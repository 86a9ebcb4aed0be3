"""Helpers for tests that drive the whole console window."""

from __future__ import annotations


def open_workspace(window, kind: type):
    """Show the window's workspace of class ``kind``; its (sidebar index, page)."""
    index = next(i for i, page in enumerate(window.workspaces) if isinstance(page, kind))
    window.show_workspace(index)
    return index, window.workspaces[index]
