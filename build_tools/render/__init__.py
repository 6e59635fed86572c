"""Markdown for generated pages."""
