"""GET /api/health and GET /api/stats."""

from __future__ import annotations

from fastapi import APIRouter, Request

from zhengce.api.deps import StoreDep
from zhengce.api.models import HealthOut
from zhengce.store.records import KnowledgeBaseStats

router = APIRouter(tags=["meta"])


@router.get("/api/health", response_model=HealthOut)
async def health(request: Request) -> HealthOut:
    """On the event loop, from figures kept at load: it answers while searches run."""
    return HealthOut(status="ok", **request.app.state.health)


@router.get("/api/stats", response_model=KnowledgeBaseStats)
def stats(store: StoreDep) -> KnowledgeBaseStats:
    """What the knowledge base holds: counts by region, section and source, flags, units."""
    return store.stats()
