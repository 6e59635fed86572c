"""Facts of the curated glossary that a fact-check against the texts of their bases corrected.

Each test pins one correction, so that an edit of source_texts/glossary.yml cannot quietly
bring the error back: the sources are named in the test's docstring.
"""

from __future__ import annotations

from functools import cache

import pytest

from build_tools.glossary.load import Glossary, load_glossary
from build_tools.model import Confidence, Term
from tests.helpers import SOURCE_DIR

SAFETY_LAW = "《中华人民共和国安全生产法》（2021年修正）"


@cache
def glossary() -> Glossary:
    return load_glossary(SOURCE_DIR / "glossary.yml")


def term(ident: str) -> Term:
    return glossary().by_id[ident]


@pytest.mark.parametrize("ident", ["san-xiang-xing-dong", "san-fei"])
def test_the_three_campaigns_are_dated_2009(ident: str) -> None:
    """国办发〔2009〕32号 (2009-03-30) set out the 三项行动 for 2009; 2008 was the 隐患治理年."""
    explanation = term(ident).explanation
    assert "2008至2009" not in explanation
    assert "2008" not in explanation
    assert "2009年" in explanation


def test_the_2008_theme_stays_the_hidden_danger_year() -> None:
    assert term("yin-huan-zhi-li-nian").explanation.startswith("2008年")


def test_major_hazard_definition_cites_article_117_of_the_safety_law() -> None:
    """The definition of 重大危险源 is in 第一百一十七条 (用语含义); 第四十条 sets the duties."""
    basis = term("zhong-da-wei-xian-yuan").basis
    articles = [b.article or "" for b in basis if b.document == SAFETY_LAW]
    assert len(articles) == 1
    assert articles[0].startswith("第一百一十七条")
    assert articles[0].index("第一百一十七条") < articles[0].index("第四十条")


def test_five_in_place_follows_the_order_of_its_sources() -> None:
    """安监总办〔2015〕27号 and 国办发〔2015〕20号: 责任、投入、培训、管理、应急救援."""
    expected = ("安全责任到位", "安全投入到位", "安全培训到位", "安全管理到位", "应急救援到位")
    assert term("wu-dao-wei").components == expected
    assert term("wu-luo-shi-wu-dao-wei").components[5:] == expected
    order = ["安全责任", "安全投入", "安全培训", "安全管理", "应急救援"]
    positions = [term("wu-dao-wei").explanation.index(item) for item in order]
    assert positions == sorted(positions)


def test_five_levels_five_coverages_is_national_not_hebei() -> None:
    """原国家安全监管总局 pushed 三级五覆盖 and in 2015 extended it to 五级五覆盖."""
    entry = term("wu-ji-wu-fu-gai")
    assert "河北" not in entry.explanation
    assert "原国家安全监管总局" in entry.explanation
    assert "三级五覆盖" in entry.explanation and "2015年" in entry.explanation


def test_no_entry_tells_the_public_it_was_not_verified_this_time() -> None:
    assert [t.id for t in glossary().terms if "本次未能" in t.explanation] == []
    assert [t.id for t in glossary().terms if "未能核实" in t.explanation] == []


def test_pending_sources_are_named_only_on_unsure_entries() -> None:
    """An entry that tells readers a source is still to be found (出处待查) cannot be checked."""
    pending = [t for t in glossary().terms if "出处待查" in t.explanation]
    assert len(pending) >= 6
    assert [t.id for t in pending if t.basis_confidence is not Confidence.UNSURE] == []


def test_a_checked_entry_without_a_basis_is_not_called_unverified() -> None:
    from build_tools.render.glossary import _basis_lines

    glossary = load_glossary(SOURCE_DIR / "glossary.yml")
    checked = [
        t for t in glossary.terms if not t.basis and t.basis_confidence is Confidence.CHECKED
    ]
    unsure = [t for t in glossary.terms if not t.basis and t.basis_confidence is Confidence.UNSURE]
    assert checked and unsure
    assert all("尚未核实" not in "".join(_basis_lines(t)) for t in checked)
    assert all("尚未核实" in "".join(_basis_lines(t)) for t in unsure)
