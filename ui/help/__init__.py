"""Help: the page of each workspace (F1), the shortcut cheat sheet (Ctrl+/) and the first-run guide."""
