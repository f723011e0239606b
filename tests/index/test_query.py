"""Query normalisation: widths, numerals, document numbers in every bracket form, synonyms, errors."""

from __future__ import annotations

import pytest

from zhengce.index.query import MAX_QUERY_CHARS, QueryError, normalize

KNOWN = {"人社部发〔2020〕11号", "湘人社规〔2020〕18号", "渝人社〔2020〕41号", "京人社就字〔2020〕15号",
         "人社厅明电〔2020〕5号"}


# Every bracket form the sources print (000: 〔〕﹝﹞（）, 001: [] 【】, 003: []), and forms users type.
@pytest.mark.parametrize("typed, expected", [
    ("人社部发〔2020〕11号", "人社部发〔2020〕11号"),
    ("人社部发﹝2020﹞11号", "人社部发〔2020〕11号"),
    ("渝人社（2020）41号", "渝人社〔2020〕41号"),
    ("渝人社(2020)41号", "渝人社〔2020〕41号"),
    ("湘人社规[2020]18号", "湘人社规〔2020〕18号"),
    ("人社厅明电【2020】5号", "人社厅明电〔2020〕5号"),
    ("京人社就字〔2020〕15 号", "京人社就字〔2020〕15号"),
    ("人社部发［２０２０］１１号", "人社部发〔2020〕11号"),
    ("湘人社规2020年18号", "湘人社规〔2020〕18号"),
    ("湘人社规 2020 18号", "湘人社规〔2020〕18号"),
    ("人社部发〔2020〕第11号", "人社部发〔2020〕11号"),
    ("查一下湘人社规〔2020〕18号说了什么", "湘人社规〔2020〕18号"),
])
def test_document_numbers_in_any_form(typed: str, expected: str):
    assert normalize(typed, KNOWN).numbers == [expected]


def test_unknown_number_is_not_claimed():
    assert normalize("人社部发〔2020〕999号", KNOWN).numbers == []


def test_chinese_numeral_years_and_widths_are_folded():
    query = normalize("二〇二〇年ＡＢＣ社保", KNOWN)
    assert query.text == "2020年ABC社保"


def test_written_question_words_ask_as_spoken_ones():
    assert "企业有什么奖补规定" in normalize("湖南省对吸纳脱贫劳动力就业的企业有何奖补规定？").text
    assert "以什么方式申请" in normalize("以何种方式申请？").text


def test_synonyms_add_the_documents_words():
    assert "社会保险" in normalize("社保怎么交").expansions
    assert "稳岗返还" in normalize("稳岗补贴申请").expansions
    assert "稳岗补贴" in normalize("稳岗返还申请").expansions


@pytest.mark.parametrize("bad", ["", "   ", "\n", "字" * (MAX_QUERY_CHARS + 1)])
def test_empty_or_overlong_query_is_refused(bad: str):
    with pytest.raises(QueryError):
        normalize(bad)
