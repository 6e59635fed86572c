"""Word and PDF notices built the way government offices produce them, for the reader tests.

The Word files have a 发文机关标志, a red rule (a paragraph border or a line of ━), a
发文字号, title, 主送机关, automatic numbering (一、 （一） 1.), a table, signature, 成文日期,
版记 (抄送/印发) and a page-number footer. The PDFs use the CID font STSong-Light, which
every PDF reader knows, so no font file is needed; they have a running header and page
numbers (— 1 —), and one "scan" has only an image.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

# ilvl 0: 一、 ilvl 1: （一） ilvl 2: 1.
_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))


def _add_list(document: Any, abstract_id: int, num_id: int, restart: int | None = None) -> None:
    """A three-level list of official documents in numbering.xml, as Word writes it."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>'
        for ilvl, (fmt, text) in enumerate(_LEVELS)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'
    )
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
        if restart
        else ""
    )
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f"{override}</w:num>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)


def _numbered(document: Any, text: str, num_id: int, ilvl: int) -> None:
    paragraph = document.add_paragraph(text)
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _red(document: Any, text: str, size: int = 26) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = True
    run.font.color.rgb = RGBColor(0xFF, 0, 0)


def _border_rule(document: Any) -> None:
    """The red line under the 发文机关标志, drawn as a paragraph border (no text)."""
    paragraph = document.add_paragraph()
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="24" w:space="1" '
            'w:color="FF0000"/></w:pBdr>'
        )
    )


def _centered(document: Any, text: str) -> None:
    document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _right(document: Any, text: str) -> None:
    document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _page_footer(document: Any) -> None:
    """A footer with the page number as a PAGE field between dashes (— 1 —)."""
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">— </w:t></w:r>'))
    footer._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    footer._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> —</w:t></w:r>'))


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def county_notice_docx(doc_number: str = "松政办〔2023〕5号") -> bytes:
    """A county office's 红头文件: border rule, numbered body, a table, 版记, page footer."""
    document = Document()
    _add_list(document, 90, 90)
    _red(document, "松林县人民政府办公室文件")
    _centered(document, doc_number)
    _border_rule(document)
    _centered(document, "松林县人民政府办公室")
    _centered(document, "关于印发松林县2023年安全生产工作要点的通知")
    document.add_paragraph("各乡镇人民政府，县政府各部门：")
    document.add_paragraph(
        "　　《松林县2023年安全生产工作要点》已经县政府同意，现印发给你们，请认真贯彻落实。"
    )
    _right(document, "松林县人民政府办公室")
    _right(document, "2023年2月27日")
    document.add_paragraph("（此件公开发布）")
    _centered(document, "松林县2023年安全生产工作要点")
    _numbered(document, "压实安全生产责任", 90, 0)
    _numbered(
        document, "落实党政领导责任。（县安委会办公室牵头，县安委会各成员单位负责落实）", 90, 1
    )
    _numbered(document, "落实部门监管责任。", 90, 1)
    _numbered(document, "修订县安委会成员单位安全生产工作职责。", 90, 2)
    _numbered(document, "建立安全生产重点工作清单制度。", 90, 2)
    _numbered(document, "深化重点行业领域专项整治", 90, 0)
    _numbered(document, "危险化学品。开展危险化学品企业安全风险隐患排查治理。", 90, 1)
    document.add_paragraph("重点任务分工如下：")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        (
            ("序号", "工作任务", "牵头单位"),
            ("1", "城镇燃气安全专项整治", "县住建局"),
            ("2", "电动自行车安全隐患整治", "县消防救援大队"),
        ),
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    _border_rule(document)
    document.add_paragraph("抄送：县委办公室，县人大常委会办公室，县政协办公室。")
    document.add_paragraph("松林县人民政府办公室　　　　　　　2023年2月27日印发")
    _page_footer(document)
    return _save(document)


