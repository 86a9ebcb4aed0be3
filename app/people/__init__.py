"""The center, its teams, people and queues."""
