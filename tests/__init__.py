"""Tests of the work-safety archive build tools."""
