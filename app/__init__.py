"""Floorwalker: everything the console knows and does, without widgets."""

__version__ = "0.1.0"
