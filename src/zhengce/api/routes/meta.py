"""GET /api/health and GET /api/stats."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from zhengce.api.deps import StoreDep
from zhengce.api.models import HealthOut

router = APIRouter(tags=["meta"])


@router.get("/api/health", response_model=HealthOut)
async def health(request: Request) -> HealthOut:
    """On the event loop, from figures kept at load: it answers while searches run."""
    return HealthOut(status="ok", **request.app.state.health)


@router.get("/api/stats")
def stats(store: StoreDep) -> dict[str, Any]:
    """What the knowledge base holds: counts by region, section and source, flags, units."""
    return store.stats()
