"""Shared fixtures: the ../shared folder (read at run time, never copied) and the spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpora" / "seeds"
SCHEMA = SHARED / "contract" / "report.schema.json"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="run slow benchmarks too")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def require_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"../shared is missing ({path} not found): this test reads the shared "
                    "corpora and contract at run time and cannot run without them")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return require_shared(SEEDS)


@pytest.fixture(scope="session")
def report_schema() -> dict:
    import json
    return json.loads(require_shared(SCHEMA).read_text())


@pytest.fixture(scope="session")
def nlp():
    from storyline.nlp import shared_pipeline
    return shared_pipeline()


@pytest.fixture(scope="session")
def nlp_pipeline(nlp):
    """The shared spaCy pipeline, under a name that does not clash with hypothesis' given."""
    return nlp
