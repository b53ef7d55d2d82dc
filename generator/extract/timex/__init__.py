"""Temporal expressions: found in a Doc, normalised TIMEX3-style."""
