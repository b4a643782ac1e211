"""Dialogs, each opened through a small function that tests can monkeypatch."""
