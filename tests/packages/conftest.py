"""Fixtures for the package tests: the session-wide world is built in :mod:`pkg_world`."""

from pkg_world import env, world

__all__ = ["env", "world"]