def joint_notice_docx() -> bytes:
    """Joint issuers in a layout table with a merged 文件 cell, a ━ rule, a title over two
    lines (a soft break), a text box, a list restarted at 三, hidden and deleted text."""
    document = Document()
    _add_list(document, 91, 91)
    _add_list(document, 92, 92, restart=3)
    logo = document.add_table(rows=2, cols=2)
    logo.cell(0, 0).text = "中共清水区委办公室"
    logo.cell(1, 0).text = "清水区人民政府办公室"
    merged = logo.cell(0, 1).merge(logo.cell(1, 1))
    merged.text = "文件"
    _centered(document, "清办发〔2024〕3号")
    document.add_paragraph("━━━━━━━━━━━━━━━━━━━━━━")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("中共清水区委办公室　清水区人民政府办公室")
    title.add_run().add_break()
    title.add_run("关于做好2024年安全生产工作的通知")
    hidden = title.add_run("（内部草稿，勿印）")
    hidden.font.hidden = True
    document.add_paragraph("各街道党工委、办事处，区直各单位：")
    body = document.add_paragraph("　　现就做好2024年安全生产工作通知如下。")
    body._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="审核人" w:date="2024-01-10T00:00:00Z">'
            "<w:r><w:delText>（删去的一句）</w:delText></w:r></w:del>"
        )
    )
    _numbered(document, "强化责任落实", 91, 0)
    _numbered(document, "严格落实“三个必须”。", 91, 1)
    _numbered(document, "健全责任清单。", 91, 1)
    _numbered(document, "防范重大风险", 92, 0)
    _numbered(document, "城镇燃气。", 92, 1)
    anchor = document.add_paragraph("附件：清水区2024年安全生产重点任务清单")
    anchor._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
            ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
            ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
            "<w:txbxContent><w:p><w:r><w:t>（此件公开发布）</w:t></w:r></w:p></w:txbxContent>"
            "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
            "<w:t>（此件公开发布）</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "中共清水区委办公室"
    signature.cell(0, 1).text = "清水区人民政府办公室"
    _right(document, "2024年1月12日")
    section = document.sections[0]
    section.header.paragraphs[0].text = "清水区党政机关公文"
    _page_footer(document)
    return _save(document)


def plan_docx() -> bytes:
    """A plan issued as an attachment: page header, a layout table whose cells hold
    several paragraphs, numbering continued across a table, decimal items."""
    document = Document()
    _add_list(document, 93, 93)
    document.add_paragraph("附件")
    _centered(document, "长河市2025年安全生产工作要点")
    _numbered(document, "总体要求", 93, 0)
    document.add_paragraph("坚持人民至上、生命至上。")
    layout = document.add_table(rows=1, cols=2)
    left = layout.cell(0, 0)
    left.text = "工作目标"
    left.add_paragraph("生产安全事故起数和死亡人数“双下降”。")
    layout.cell(0, 1).text = "（市应急管理局牵头）"
    _numbered(document, "重点任务", 93, 0)
    _numbered(document, "深化治本攻坚。", 93, 1)
    _numbered(document, "开展重大事故隐患排查整治。", 93, 2)
    _numbered(document, "推动安全生产标准化建设。", 93, 2)
    _numbered(document, "保障措施", 93, 0)
    document.sections[0].header.paragraphs[0].text = "长河市安全生产委员会文件"
    _page_footer(document)
    return _save(document)


def _pdf_canvas(out: io.BytesIO) -> Any:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(out, pagesize=A4)


def pdf_pages(
    pages: list[list[str]],
    header: str | None = None,
    number: str = "— {n} —",
    red_rule: bool = True,
) -> bytes:
    """A PDF with these lines on its pages, a running header, a page number at the foot and
    the red separator under the first page's 发文字号 drawn as a line (not text)."""
    out = io.BytesIO()
    pdf = _pdf_canvas(out)
    width, height = pdf._pagesize
    for n, lines in enumerate(pages, start=1):
        if header:
            pdf.setFont("STSong-Light", 9)
            pdf.drawCentredString(width / 2, height - 40, header)
        pdf.setFont("STSong-Light", 15)
        y = height - 90
        for line in lines:
            pdf.drawString(72, y, line)
            if red_rule and n == 1 and line.endswith("号") and "〔" in line:
                pdf.setStrokeColorRGB(1, 0, 0)
                pdf.setLineWidth(2)
                pdf.line(72, y - 10, width - 72, y - 10)
            y -= 26
        if number:
            pdf.setFont("STSong-Light", 12)
            pdf.drawCentredString(width / 2, 40, number.format(n=n))
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A "scan": one page holding only an image, no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    out = io.BytesIO()
    pdf = _pdf_canvas(out)
    picture = io.BytesIO()
    Image.new("L", (200, 280), color=235).save(picture, format="PNG")
    pdf.drawImage(ImageReader(picture), 72, 200, width=400, height=560)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` and return the path."""
    path.write_bytes(data)
    return path
