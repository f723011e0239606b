"""PDF: the text layer with pdfplumber (lines with their place and colour, ruled tables);
pages without a text layer are rendered with pypdfium2 and read by OCR.

The red masthead (the issuer's name printed in red above the number) is dropped by
its colour; page numbers and running headers and footers by ``drop_furniture``.
"""

from __future__ import annotations

from pathlib import Path

from zhengce.corpus.readers import ocr
from zhengce.corpus.readers.extract import (
    Extract,
    PageLine,
    ReadError,
    blocks_from_items,
    drop_furniture,
    paragraphs_from_lines,
    table_item,
)

MIN_TEXT_CHARS = 10   # fewer characters than this on a page: a scan
OCR_SCALE = 2.0       # render at 144 dpi: the detector finds every line of body text, faster than at 180


def read(path: Path) -> Extract:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with pdfplumber.open(path) as pdf:
            pages = [_page_items(page, number) for number, page in enumerate(pdf.pages, 1)]
    except Exception as error:  # pdfminer raises many kinds on a damaged file, wrapped by pdfplumber
        cause = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReadError(f"{path.name}：PDF 已加密，需要密码才能读取") from error
        raise ReadError(f"{path.name}：PDF 文件已损坏或不完整（{type(cause).__name__}）") from error
    if not pages:
        raise ReadError(f"{path.name}：PDF 没有页面")
    scanned = [number for number, items in enumerate(pages, 1) if items is None]
    if scanned:
        _ocr_pages(path, pages, scanned)
    return _extract(path, pages, "ocr" if len(scanned) == len(pages) else "mixed" if scanned else "text")


def _page_items(page, number: int) -> list[PageLine | dict] | None:
    """A page's lines and tables in reading order; None when the page has no text layer."""
    if len(page.chars) < MIN_TEXT_CHARS:
        return None
    tables = [(t.bbox, item) for t in page.find_tables() if (item := table_item(t.extract()))]
    boxes = [bbox for bbox, _ in tables]
    items: list[tuple[float, PageLine | dict]] = [(bbox[1], item) for bbox, item in tables]
    for line in page.extract_text_lines(return_chars=True):
        middle = ((line["x0"] + line["x1"]) / 2, (line["top"] + line["bottom"]) / 2)
        if any(x0 <= middle[0] <= x1 and top <= middle[1] <= bottom for x0, top, x1, bottom in boxes):
            continue
        red = sum(_is_red(c.get("non_stroking_color")) for c in line["chars"]) > len(line["chars"]) / 2
        items.append((line["top"], PageLine(line["text"], line["x0"], line["x1"], line["top"], line["bottom"],
                                            number, red)))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def _is_red(colour: object) -> bool:
    """Red in RGB or CMYK, the colour of a masthead."""
    if not isinstance(colour, (tuple, list)):
        return False
    if len(colour) == 3:
        r, g, b = colour
        return r > 0.6 and g < 0.4 and b < 0.4
    if len(colour) == 4:
        c, m, y, k = colour
        return c < 0.3 and m > 0.6 and y > 0.5 and k < 0.4
    return False


def _ocr_pages(path: Path, pages: list, numbers: list[int]) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        for number in numbers:
            image = document[number - 1].render(scale=OCR_SCALE).to_numpy()
            pages[number - 1] = ocr.page_lines(image[:, :, :3], number)
    finally:
        document.close()


def _add_table(items: list[dict], table: dict) -> None:
    """A table, or the rest of the one just before it when it runs on over a page break
    (same columns, nothing between): its header repeated on the new page is dropped."""
    previous = items[-1] if items else None
    if previous and "rows" in previous and len(previous["columns"]) == len(table["columns"]):
        rows = table["rows"] if table["columns"] == previous["columns"] else [table["columns"], *table["rows"]]
        previous["rows"].extend(rows)
    else:
        items.append(table)


def _extract(path: Path, pages: list[list], method: str) -> Extract:
    lines = [item for items in pages for item in items if isinstance(item, PageLine)]
    first_page = [line for line in lines if line.page == 1]
    masthead = {id(line) for line in first_page[:3] if line.red}
    kept = {id(line) for line in drop_furniture(lines, len(pages)) if id(line) not in masthead}
    items: list[dict] = []
    run: list[PageLine] = []
    for item in (item for items in pages for item in items):
        if isinstance(item, PageLine):
            if id(item) in kept:
                run.append(item)
            continue
        items.extend({"text": text} for text in paragraphs_from_lines(run))
        run = []
        _add_table(items, item)
    items.extend({"text": text} for text in paragraphs_from_lines(run))
    if not any("text" in item for item in items):
        raise ReadError(f"{path.name}：PDF 中没有可读的文字")
    return Extract(blocks_from_items(items), method=method)
