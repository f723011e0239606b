"""Test fixtures: a corpus document printed the ways users bring documents.

Each renderer writes the bundled parse of a real document back out as a file of
one format (a text PDF with a red masthead, page numbers, a running header and a
ruled table; the same pages as images; a DOCX whose article and item numbers are
Word's automatic numbering; a government web page with navigation and footer),
so that a reader can be checked against the bundled parse of the same text.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

from zhengce.corpus.model import Document, Paragraph, Table
from zhengce.corpus.structure import match_marker

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def blocks(document: Document) -> list[Paragraph | Table]:
    """The document's paragraphs and tables in printed order."""
    return sorted([*document.paragraphs, *document.tables], key=lambda b: b.start_line)


def _signature(document: Document, text: str) -> bool:
    return text in document.issuers or (document.date is not None and text.endswith("日") and len(text) <= 14)


def text_pdf(document: Document, path: Path) -> Path:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    number = document.doc_number or ""

    class Printed(FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("wqy", size=9)
                self.cell(0, 6, number, align="R", new_x="LMARGIN", new_y="NEXT")
                self.ln(2)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("wqy", size=10)
            self.cell(0, 8, f"— {self.page_no()} —", align="C")

    pdf = Printed(format="A4")
    pdf.add_font("wqy", "", str(FONT))
    pdf.add_font("wqy", "B", str(FONT))
    pdf.set_margins(25, 20, 25)
    pdf.add_page()
    pdf.set_text_color(220, 0, 0)
    pdf.set_font("wqy", "B", 26)
    pdf.cell(0, 16, f"{document.issuers[0]}文件", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(220, 0, 0)
    pdf.line(25, pdf.get_y() + 2, 185, pdf.get_y() + 2)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("wqy", size=12)
    pdf.ln(6)
    pdf.cell(0, 8, number, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("wqy", "B", 16)
    pdf.multi_cell(0, 9, document.title, align="C", new_x="LMARGIN", new_y="NEXT", wrapmode="CHAR")
    pdf.ln(4)
    pdf.set_font("wqy", size=12)
    for block in blocks(document):
        if isinstance(block, Table):
            pdf.ln(2)
            with pdf.table(text_align="LEFT", headings_style=FontFace(emphasis=None)) as table:
                for row in [block.columns, *block.rows]:
                    cells = table.row()
                    for cell in row:
                        cells.cell(cell)
            pdf.ln(2)
        elif _signature(document, block.text):
            pdf.cell(0, 8, block.text, align="R", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(0, 8, "\u3000\u3000" + block.text, new_x="LMARGIN", new_y="NEXT", wrapmode="CHAR")
    pdf.output(str(path))
    return path


def scanned_pdf(text_pdf_path: Path, path: Path, scale: float = 2.0, pages: int | None = None) -> Path:
    """The pages of a text PDF as images only, the way a scanner makes them: grey, a little
    skewed and soft."""
    import pypdfium2
    from fpdf import FPDF
    from PIL import ImageFilter

    source = pypdfium2.PdfDocument(text_pdf_path)
    pdf = FPDF(format="A4")
    for index in range(len(source) if pages is None else pages):
        image = source[index].render(scale=scale).to_pil().convert("L")
        image = image.rotate(0.4, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf.add_page()
        pdf.image(buffer, x=0, y=0, w=210, h=297)
    source.close()
    pdf.output(str(path))
    return path


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NUMBERING = {"article": ("chineseCounting", "第%1条"), "item1": ("chineseCounting", "%1、"),
              "item2": ("chineseCounting", "（%1）")}


def docx_file(document: Document, path: Path) -> Path:
    """A Word file whose 第X条, X、 and （X） are automatic numbers, not typed text."""
    import docx
    from docx.oxml import parse_xml

    word = docx.Document()
    numbering = word.part.numbering_part.element
    for index, (fmt, text) in enumerate(_NUMBERING.values(), 90):
        numbering.insert(0, parse_xml(
            f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{index}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:suff w:val="space"/></w:lvl></w:abstractNum>'))
    lists: dict[str, int] = {}
    next_id = 900
    word.add_paragraph(document.doc_number or "")
    word.add_paragraph(document.title)
    for block in blocks(document):
        if isinstance(block, Table):
            table = word.add_table(rows=0, cols=len(block.columns))
            for row in [block.columns, *block.rows]:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=False):
                    cell.text = value
            continue
        found = match_marker(block.text)
        kind = found[0].kind if found else None
        if kind not in _NUMBERING:
            word.add_paragraph(block.text)
            continue
        marker = found[0].pattern.match(block.text)
        if found[1] in ("一", "1") or kind not in lists:
            next_id += 1
            abstract = 90 + list(_NUMBERING).index(kind)
            numbering.append(parse_xml(
                f'<w:num xmlns:w="{_W}" w:numId="{next_id}"><w:abstractNumId w:val="{abstract}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
            lists[kind] = next_id
        paragraph = word.add_paragraph(block.text[marker.end():].lstrip())
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="0"/><w:numId w:val="{lists[kind]}"/></w:numPr>'))
    word.save(str(path))
    return path


def gov_html(document: Document, path: Path, date_text: str) -> Path:
    """A page as government sites print a notice: navigation, breadcrumb, an information
    box with 发文字号 and 成文日期, the article, share buttons and a footer."""
    esc = html.escape
    parts = []
    for block in blocks(document):
        if isinstance(block, Table):
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                           for row in [block.columns, *block.rows])
            parts.append(f"<table border='1'>{rows}</table>")
        else:
            parts.append(f"<p style='text-indent:2em'>{esc(block.text)}</p>")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="{esc(document.title)}"><title>{esc(document.title)}_政府信息公开</title></head>
<body><div class="header"><ul class="nav"><li>首页</li><li>政务公开</li><li>政策文件</li><li>办事服务</li></ul></div>
<div class="location">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<table class="xxgk"><tr><td>索引号：000014349/2020-00012</td><td>主题分类：劳动、人事、监察</td></tr>
<tr><td>发文字号：{esc(document.doc_number or "")}</td><td>成文日期：{date_text}</td></tr>
<tr><td colspan="2">标题：{esc(document.title)}</td></tr></table>
<div class="article"><h1>{esc(document.title)}</h1><div id="zoom" class="TRS_Editor">{"".join(parts)}</div>
<div class="bdshare">分享到：微信 微博 QQ空间</div><div class="print">【打印本页】【关闭窗口】</div></div>
<div class="footer"><p>主办单位：某某部 版权所有</p><p>网站标识码：bm00000001 京ICP备00000000号</p></div>
</body></html>"""
    path.write_text(page, encoding="utf-8")
    return path
