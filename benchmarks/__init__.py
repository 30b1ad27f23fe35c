"""Benchmarks of HIN's network measures against plain networkx (run by hand, not in the test suite)."""

__all__: list[str] = []
