"""Hostile-input suites: each module exposes run() -> dict of counts (bench/hostile.py runs them all)."""
