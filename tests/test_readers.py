"""Readers per format: the lines a person sees, the page's evidence, what is dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.errors import SourceError
from build_tools.readers import NOTICE_SUFFIXES, ReadNotice, read_notice
from build_tools.sources import RawSource, decode, find_notices, normalise_newlines
from tests import reader_samples as samples
from tests.helpers import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def read(name: str, data: bytes | None = None, encoding: str | None = None) -> ReadNotice:
    path = FIXTURES / name
    raw = RawSource(path, name, path.read_bytes() if data is None else data, None)
    return read_notice(raw, encoding)


def lines(notice: ReadNotice) -> list[str]:
    assert notice.text.endswith("\n") and "\r" not in notice.text
    return notice.text.splitlines()


def dropped(notice: ReadNotice, kind: str) -> list[str]:
    return [step.before for step in notice.steps if step.kind == kind]


def in_order(found: list[str], expected: list[str]) -> None:
    """Each expected line is a line of its own, in this order."""
    at = 0
    for line in expected:
        assert line in found[at:], line
        at = found.index(line, at) + 1


def test_suffixes() -> None:
    assert NOTICE_SUFFIXES == (".txt", ".html", ".htm", ".docx", ".pdf")


@pytest.mark.parametrize("seed", sorted((ROOT / "source_texts").glob("*.txt")))
def test_txt_reads_as_before(seed: Path) -> None:
    data = seed.read_bytes()
    text, encoding = decode(data, seed)
    expected, _ = normalise_newlines(text)
    notice = read_notice(RawSource(seed, seed.name, data, None))
    assert (notice.text, notice.encoding, dict(notice.evidence)) == (expected, encoding, {})


def test_txt_reports_line_endings() -> None:
    notice = read("x.txt", "第一行\r\n第二行\r第三行".encode("gb18030"))
    assert notice.text == "第一行\n第二行\n第三行"
    assert notice.encoding == "gb18030"
    assert [(s.kind, s.before) for s in notice.steps] == [("line-endings", "2 × CR")]


# --- HTML ---------------------------------------------------------------------------------


def test_html_gb2312_county_page() -> None:
    notice = read("county_gb2312.html")
    found = lines(notice)
    assert notice.encoding == "html/gb18030"
    in_order(
        found,
        [
            "松林县人民政府办公室关于印发松林县2023年安全生产工作要点的通知",
            "发文字号： | 松政办〔2023〕5号 | 有效性： | 有效",
            "松政办〔2023〕5号",
            "各乡镇人民政府，县政府各部门，县直各单位：",
            "松林县人民政府办公室",
            "2023年2月27日",
            "一、压实安全生产责任",
            "（一）落实党政领导责任。严格执行党政领导干部安全生产责任制规定，县委常委会、"
            "县政府常务会每季度至少研究一次安全生产工作。（县安委会办公室牵头，县安委会各成员"
            "单位负责落实）",
            "1.修订县安委会成员单位安全生产工作职责。",
            "三、夯实安全生产基层基础",
        ],
    )
    assert dict(notice.evidence) == {
        "ArticleTitle": "松林县人民政府办公室关于印发松林县2023年安全生产工作要点的通知",
        "PubDate": "2023-03-02 10:15",
        "ContentSource": "县应急管理局",
        "SiteName": "松林县人民政府",
        "ColumnName": "通知公告",
        "Keywords": "安全生产 工作要点",
        "Description": "松林县人民政府办公室关于印发松林县2023年安全生产工作要点的通知",
        "title": "松林县人民政府办公室关于印发松林县2023年安全生产工作要点的通知_通知公告_"
        "松林县人民政府",
        "url": "http://www.songlin.gov.cn/zwgk/tzgg/202303/t20230302_4512.html",
        "h1": "松林县人民政府办公室关于印发松林县2023年安全生产工作要点的通知",
    }
    chrome = dropped(notice, "page-chrome")
    assert "您的位置：首页 > 政务公开 > 通知公告" in chrome
    assert "字号：大 中 小 打印本页 关闭窗口" in chrome
    assert "【打印本页】【关闭窗口】" in chrome
    assert not any("您的位置" in line or "ICP备" in line or "相关链接" in line for line in found)


def test_html_whole_notice_in_one_paragraph_with_br() -> None:
    notice = read("city_p_br.html")
    found = lines(notice)
    assert notice.encoding == "html/utf-8"
    assert notice.evidence["url"] == "http://www.changhe.gov.cn/art/2006/3/15/art_1234_5678.html"
    in_order(
        found,
        [
            "市政府办公室关于印发2006年全市安全生产工作要点的通知",
            "长政办发〔2006〕18号",
            "各县（市、区）人民政府，市政府各部门：",
            "长河市人民政府办公室",
            "二○○六年三月十日",
            "2006年全市安全生产工作要点",
            "一、指导思想",
            "（二）深化专项整治。",
            "1．煤矿：开展瓦斯治理和整顿关闭工作。",
            "（三）加强安全生产监管队伍建设。",
        ],
    )


def test_html_trs_editor_title_and_table_put_back() -> None:
    notice = read("district_trs_gbk.html")
    found = lines(notice)
    assert notice.encoding == "html/gb18030"
    title = "关于印发《清水区2024年安全生产工作要点》的通知"
    assert found[:5] == [
        "索引号 | 002483107/2024-12345 | 公开方式 | 主动公开",
        "发布机构 | 清水区安全生产委员会 | 成文日期 | 2024-01-12",
        "文号 | 清安委〔2024〕1号 | 有效性 | 有效",
        title,
        "清安委〔2024〕1号",
    ]
    kinds = [(step.kind, step.after) for step in notice.steps if step.kind.startswith("restored")]
    assert ("restored-title", title) in kinds
    assert sum(kind == "restored-metadata-table" for kind, _ in kinds) == 3
    in_order(
        found,
        [
            "各街道办事处，区政府各部门，各直属单位：",
            "清水区安全生产委员会",
            "2024年1月12日",
            "一、健全安全生产责任体系",
            "1. 严格执行“管行业必须管安全”。",
            "序号 | 工作任务 | 牵头单位 | 完成时限",
            "1 | 城镇燃气安全专项整治 | 区住建局 | 2024年6月底",
        ],
    )
    assert notice.evidence["url"].endswith("/t20240115_1190442.html")  # from <base href>
    assert notice.evidence["ContentSource"] == "区应急管理局"
    assert "h1" not in notice.evidence
    assert any("当前位置" in text for text in dropped(notice, "page-chrome"))
    assert not any("扫一扫" in line or "分享到" in line for line in found)


def test_html_real_gov_cn_page() -> None:
    notice = read("govcn_2018_43.html")
    found = lines(notice)
    assert (
        notice.evidence["url"] == "http://www.gov.cn/zhengce/content/2018-12/29/content_5353307.htm"
    )
    in_order(
        found,
        [
            "索 引 号： | 000014349/2018-00222 | 主题分类： | 卫生、体育\\医药管理",
            "发文字号： | 国发〔2018〕43号 | 发布日期： | 2018年12月29日",
            "国务院关于在海南博鳌乐城国际医疗旅游先行区",
            "暂时调整实施《中华人民共和国药品管理法",
            "实施条例》有关规定的决定",
            "国发〔2018〕43号",
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            "国务院",
            "2018年12月21日",
            "（此件公开发布）",
        ],
    )


def test_html_real_nea_page() -> None:
    notice = read("nea_2021_108.html")
    found = lines(notice)
    assert (
        found[0]
        == "国家能源局综合司关于做好今冬明春电力行业火灾防控工作的通知 国能综通安全〔2021〕108号"
    )
    assert found[-2:] == ["国家能源局综合司", "2021年12月6日"]
    in_order(found, ["一、工作目标", "二、重点任务", "（一）防范电力领域高风险和敏感场所火灾事故"])
    assert notice.evidence["h1"] == found[0]


def test_html_wrong_declared_charset_falls_back() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>关于做好安全生产工作的通知</p>'
    data = (page + "<p>各乡镇：</p><p>请加强值班值守。</p></body></html>").encode("gbk")
    notice = read("wrong.html", data)
    assert notice.encoding == "html/gb18030"
    assert lines(notice) == ["关于做好安全生产工作的通知", "各乡镇：", "请加强值班值守。"]
    assert [(s.kind, s.after) for s in notice.steps][:1] == [("charset", "read as gb18030")]


def test_html_xml_declaration_and_sidecar_encoding() -> None:
    page = '<?xml version="1.0" encoding="big5"?><html><body><p>安全生產通知</p></body></html>'
    assert lines(read("x.htm", page.encode("big5"))) == ["安全生產通知"]
    assert read("x.htm", page.encode("big5"), encoding="big5").encoding == "html/big5"


def test_html_without_text_is_an_error() -> None:
    with pytest.raises(SourceError, match="no main text"):
        read("empty.html", b"<html><head><title>x</title></head><body></body></html>")


# --- Word -----------------------------------------------------------------------------------


def test_docx_county_red_header_file() -> None:
    notice = read("county.docx", samples.county_notice_docx())
    found = lines(notice)
    assert notice.encoding == "docx"
    assert found[:4] == [
        "松林县人民政府办公室文件",
        "松政办〔2023〕5号",
        "松林县人民政府办公室",
        "关于印发松林县2023年安全生产工作要点的通知",
    ]
    in_order(
        found,
        [
            "各乡镇人民政府，县政府各部门：",
            "松林县人民政府办公室",
            "2023年2月27日",
            "一、压实安全生产责任",
            "（一）落实党政领导责任。（县安委会办公室牵头，县安委会各成员单位负责落实）",
            "（二）落实部门监管责任。",
            "1.修订县安委会成员单位安全生产工作职责。",
            "2.建立安全生产重点工作清单制度。",
            "二、深化重点行业领域专项整治",
            "（一）危险化学品。开展危险化学品企业安全风险隐患排查治理。",
            "序号 | 工作任务 | 牵头单位",
            "2 | 电动自行车安全隐患整治 | 县消防救援大队",
            "抄送：县委办公室，县人大常委会办公室，县政协办公室。",
        ],
    )
    assert found[-1] == "松林县人民政府办公室　　　　　　　2023年2月27日印发"
    assert dropped(notice, "page-footer") == ["— 1 —"]
    assert not any("— 1 —" in line for line in found)


def test_docx_joint_issuers_rule_text_box_and_revisions() -> None:
    notice = read("joint.docx", samples.joint_notice_docx())
    found = lines(notice)
    assert found[:5] == [
        "中共清水区委办公室 | 文件",
        "清水区人民政府办公室",
        "清办发〔2024〕3号",
        "中共清水区委办公室　清水区人民政府办公室",
        "关于做好2024年安全生产工作的通知",
    ]
    assert dropped(notice, "separator-line") == ["━━━━━━━━━━━━━━━━━━━━━━"]
    assert "三、防范重大风险" in found  # a list restarted at 三
    assert found.count("（此件公开发布）") == 1  # the text box, not its fallback copy too
    assert "内部草稿" not in notice.text and "删去的一句" not in notice.text
    assert found[-2:] == ["中共清水区委办公室 | 清水区人民政府办公室", "2024年1月12日"]
    assert dropped(notice, "page-header") == ["清水区党政机关公文"]


def test_docx_plan_with_layout_table() -> None:
    notice = read("plan.docx", samples.plan_docx())
    assert lines(notice) == [
        "附件",
        "长河市2025年安全生产工作要点",
        "一、总体要求",
        "坚持人民至上、生命至上。",
        "工作目标",
        "生产安全事故起数和死亡人数“双下降”。",
        "（市应急管理局牵头）",
        "二、重点任务",
        "（一）深化治本攻坚。",
        "1.开展重大事故隐患排查整治。",
        "2.推动安全生产标准化建设。",
        "三、保障措施",
    ]
    assert dropped(notice, "page-header") == ["长河市安全生产委员会文件"]


def test_docx_that_is_not_one() -> None:
    with pytest.raises(SourceError, match=r"cannot be read as a Word \.docx file.*soffice"):
        read("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an OLE .doc renamed")


# --- PDF ------------------------------------------------------------------------------------

FIRST = [
    "松林县人民政府办公室文件",
    "松政办〔2023〕5号",
    "━━━━━━━━━━━━━━━━━━━━",
    "松林县人民政府办公室",
    "关于印发松林县2023年安全生产工作要点的通知",
    "各乡镇人民政府，县政府各部门：",
    "一、压实安全生产责任",
]
SECOND = [
    "（一）落实党政领导责任。",
    "1.修订县安委会成员单位职责。",
    "松林县人民政府办公室",
    "2023年2月27日",
]
THIRD = ["抄送：县委办公室。", "松林县人民政府办公室 2023年2月27日印发"]


def test_pdf_running_header_page_numbers_and_rule() -> None:
    data = samples.pdf_pages([FIRST, SECOND, THIRD], header="松林县人民政府办公室")
    notice = read("notice.pdf", data)
    assert notice.encoding == "pdf"
    assert lines(notice) == [line for line in FIRST + SECOND + THIRD if not line.startswith("━")]
    assert dropped(notice, "page-number") == ["— 1 —", "— 2 —", "— 3 —"]
    assert dropped(notice, "running-header") == ["松林县人民政府办公室"] * 3
    assert dropped(notice, "separator-line") == ["━━━━━━━━━━━━━━━━━━━━"]


@pytest.mark.parametrize(
    "number", ["－{n}－", "- {n} -", "第{n}页", "第{n}页 共3页", "{n}", "{n}/3"]
)
def test_pdf_page_number_styles(number: str) -> None:
    notice = read("n.pdf", samples.pdf_pages([FIRST, SECOND, THIRD], number=number))
    assert lines(notice) == [line for line in FIRST + SECOND + THIRD if not line.startswith("━")]
    assert len(dropped(notice, "page-number")) == 3


def test_pdf_single_page_plan() -> None:
    notice = read("plan.pdf", samples.pdf_pages([SECOND], number="", red_rule=False))
    assert lines(notice) == SECOND
    assert notice.steps == ()


def test_pdf_scan_without_text_layer() -> None:
    with pytest.raises(
        SourceError, match=r"has no text layer \(a scan\).*ocrmypdf --language chi_sim"
    ):
        read("scan.pdf", samples.scanned_pdf())


def test_pdf_broken_file() -> None:
    with pytest.raises(SourceError, match="cannot be read as a PDF"):
        read("broken.pdf", b"%PDF-1.4\n not really")


# --- other formats --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("通知.doc", ["Word 97-2003", "soffice --headless --convert-to docx"]),
        ("通知.wps", ["WPS Office", "soffice --headless --convert-to docx"]),
        ("通知.ofd", ["OFD", "数科OFD阅读器", "PDF"]),
        ("通知.rtf", ["Rich Text", "soffice"]),
        ("通知.jpg", ["image", "OCR"]),
        ("通知", ["no file extension"]),
    ],
)
def test_unsupported_formats(name: str, words: list[str]) -> None:
    with pytest.raises(SourceError) as caught:
        read(name, b"\xd0\xcf\x11\xe0")
    message = str(caught.value)
    assert message.startswith(str(FIXTURES / name))
    for word in words:
        assert word in message


def test_find_notices_reports_what_it_cannot_read(tmp_path: Path) -> None:
    for name in ("a.txt", "b.HTML", "c.docx", "d.pdf", "d.yml", "e.doc", "f.ofd", ".DS_Store",
                 "~$c.docx", "glossary.yml", "g.txt", "g.html"):  # fmt: skip
        (tmp_path / name).write_bytes(b"x")
    found = find_notices(tmp_path)
    assert [path.name for path in found.notices] == ["a.txt", "b.HTML", "c.docx", "d.pdf"]
    refused = sorted(str(error) for error in found.refused)
    assert [Path(message.split(":")[0]).name for message in refused] == [
        "e.doc", "f.ofd", "g.html", "g.txt",
    ]  # fmt: skip
    assert "g.txt and g.html" in refused[2] or "g.html and g.txt" in refused[2]
    assert "share one sidecar and one page" in refused[3]
