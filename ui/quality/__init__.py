"""The Quality workspace: recent recorded interactions, their details, this week's QA status."""
