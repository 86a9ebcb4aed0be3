"""The Complaints workspace: one column per stage, cards, filters and a timeline."""
