"""Widgets and Qt building blocks shared by the workspaces."""
