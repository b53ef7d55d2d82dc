"""Scoring the pipeline against annotated data in ../shared/data."""
