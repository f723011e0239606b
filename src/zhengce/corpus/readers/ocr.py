"""Scans: page images to printed lines with rapidocr (PP-OCR models shipped in the wheel, offline).

Used only for a page without a text layer, and for image files; the engine is
loaded once per process because loading its three models takes a second.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from zhengce.corpus.readers.extract import Extract, PageLine, ReadError, blocks_from_items, paragraphs_from_lines

MIN_SCORE = 0.5
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")


@lru_cache(maxsize=1)
def engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def page_lines(image: np.ndarray, page: int) -> list[PageLine]:
    """The text lines OCR finds on one page image, top to bottom, boxes on one line joined."""
    # No line-direction classifier: printed notices are upright, and it costs a tenth of the time.
    result, _ = engine()(image, use_cls=False)
    boxes = []
    for box, text, score in result or []:
        if float(score) < MIN_SCORE or not text.strip():
            continue
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        boxes.append(PageLine(text.strip(), min(xs), max(xs), min(ys), max(ys), page))
    return _join_rows(sorted(boxes, key=lambda b: (b.top, b.x0)))


def _join_rows(boxes: list[PageLine]) -> list[PageLine]:
    """Boxes whose vertical middles fall inside one another's height are one printed line."""
    rows: list[PageLine] = []
    for box in boxes:
        last = rows[-1] if rows else None
        middle = (box.top + box.bottom) / 2
        if last and last.top <= middle <= last.bottom:
            left, right = sorted((last, box), key=lambda b: b.x0)
            rows[-1] = PageLine(left.text + right.text, left.x0, max(left.x1, right.x1),
                                min(left.top, right.top), max(left.bottom, right.bottom), box.page)
        else:
            rows.append(box)
    return rows


def read_image(path: Path) -> Extract:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            pixels = np.asarray(image.convert("RGB"))
    except (UnidentifiedImageError, OSError) as error:
        raise ReadError(f"{path.name}：不是可读的图片（{type(error).__name__}）") from error
    lines = page_lines(pixels, 1)
    if not lines:
        raise ReadError(f"{path.name}：图片中没有识别出文字")
    return Extract(blocks_from_items([{"text": t} for t in paragraphs_from_lines(lines)]), method="ocr")
