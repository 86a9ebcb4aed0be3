"""The Admin workspace: people, teams, queues, rule values and the audit log."""
