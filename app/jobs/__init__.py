"""Background jobs that run exactly once per slot, however many consoles share the database."""
