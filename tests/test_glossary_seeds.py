"""The real glossary on the seeds: coverage, usage index, links both ways, search dictionary."""

from __future__ import annotations

import csv
import re

import pytest

from build_tools.glossary.candidates import find_candidates
from build_tools.glossary.search_dict import user_dictionary
from build_tools.model import Confidence
from tests.helpers import ROOT, SOURCE_DIR, seed_archive

SHARED_TERMS = ROOT.parent / "shared" / "reference" / "terms.tsv"


def notices_using(form: str) -> list[str]:
    archive = seed_archive()
    term = archive.glossary.by_form[form]
    return sorted({use.slug[:3] for use in archive.term_uses.get(term.id, ())})


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("三同时", ["001", "004"]),
        ("两客一危", ["001", "004"]),
        ("一岗双责", ["000", "001", "002", "004"]),
        ("党政同责", ["001", "003", "004"]),
        ("一票否决", ["002", "003", "004"]),
        ("双重预防机制", ["001", "003", "004"]),  # 001: 双重预防性工作机制
        ("打非治违", ["000", "001", "003", "004"]),
        ("四不两直", ["003"]),
        ("双随机一公开", ["001", "003"]),  # 001: 双随机和重点检查
        ("两重点一重大", ["000", "001"]),
        ("五落实五到位", ["001"]),
        ("三合一场所", ["001", "004"]),
        ("四不放过", ["001", "004"]),
        ("安全生产年", ["002"]),  # 004's 安全生产年度 is an exclusion
    ],
)
def test_usage_lists_exactly_the_notices_that_use_a_term(form: str, expected: list[str]) -> None:
    assert notices_using(form) == expected


def test_every_use_in_the_text_is_counted() -> None:
    archive = seed_archive()
    for notice in archive.notices:
        text = "\n".join(p.text for p in notice.paragraphs)
        for term_id in archive.notice_terms[notice.slug]:
            uses = [u for u in archive.term_uses[term_id] if u.slug == notice.slug]
            term = archive.glossary.by_id[term_id]
            occurrences = sum(text.count(form) for form in term.forms)
            assert 0 < sum(use.count for use in uses) <= occurrences, (notice.slug, term.term)


@pytest.mark.skipif(
    not SHARED_TERMS.is_file(), reason=f"the team's reference list {SHARED_TERMS} is not here"
)
def test_the_glossary_covers_every_listed_term_found_in_a_notice() -> None:
    archive = seed_archive()
    forms = set(archive.glossary.by_form)
    text = "".join(p.text for n in archive.notices for p in n.paragraphs)
    with SHARED_TERMS.open(encoding="utf-8") as stream:
        listed = [row["term"] for row in csv.DictReader(stream, delimiter="\t")]
    found_in_text = [term for term in listed if term in text]
    assert found_in_text, "the reference list should share terms with the seeds"
    assert [term for term in found_in_text if term not in forms] == []


def test_entries_are_complete() -> None:
    glossary = seed_archive().glossary
    assert len(glossary.terms) >= 60
    for term in glossary.terms:
        assert term.explanation and term.explanation != term.term
        assert re.search("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", term.pinyin) or not term.pinyin
        if term.basis_confidence is Confidence.CHECKED:
            assert "凭记忆" not in str(term.basis) and "未核" not in str(term.basis)


def test_front_matter_lists_terms() -> None:
    archive = seed_archive()
    ids = archive.notice_terms["003_65114f20cbda8ae2"]
    assert archive.glossary.by_form["双随机一公开"].id in ids


def test_user_dictionary_has_every_term_and_alias() -> None:
    glossary = seed_archive().glossary
    words = set(user_dictionary(glossary).splitlines())
    assert words == {form for term in glossary.terms for form in term.forms}


def test_candidates_exclude_known_terms() -> None:
    archive = seed_archive()
    found = {c.expression for c in find_candidates(list(archive.notices), archive.glossary)}
    assert "一岗双责" not in found and "双随机一公开" not in found
    assert {"十三五", "三个代表"} <= found  # numerals, not in the glossary


def test_sources_folder_holds_the_glossary() -> None:
    assert (SOURCE_DIR / "glossary.yml").is_file()
