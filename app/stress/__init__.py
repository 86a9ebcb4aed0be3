"""Stress drivers shared by the benchmarks and the tests: many desks editing the same rows."""
