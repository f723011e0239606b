"""The OpenAPI schema as the app behaves, not as FastAPI assumes.

Every input error is 400 with ``{"error": …}`` (FastAPI would document 422 with its
own shape); bodies over the limit get 413; search and answers may get 429 when one
client runs too many at once.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from zhengce.api.guard import HEAVY_PATHS, IN_ALL, MAX_BODY_BYTES, PER_CLIENT

ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
LIMITS = (f"Limits: request bodies at most {MAX_BODY_BYTES:,} bytes (413 beyond); a question or query at most "
          f"500 characters (only the first 128 are embedded); a batch at most 50 questions, answered within a "
          f"20-second budget; search and ask at most {PER_CLIENT} at once per client (429 beyond) and "
          f"{IN_ALL} in all. Every input error is 400 with {{\"error\": message in Chinese}}.")


def install_schema(app: FastAPI) -> None:
    """Replace ``app.openapi`` by one that documents the real statuses, built once."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _schema(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _schema(app: FastAPI) -> dict[str, Any]:
    schema = get_openapi(title=app.title, version=app.version, description=f"{app.description}\n\n{LIMITS}",
                         routes=app.routes)
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            responses = operation["responses"]
            responses.pop("422", None)
            if operation.get("parameters") or operation.get("requestBody"):
                responses.setdefault("400", {"description": "Bad input", "content": ERROR})
            if operation.get("requestBody"):
                responses["413"] = {"description": "Request body too large", "content": ERROR}
            if path.startswith(HEAVY_PATHS):
                responses["429"] = {"description": "Too many searches at once from this client", "content": ERROR,
                                    "headers": {"Retry-After": {"schema": {"type": "integer"}}}}
    for unused in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(unused, None)
    return schema
