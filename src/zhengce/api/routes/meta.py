"""GET /api/health and GET /api/stats."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from zhengce.api.deps import StoreDep
from zhengce.api.models import HealthOut

router = APIRouter(tags=["meta"])


@router.get("/api/health", response_model=HealthOut)
def health(store: StoreDep) -> HealthOut:
    stats = store.stats()
    return HealthOut(status="ok", documents=stats["documents"], built_at=stats["built_at"])


@router.get("/api/stats")
def stats(store: StoreDep) -> dict[str, Any]:
    """What the knowledge base holds: counts by region, section and source, flags, units."""
    return store.stats()
