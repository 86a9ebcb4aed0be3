"""The Live workspace's knowledge: volumes, service level and agent states, from stored history
(the queue feed and live state of issue 7 will live next to it)."""
