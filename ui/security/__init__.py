"""Sign-in, first-run administrator and password dialogs."""
