"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once per test session."""
    from generator.extract.pipeline import load_pipeline

    return load_pipeline()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="Rewrite tests/golden/*.yml from the extractor."
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, once per session (skips when either is missing)."""
    from site_helpers import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install chromium; .ci/run does)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Exception as error:  # Playwright raises its own Error for any launch failure
            pytest.skip(f"Playwright cannot start {CHROMIUM}: {error}")
        yield launched
        launched.close()
