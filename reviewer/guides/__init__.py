"""The user guides shipped with the app: read (source), shown in the app (html), printed (pdf)."""
