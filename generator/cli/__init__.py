"""The `timeline` command line: click commands only."""

from generator.cli.main import main

__all__ = ["main"]
