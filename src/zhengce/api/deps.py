"""What routes depend on: the knowledge base and the search index, loaded once per app."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from zhengce.answer.ask import Answerer
from zhengce.index.hybrid import SearchIndex
from zhengce.store.db import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_index(request: Request) -> SearchIndex:
    return request.app.state.index


def get_answerer(request: Request) -> Answerer:
    return request.app.state.answerer


StoreDep = Annotated[Store, Depends(get_store)]
IndexDep = Annotated[SearchIndex, Depends(get_index)]
AnswererDep = Annotated[Answerer, Depends(get_answerer)]
