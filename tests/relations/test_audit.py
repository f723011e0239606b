"""The program against the validity audit (eval/validity/): every document on every audit
date, every end the audit reads, every item with its own period.

The audit was written by people reading each document's text, never the program's
output (eval/validity/README.md).
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from zhengce.relations.validity import IN_FORCE_STATUSES, STATUSES
from zhengce.store.db import Store

AUDIT = Path(__file__).resolve().parents[2] / "eval" / "validity"
DATES = ("2020-07-01", "2021-06-01", "2022-06-01", "2025-12-01")


def read(name: str) -> list[dict[str, str]]:
    with (AUDIT / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = read("audit.tsv")
ITEMS = read("items.tsv")
BY_ID = {row["id"]: row for row in ROWS}


def test_the_audit_covers_every_document_once(store: Store):
    assert sorted(BY_ID) == sorted(d.id for d in store.list_documents())
    assert len(ROWS) == len(BY_ID) == 196
    assert all(row[day] in STATUSES for row in ROWS for day in DATES)


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_status_on_every_audit_date(store: Store, row: dict[str, str]):
    got = {day: store.status_of(row["id"], date.fromisoformat(day)).status for day in DATES}
    assert got == {day: row[day] for day in DATES}, row["decided"]


@pytest.mark.parametrize("row", [r for r in ROWS if r["end_kind"] in ("stated", "phased")],
                         ids=lambda row: row["id"])
def test_the_end_the_text_sets(store: Store, row: dict[str, str]):
    validity = store.status_of(row["id"], date(2025, 12, 1))
    assert validity.end == row["end"]
    if row["end_kind"] == "stated":  # rule 3: 失效 from the day after, if nothing ended it before
        after = store.status_of(row["id"], date.fromisoformat(row["end"]) + timedelta(days=1))
        assert after.status in ("失效", "已废止")


@pytest.mark.parametrize("row", [r for r in ROWS if r["start"] and r["issued"] and r["start"] > r["issued"]],
                         ids=lambda row: row["id"])
def test_a_later_start(store: Store, row: dict[str, str]):
    start = date.fromisoformat(row["start"])
    assert store.status_of(row["id"], start - timedelta(days=1)).status == "尚未生效"
    assert store.status_of(row["id"], start).start == row["start"]


def item_ends() -> dict[tuple[str, str], str]:
    """An item's last day: the latest of the periods the audit lists for it."""
    ends: dict[tuple[str, str], str] = {}
    for item in ITEMS:
        key = (item["id"], item["item_path"])
        ends[key] = max(ends.get(key, ""), item["end"])
    return ends


@pytest.mark.parametrize(("doc_id", "path", "end"), [(*key, end) for key, end in item_ends().items()])
def test_every_item_with_its_own_period(store: Store, doc_id: str, path: str, end: str):
    for day in DATES:
        expected = BY_ID[doc_id][day] in IN_FORCE_STATUSES and day <= end
        assert store.status_of(f"{doc_id}/{path}", date.fromisoformat(day)).in_force == expected, day
