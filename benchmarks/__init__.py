"""Benchmarks of the archive build at scale (python -m benchmarks.run)."""
