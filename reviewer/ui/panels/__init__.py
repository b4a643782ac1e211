"""The panels the main window composes; each owns its widgets and its view models."""
