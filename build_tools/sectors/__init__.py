"""Sectors: the curated taxonomy and the item-level classifier."""
