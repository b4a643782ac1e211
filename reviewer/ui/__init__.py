"""The PySide6 face of the app: start-up, the main window, its panels, item models and dialogs.

Only this package imports Qt. Everything it shows comes from the Qt-free core; widgets present,
they do not decide.
"""
