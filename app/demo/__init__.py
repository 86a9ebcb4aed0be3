"""The demo center: a believable, seeded contact center to explore the console with."""
