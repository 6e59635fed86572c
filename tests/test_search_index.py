"""The archive's own search index: tokens, postings, shards and stored documents."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_tools.convert import convert
from build_tools.search.documents import SearchDoc, Section, notice_doc, search_docs
from build_tools.search.index import index_files, postings, shard_count
from build_tools.search.tokens import key_text, normalise, run_tokens, runs, token_counts
from tests.helpers import SOURCE_DIR, seed_archive, seed_url

TWO_PLUS_ONE = "004_8c49eeea5b975a30"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("两客一危", ["两客", "客一", "一危", "危"]),
        ("煤", ["煤"]),
        ("国办发〔2012〕14号", ["国办", "办发", "发", "2012", "14", "号"]),
        ("ＧＢ／Ｔ 4754", ["gb", "t", "4754"]),  # full-width letters become ASCII
        ("危化品2016年", ["危化", "化品", "品", "2016", "年"]),
        ("<script>", ["script"]),
        ("𠀀", []),  # outside the BMP: a separator on both sides
    ],
)
def test_tokens(text: str, tokens: list[str]) -> None:
    assert [t for run in runs(normalise(text)) for t in run_tokens(run)] == tokens
    assert sorted(token_counts(text)) == sorted(set(tokens))


def test_key_text_ignores_punctuation_and_width() -> None:
    assert key_text("国办发〔2012〕14号") == key_text("国办发[2012] 14 号") == "国办发201214号"
    assert key_text("ＧＢ／Ｔ") == "gbt"


@given(st.text(alphabet=st.sampled_from("两客一危安全生产煤矿ab12 、，〔〕"), max_size=40))
def test_every_key_character_starts_a_token(text: str) -> None:
    """A one-character query can find any character: each one starts some token."""
    counts = token_counts(text)
    starts = {token[0] for token in counts}
    assert set(key_text(text)) - set("ab12") <= starts


def _doc(title: str, body: str) -> SearchDoc:
    return SearchDoc(f"{title}/", title, "", "notice", (Section("s1", "一、", body),))


def test_postings_carry_weights() -> None:
    often = "两客一危" * 4
    docs = [_doc("甲", often), _doc("两客一危", "无关"), _doc("乙", "两客")]
    found = postings(docs)
    assert [(p >> 2, p & 3) for p in found["一危"]] == [(0, 2), (1, 3)]
    assert [(p >> 2, p & 3) for p in found["两客"]] == [(0, 2), (1, 3), (2, 0)]


def test_shards_hold_each_token_once_by_its_first_character() -> None:
    files = dict(index_files(search_docs(seed_archive())))
    meta = json.loads(files["meta.json"])
    shards = [json.loads(files[f"s/{n}.json"]) for n in range(meta["shards"])]
    tokens = [token for shard in shards for token in shard]
    assert len(tokens) == len(set(tokens))
    for number, shard in enumerate(shards):
        assert all(ord(token[0]) % meta["shards"] == number for token in shard)
    assert meta["docs"] == sum(1 for name in files if name.startswith("d/"))


def _ids_with(files: dict[str, str], token: str) -> set[int]:
    meta = json.loads(files["meta.json"])
    shard = json.loads(files[f"s/{ord(token[0]) % meta['shards']}.json"])
    ids, current = set(), 0
    for packed in shard.get(token, []):
        current += packed >> 2
        ids.add(current)
    return ids


def test_seed_postings_find_the_notices_that_use_a_term() -> None:
    archive = seed_archive()
    docs = list(search_docs(archive))
    files = dict(index_files(docs))
    urls = {i: doc.url for i, doc in enumerate(docs)}
    both = _ids_with(files, "两客") & _ids_with(files, "客一") & _ids_with(files, "一危")
    found = {urls[i] for i in both}
    assert {seed_url(TWO_PLUS_ONE), seed_url("001_c701024b5ef4930f")} <= found
    assert "notices/2018/chong-qing-shi-liang-ping-qu-zheng-fu-gong-zuo-yao-dian/" in found
    assert seed_url("000_05dea3f25d6546d2") not in found


def test_stored_notice_keeps_every_item_with_its_anchor() -> None:
    archive = seed_archive()
    notice = archive.by_slug[TWO_PLUS_ONE]
    doc = notice_doc(notice)
    anchors = [s.anchor for s in doc.sections if s.anchor]
    assert anchors == [part.anchor for part in notice.parts()]
    texts = notice.part_texts()
    assert all(s.text == texts.get(s.anchor, "") for s in doc.sections if s.anchor)
    assert doc.meta.count(" · ") >= 1 and str(notice.metadata.issuer) in doc.meta


def test_shard_count_grows_with_the_index() -> None:
    assert shard_count(0) == 16
    assert shard_count(10_000_000) > shard_count(1_000_000) > shard_count(100_000)
    assert shard_count(10**12) == 4096


def test_postings_gathered_while_reading_match_a_fresh_index(tmp_path: Path) -> None:
    report = convert(SOURCE_DIR, tmp_path / "docs")
    assert report.archive is not None
    fresh = dict(index_files(search_docs(report.archive)))
    written = tmp_path / "docs" / "search-data"
    assert sorted(str(p.relative_to(written)) for p in written.rglob("*.json")) == sorted(fresh)
    for name, content in fresh.items():
        assert (written / name).read_text(encoding="utf-8") == content, name


@given(st.text(alphabet=st.sampled_from("两客一危安全生产ＡＢab12 〔〕、，①㈠𠀀\n"), max_size=60))
def test_fast_token_counts_follow_the_run_rules(text: str) -> None:
    """token_counts (regex, fast) counts exactly the tokens run_tokens defines."""
    expected = Counter(t for run in runs(normalise(text)) for t in run_tokens(run))
    assert token_counts(text) == expected


@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from("安全ＡＺａｚ０９（）：；\u3000\u0301\u0308ﬁ①㈠Å"),
            st.characters(codec="utf-8", exclude_categories=["Cs"]),
        ),
        max_size=40,
    )
)
def test_normalise_is_nfkc_and_lower_case(text: str) -> None:
    """The quick path for full-width characters gives exactly what NFKC gives."""
    assert normalise(text) == unicodedata.normalize("NFKC", text).lower()
