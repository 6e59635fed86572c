"""Citations between notices (issue 17, item 3): what each notice cites and which notice of
the archive that is, both ways (the pages and exports: test_citation_pages.py).

The seed lists were written by reading source_texts/ (the extractor was tuned on them); the
held-out sentences were written before the extractor was run on them (before tuning: 15 of
16 found, 1 of 16 wrong; the two misses, 《中国应急管理报》 and a number run into its
issuer's name, were then fixed).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_tools.archive import Archive
from build_tools.citations.find import (
    MAX_TITLE,
    Citation,
    find_citations,
    paragraph_citations,
    title_spans,
)
from build_tools.citations.resolve import (
    AMBIGUOUS,
    BY_ISSUER_AND_TITLE,
    BY_NUMBER,
    BY_TITLE,
    BY_TITLE_WITHOUT_ISSUER,
)
from tests.citing_notices import MADE_UP, write_archive
from tests.helpers import load_seed, seed_archive

Found = tuple[str | None, str | None, str | None]  # title, doc number, relation

# What each seed cites, by reading its text: (title, doc number, relation, attached).
SEED_CITATIONS: dict[str, list[tuple[str | None, str | None, str | None, bool]]] = {
    "000_05dea3f25d6546d2.txt": [
        ("2012年安全生产工作要点", None, "印发", True),
        ("关于坚持科学发展安全发展 促进安全生产形势持续稳定好转的意见", "国发〔2011〕40号",
         "贯彻落实", False),
        ("关于坚持科学发展安全发展 促进安全生产形势持续稳定好转的意见", None, None, False),
        ("条例", None, "按照", False),  # 新《条例》: named too briefly to be found
    ],
    "001_c701024b5ef4930f.txt": [
        ("2016年全市安全生产工作要点", None, "印发", True),
        ("全市重点行业企业职业病危害专项治理实施方案", None, "落实", False),
        ("中华人民共和国职业病防治法", None, None, False),
        ("纲要", None, None, False),
        # not: 编制《安全生产工作指南》 and 编写出版…《公民安全知识手册》 (to be written),
        # 《河北安全生产》杂志 twice (a magazine)
    ],
    "002_2d3bd3a670c033dc.txt": [
        ("国务院关于坚持科学发展安全发展促进安全生产形势持续稳定好转的意见",
         "国发〔2011〕40号", "贯彻落实", False),
        (None, "国发〔2011〕40号", "贯彻落实", False),
        ("中华人民共和国安全生产法", None, None, False),
        ("中华人民共和国职业病防治法", None, "贯彻落实", False),
        # not: its own title, printed in 《》
    ],
    "003_65114f20cbda8ae2.txt": [
        ("2022年全市安全生产工作要点", None, "印发", True),  # in its title
        ("2022年全市安全生产工作要点", None, "印发", True),  # 现将《…》印发给你们
        ("安全生产法", None, None, False),
        ("山东省安全生产条例", None, None, False),
        ("山东省省级安全发展示范城市评价细则", None, "对标", False),
        ("山东省生产经营单位安全总监制度实施办法（试行）", None, "按照", False),
    ],
    "004_8c49eeea5b975a30.txt": [
        ("2018年全区安全生产工作要点", None, "印发", True),
        ("关于推进安全生产领域改革发展的实施意见", None, "贯彻", False),
        ("安全生产领域改革发展实施意见", None, None, False),
    ],
}  # fmt: skip

HELD_OUT: list[tuple[str, list[Found]]] = [
    ("根据《中华人民共和国安全生产法》和《生产安全事故应急条例》（国务院令第708号）等法律法规，制定本预案。",
     [("中华人民共和国安全生产法", None, "根据"), ("生产安全事故应急条例", None, "根据")]),
    ("现将《国务院安委会办公室关于进一步加强安全生产举报工作的通知》（安委办〔2018〕1号）转发给你们，请认真贯彻执行。",
     [("国务院安委会办公室关于进一步加强安全生产举报工作的通知", "安委办〔2018〕1号", "转发")]),
    ("按照省委办公厅、省政府办公厅印发的《关于全面加强危险化学品安全生产工作的实施意见》要求，开展专项整治。",
     [("关于全面加强危险化学品安全生产工作的实施意见", None, "按照")]),
    ("认真学习宣传《中华人民共和国安全生产法》，在《人民日报》《中国应急管理报》开设专栏。",
     [("中华人民共和国安全生产法", None, None)]),
    ("贯彻落实《中共中央 国务院关于推进安全生产领域改革发展的意见》（中发〔2016〕32号）和"
     "《国务院办公厅关于印发安全生产“十四五”规划的通知》（国办发〔2022〕2号）精神。",
     [("中共中央 国务院关于推进安全生产领域改革发展的意见", "中发〔2016〕32号", "贯彻落实"),
      ("国务院办公厅关于印发安全生产“十四五”规划的通知", "国办发〔2022〕2号", "贯彻落实")]),
    ("依据国办发〔2022〕2号文件要求，结合实际研究制定《本市安全生产十四五规划实施方案》。",
     [(None, "国办发〔2022〕2号", "依据")]),
    ("认真落实市政府印发的《关于进一步加强安全生产工作的意见》（济政发〔2020〕7号）。",
     [("关于进一步加强安全生产工作的意见", "济政发〔2020〕7号", "落实")]),
    ("对照《危险化学品企业安全风险隐患排查治理导则》开展排查。",
     [("危险化学品企业安全风险隐患排查治理导则", None, "对照")]),
    ("有限空间作业参照《工贸企业有限空间作业安全管理与监督暂行规定》执行。",
     [("工贸企业有限空间作业安全管理与监督暂行规定", None, "参照")]),
    ("组织观看《生命重于泰山》电视专题片。", []),
    ("根据省安委会《关于印发〈全省安全生产专项整治三年行动实施方案〉的通知》（鲁安发〔2020〕9号），制定本方案。",
     [("关于印发〈全省安全生产专项整治三年行动实施方案〉的通知", "鲁安发〔2020〕9号", "根据")]),
    ("落实《关于加强安全生产执法工作的意见》(国办发[2016]94号)。",
     [("关于加强安全生产执法工作的意见", "国办发〔2016〕94号", "落实")]),
    ("贯彻国务院安委会办公室安委办明电〔2021〕1号通知精神。",
     [(None, "安委办明电〔2021〕1号", "贯彻")]),
    ("2022年，全市以《安全生产法》实施为契机，推进依法治安。", [("安全生产法", None, None)]),
    ("严格执行《危险化学品安全管理条例》第十条规定。", [("危险化学品安全管理条例", None, "执行")]),
]  # fmt: skip


def _found(citations: tuple[Citation, ...] | list[Citation]) -> list[Found]:
    return [(c.title, c.doc_number, c.relation) for c in citations]


def _precision_recall(got: list[Found], expected: list[Found]) -> tuple[int, int, int]:
    """True positives, false positives, misses (as multisets)."""
    left = list(expected)
    hits = 0
    for item in got:
        if item in left:
            left.remove(item)
            hits += 1
    return hits, len(got) - hits, len(left)


# ---- what each notice cites ----


@pytest.mark.parametrize("seed", sorted(SEED_CITATIONS))
def test_each_seed_cites_what_its_text_cites(seed: str) -> None:
    found = find_citations(load_seed(seed))
    got = [(c.title, c.doc_number, c.relation, c.attached) for c in found]
    assert got == SEED_CITATIONS[seed]


def test_precision_and_recall_on_the_seeds_and_held_out_sentences() -> None:
    totals = [0, 0, 0]
    for seed, expected in SEED_CITATIONS.items():
        got = _found(find_citations(load_seed(seed)))
        counts = _precision_recall(got, [(t, n, r) for t, n, r, _ in expected])
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    assert totals == [21, 0, 0]  # 21 mentions (5 of them the notices' own plans), all right
    held = [0, 0, 0]
    for text, wanted in HELD_OUT:
        counts = _precision_recall(_found(list(paragraph_citations(text))), wanted)
        held = [a + b for a, b in zip(held, counts, strict=True)]
    assert held == [16, 0, 0]


def test_seed_000_cites_the_state_councils_opinion_by_number_and_implements_it() -> None:
    first = find_citations(load_seed("000_05dea3f25d6546d2.txt"))[1]
    assert first.issuer == "国务院"
    assert first.title == "关于坚持科学发展安全发展 促进安全生产形势持续稳定好转的意见"
    assert first.doc_number == "国发〔2011〕40号"
    assert (first.relation, first.mark, first.attached) == ("贯彻落实", "贯彻", False)


def test_a_notice_is_no_citation_of_itself() -> None:
    # 002 prints its own title in 《》 and its own number under it
    found = find_citations(load_seed("002_2d3bd3a670c033dc.txt"))
    assert all(c.doc_number != "国办发〔2012〕14号" for c in found)
    assert all("继续深入扎实开展" not in (c.title or "") for c in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number in parentheses right after a title is the title's
        ("按照《关于X的通知》（安委〔2021〕1号）", [("关于X的通知", "安委〔2021〕1号", "按照")]),
        # a nested title is one title
        ("根据《关于印发〈甲方案〉的通知》", [("关于印发〈甲方案〉的通知", None, "根据")]),
        ("根据《关于印发《甲方案》的通知》", [("关于印发《甲方案》的通知", None, "根据")]),
        # 印发的 / 转发的: who made it, not what this notice does
        ("落实省政府印发的《乙意见》", [("乙意见", None, "落实")]),
        ("省政府转发的《乙意见》", [("乙意见", None, None)]),
        # relation after: 现将《…》转发给你们
        ("现将《丙通知》转发给你们", [("丙通知", None, "转发")]),
        # a title's words are no relation of the next title
        ("加强《关于贯彻落实丁的意见》《戊条例》宣传", [("关于贯彻落实丁的意见", None, None),
                                                   ("戊条例", None, None)]),
        # drafted, published, unclosed: no citation
        ("研究制定《己办法》", []),
        ("办好《安全生产》杂志", []),
        ("《没有结尾的标题", []),
        ("《》", []),
        # several numbers, one of them in a title's parentheses
        ("贯彻国发〔2011〕40号和国办发〔2012〕14号文件",
         [(None, "国发〔2011〕40号", "贯彻"), (None, "国办发〔2012〕14号", "贯彻")]),
    ],
)  # fmt: skip
def test_inline_cases(text: str, expected: list[Found]) -> None:
    assert _found(list(paragraph_citations(text))) == expected


@given(st.text(alphabet="《》〈〉甲乙，（国发〔2011〕40号）", max_size=400))
def test_titles_open_with_a_title_mark_and_never_overlap(text: str) -> None:
    last = 0
    for start, end in title_spans(text):
        assert text[start] == "《" and text[end - 1] in "》〉"
        assert last <= start and 2 < end - start <= MAX_TITLE + 2
        last = end
    for citation in paragraph_citations(text):
        assert citation.title or citation.doc_number


@pytest.mark.parametrize(
    "unit",
    ["《", "《》", "根据《关于X的通知》（国发〔2011〕40号）要求，", "贯彻国发〔2011〕40号", "落实"],
)
def test_a_huge_paragraph_takes_linear_time(unit: str) -> None:
    started = time.perf_counter()
    text = unit * (1_000_000 // len(unit))
    found = sum(1 for _ in paragraph_citations(text))
    assert time.perf_counter() - started < 10  # about 1-3 s per MB here, not minutes
    assert found in (0, len(text) // len(unit))


# ---- made-up notices that cite each other ----


@pytest.fixture(scope="module")
def made_up(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return write_archive(tmp_path_factory.mktemp("citing"), MADE_UP)


def _cited(archive: Archive, slug: str) -> list[tuple[str | None, str | None, str | None]]:
    """(target, rule, marks) of each document a notice cites, its attachments aside."""
    return [
        (doc.target, doc.rule, "、".join(doc.marks) or None)
        for doc in archive.cited.cites[slug]
        if not doc.attached
    ]


def test_made_up_notices_resolve_by_number_and_by_title(made_up: Archive) -> None:
    assert _cited(made_up, "b_provincial") == [("a_national", BY_NUMBER, "转发")]
    assert _cited(made_up, "c_prefectural") == [
        ("b_provincial", BY_TITLE, None),  # nested 〈〉 against the printed 《》
        ("a_national", BY_TITLE_WITHOUT_ISSUER, "贯彻"),  # 国务院安委会《关于…》
    ]
    assert _cited(made_up, "d_county")[:3] == [
        ("a_national", BY_NUMBER, "贯彻"),  # 安委〔2021〕3号文件 alone
        ("c_prefectural", BY_NUMBER, None),
        (None, None, None),  # 安全生产法: not in the archive
    ]
    # every resolution is right: 5 of 5 on the made-up archive
    assert made_up.cited.resolved_count() == 5


def test_the_attachment_and_the_drafted_guide_cite_nothing(made_up: Archive) -> None:
    documents = made_up.cited.cites["c_prefectural"]
    attached = [doc for doc in documents if doc.attached]
    assert [(doc.title, doc.target) for doc in attached] == [("2021年全市安全生产工作要点", None)]
    assert all("检查指南" not in (doc.title or "") for doc in documents)


def test_cited_by_both_directions(made_up: Archive) -> None:
    citing = made_up.cited.cited_by
    assert [slug for slug, _ in citing["a_national"]] == [
        "b_provincial",
        "c_prefectural",
        "d_county",
    ]
    assert [slug for slug, _ in citing["b_provincial"]] == ["c_prefectural"]
    assert [slug for slug, _ in citing["c_prefectural"]] == ["d_county"]
    assert "d_county" not in citing


PLAN = (
    "关于印发2021年安全生产工作要点的通知\n\n{}\n2021年1月5日\n\n一、总体要求\n（一）抓好落实。\n"
)
CITING = "关于做好2021年安全生产工作的通知\n\n一、工作要求\n（一）{}。\n"


def test_an_ambiguous_title_stays_unresolved_unless_the_issuer_tells(tmp_path: Path) -> None:
    archive = write_archive(
        tmp_path / "src",
        {
            "p1.txt": PLAN.format("甲县人民政府"),
            "p2.txt": PLAN.format("乙县人民政府"),
            "q1.txt": CITING.format("认真落实《关于印发2021年安全生产工作要点的通知》"),
            "q2.txt": CITING.format("按照甲县人民政府《关于印发2021年安全生产工作要点的通知》"),
        },
    )
    cites = archive.cited.cites
    assert [(d.target, d.rule) for d in cites["q1"]] == [(None, AMBIGUOUS)]  # two have it
    assert [(d.target, d.rule) for d in cites["q2"]] == [("p1", BY_ISSUER_AND_TITLE)]


def test_the_seeds_cite_no_notice_of_the_archive() -> None:
    archive = seed_archive()
    assert archive.cited.resolved_count() == 0
    counts = {slug: len(docs) for slug, docs in archive.cited.cites.items()}
    assert sum(counts.values()) == 18  # documents, own plans included (21 mentions)


def test_a_title_naming_its_area_relatively_resolves_only_in_that_area(tmp_path: Path) -> None:
    citing = (
        "{issuer}\n\n关于做好2021年安全生产工作的通知\n\n各乡镇人民政府：\n\n"
        "按照《2021年全市安全生产工作要点》部署，做好全县安全生产工作。\n\n{issuer}\n2021年5月6日\n"
    )
    archive = write_archive(
        tmp_path / "src",
        {
            "c_prefectural.txt": MADE_UP["c_prefectural.txt"],  # 济南市's 全市 plan
            "here.txt": citing.format(issuer="济南市平阴县人民政府办公室"),
            "elsewhere.txt": citing.format(issuer="石家庄市正定县人民政府办公室"),
        },
    )
    regions = {n.slug: n.metadata.region for n in archive.notices}
    assert regions["here"] == "济南市平阴县" and regions["elsewhere"] == "石家庄市正定县"
    cites = archive.cited.cites
    assert [(d.target, d.rule) for d in cites["here"]] == [("c_prefectural", BY_TITLE)]
    assert [(d.target, d.rule) for d in cites["elsewhere"]] == [(None, None)]
