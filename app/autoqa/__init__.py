"""Chat transcripts and automatic QA on every conversation (issue 11)."""
