"""Benchmarks: a registry of named measurements run by `floorwalker bench NAME`."""
