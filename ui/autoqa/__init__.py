"""Qt views of the automatic QA: the transcript thread with the checks marked."""
