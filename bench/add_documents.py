"""Benchmark: adding your own documents, against a plain text extraction of the same file.

A 20-page PDF with a text layer (the 长江保护法 and the 退役军人保障法 printed as one
document with a red masthead, a running header and page numbers, under a new number
and title so that it is a new document and every unit is embedded) and one scanned page are added to a copy of
the knowledge base. The baseline is pypdfium2's bare text extraction of the same
file, the least any reader does; the ratio is stable where seconds are not.

    python bench/add_documents.py --db var/zhengce.db
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the fixture renderers of tests/

from tests.readers import render

from zhengce.build import add_documents
from zhengce.corpus.build import load_corpus
from zhengce.corpus.readers import read_file
from zhengce.index.build import DEFAULT_CACHE
from zhengce.store.db import Store, resolve_path

LONG, MORE = "中华人民共和国主席令第65号", "中华人民共和国主席令第63号"


def plain_text(path: Path) -> float:
    """Seconds for pypdfium2 to pull the bare text of every page."""
    started = time.perf_counter()
    document = pypdfium2.PdfDocument(path)
    for page in document:
        page.get_textpage().get_text_range()
    document.close()
    return time.perf_counter() - started


def timed_add(kb: Path, cache: Path, path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    add_documents(kb, [path], cache=cache)
    return time.perf_counter() - started, int(Store(kb).meta()["embedded_now"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="knowledge base to copy (default as for the CLI)")
    kb_source = resolve_path(parser.parse_args().db)
    documents, _ = load_corpus()
    law, more = (next(d for d in documents if d.doc_number == number) for number in (LONG, MORE))
    new = dataclasses.replace(law, doc_number="中华人民共和国主席令第99号", title=f"{law.title}（修订草案）",
                              paragraphs=[*law.paragraphs, *more.paragraphs[:60]])
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        kb, cache = work / "kb.db", work / "embeddings.sqlite"
        shutil.copy(kb_source, kb)
        shutil.copy(DEFAULT_CACHE, cache)
        text_pdf = render.text_pdf(new, work / "law.pdf")
        pages = len(pypdfium2.PdfDocument(text_pdf))
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        base = min(plain_text(text_pdf) for _ in range(3))
        started = time.perf_counter()
        read_file(text_pdf)
        read = time.perf_counter() - started
        added, embedded = timed_add(kb, cache, text_pdf)
        print(f"{pages}-page text PDF: plain extraction {base * 1000:.0f} ms; reading (lines, tables, furniture) "
              f"{read:.2f} s ({read / base:.0f}x); add with {embedded} units embedded {added:.1f} s "
              f"({added / base:.0f}x the plain extraction; limit 30 s)")
        note = work / "note.txt"
        note.write_text("关于测试添加耗时的通知\n\n一、本通知用于测量添加一份短文件的固定开销。\n", encoding="utf-8")
        fixed, embedded = timed_add(kb, cache, note)
        print(f"a one-article TXT ({embedded} units embedded): {fixed:.1f} s, what any add costs "
              f"(replaying the corpus, linking, writing the new file)")
        first = dataclasses.replace(new, doc_number="中华人民共和国主席令第98号", paragraphs=new.paragraphs[:10],
                                    tables=[], title=f"{law.title}（扫描件）")
        scan = render.scanned_pdf(render.text_pdf(first, work / "page.pdf"), work / "scan.pdf", pages=1)
        page_base = min(plain_text(work / "page.pdf") for _ in range(3))
        started = time.perf_counter()
        read_file(scan)
        ocr = time.perf_counter() - started
        added, embedded = timed_add(kb, cache, scan)
        print(f"1 scanned page: OCR {ocr:.1f} s; add with {embedded} units embedded {added:.1f} s (limit 10 s); "
              f"{ocr / page_base:.0f}x the plain extraction of the same page with a text layer")


if __name__ == "__main__":
    main()
