"""The import dialog: call history from another platform's export, with a column mapping."""
