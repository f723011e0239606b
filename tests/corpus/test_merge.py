"""One document, several sources."""

from __future__ import annotations

import hashlib

from tests.conftest import by_number
from zhengce.corpus.model import Document


def test_the_document_in_all_four_files_is_stored_once_with_four_sources(corpus: list[Document]):
    document = by_number(corpus, "人社部明电〔2020〕1号")
    files = sorted(s.file[:3] for s in document.sources)
    assert files == ["000", "001", "003", "004"]
    assert document.title == "人力资源社会保障部关于进一步做好新型冠状病毒感染的肺炎疫情防控工作的通知"
    # 004 prints neither signature nor date; another print does.
    assert document.date.isoformat() == "2020-01-30"
    assert [n.path for n in document.nodes if n.kind == "item1"] == ["一", "二", "三", "四", "五", "六"]


def test_no_two_documents_share_a_number(corpus: list[Document]):
    numbers = [d.doc_number for d in corpus if d.doc_number]
    assert len(numbers) == len(set(numbers))


def test_merged_title_keeps_the_issuers(corpus: list[Document]):
    # 001 prints it as 关于优化就业服务…, 000 with its issuer.
    document = by_number(corpus, "人社厅明电〔2020〕2号")
    assert document.title.startswith("人力资源社会保障部办公厅关于优化就业服务")


def test_forwarding_notice_is_not_merged_with_what_it_forwards(corpus: list[Document]):
    forwarded = by_number(corpus, "人社厅明电〔2020〕3号")
    assert all(s.start_line != 1892 for s in forwarded.sources)
    forwarding = [d for d in corpus if d.sources[0].start_line == 1892 and d.sources[0].file.startswith("000")]
    assert forwarding and forwarding[0].forwards == [forwarded.id]
    assert forwarding[0].region == "重庆"


def test_ids_are_stable_and_unique(corpus: list[Document]):
    ids = [d.id for d in corpus]
    assert len(ids) == len(set(ids))
    # An id derives from the document number, so rebuilding never changes it.
    expected = hashlib.sha1("人社部明电〔2020〕1号".encode()).hexdigest()[:10]
    assert by_number(corpus, "人社部明电〔2020〕1号").id == expected
