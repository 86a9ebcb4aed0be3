"""The Live workspace: today's (or a past day's) volume, service level and agents, from stored history."""
