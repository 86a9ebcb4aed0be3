"""Console notifications: the bell, its popup, the toast and the system tray."""
