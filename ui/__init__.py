"""The Qt console: main window, one package per workspace, item models, widgets and workers."""
