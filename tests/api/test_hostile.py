"""Any input has a defined answer: property tests over the search, ask and calculator
entry points (any Unicode, any length, any bytes) assert no 5xx and a JSON error in Chinese."""

from __future__ import annotations

import json
import re
from urllib.parse import quote_from_bytes

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from zhengce.calc.rules import RULES

# Every code point, lone surrogates included (a JSON body can carry them as \ud800).
ANY_CHAR = st.characters(exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=700)
URL_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=700)
HAN = re.compile(r"[\u4e00-\u9fff]")
SURROGATE = re.compile("[\ud800-\udfff]")
# The inputs a user reported: function words, punctuation, emoji, NUL, other scripts.
NOTHING_TO_SEARCH = ["的", "了", "。", "？", "(((", "😀", "\x00", "Привет", "안녕하세요", "かな", "\ufffd"]
FAST = settings(max_examples=40, deadline=None)


def assert_defined(response, *, html: bool = False) -> None:
    """2xx, or 4xx with a message in Chinese; never 5xx."""
    assert response.status_code < 500, response.text[:300]
    if response.status_code >= 400 and not html:
        assert HAN.search(response.json()["error"]), response.text[:300]


def post_json(client: TestClient, path: str, body: object):
    """POST ``body`` as json.dumps writes it: lone surrogates as \\ud800 escapes, NaN and
    Infinity as bare words, as a careless client would send them."""
    return client.post(path, content=json.dumps(body), headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("query", NOTHING_TO_SEARCH)
def test_a_query_with_no_searchable_word_is_refused_in_chinese(api_client: TestClient, query: str):
    for path in ("/api/search", "/api/ask", "/search", "/ask"):
        response = api_client.get(path, params={"q": query})
        assert response.status_code == 400, (path, response.status_code)
        assert "没有可检索的词" in response.text


def test_a_bad_question_in_a_batch_gets_an_error_record_in_its_place(api_client: TestClient):
    answers = api_client.post("/api/ask", json={"questions": ["稳岗返还", "的", "😀"]}).json()["answers"]
    assert [bool(a.get("error")) for a in answers] == [False, True, True]
    assert answers[0]["question"] == "稳岗返还" and answers[0]["citations"]


@FAST
@given(query=URL_TEXT)
def test_search_and_ask_by_get_answer_any_text(api_client: TestClient, query: str):
    for path in ("/api/search", "/api/ask"):
        assert_defined(api_client.get(path, params={"q": query}))
    for path in ("/search", "/ask"):
        assert_defined(api_client.get(path, params={"q": query}), html=True)


@FAST
@given(data=st.binary(max_size=300))
def test_any_bytes_in_the_query_string(api_client: TestClient, data: bytes):
    for path in ("/api/search", "/search"):
        assert_defined(api_client.get(f"{path}?q={quote_from_bytes(data)}"), html=path == "/search")


@FAST
@given(question=ANY_TEXT, batch=st.lists(ANY_TEXT, max_size=4))
def test_ask_answers_any_question_or_batch(api_client: TestClient, question: str, batch: list[str]):
    assert_defined(post_json(api_client, "/api/ask", {"question": question}))
    response = post_json(api_client, "/api/ask", {"questions": batch})
    assert_defined(response)
    if response.status_code == 200:
        assert [a["question"] for a in response.json()["answers"]] == [SURROGATE.sub("\ufffd", q) for q in batch]


VALUES = st.one_of(ANY_TEXT, st.integers(), st.floats(), st.booleans(), st.none(),
                   st.lists(st.integers(), max_size=2))


@FAST
@given(name=st.sampled_from(sorted(RULES)), data=st.data())
def test_calculators_answer_any_inputs(api_client: TestClient, name: str, data: st.DataObject):
    names = [item["name"] for item in RULES[name].describe()["inputs"]]
    inputs = data.draw(st.dictionaries(st.one_of(st.sampled_from(names), ANY_TEXT), VALUES, max_size=len(names) + 1))
    assert_defined(post_json(api_client, f"/api/calc/{name}", inputs))
    query = {k: str(v) for k, v in inputs.items() if not SURROGATE.search(k + str(v))}  # URLs cannot carry them
    assert_defined(api_client.get(f"/calc/{name}", params=query), html=True)
