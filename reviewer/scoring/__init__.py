"""Scoring: score sheets and the reconciliation engine (pure Python, no Qt)."""
