"""The contact-center platform feed: Asterisk ``queue_log`` parsing, calls and agent states,
import into the database, a file tailer, a simulator and the headless live figures."""
