"""Property-based run of the API against its own OpenAPI description (schemathesis).

Bounded: a handful of generated requests per operation over a small invented store, so the
whole run takes a few seconds.  Checks that no request makes a server error and that every
response matches the documented status codes, content types and schemas.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from storyline.api import create_app  # noqa: E402
from test_api import build_store, write_articles  # noqa: E402


def _app():
    import tempfile

    from storyline.nlp import shared_pipeline

    root = Path(tempfile.mkdtemp(prefix="storyline-schemathesis-"))
    db = build_store(root / "store.db", [write_articles(root / "articles")], shared_pipeline())
    # a token is set, and the tests do not send it: uploads must answer 401, never 5xx
    return create_app(db, "not-sent", rate_limit=0, max_upload_bytes=100_000)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=4, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_description(case):
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance,
                                   content_type_conformance, response_schema_conformance])
