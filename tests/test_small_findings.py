"""The smaller hostile-input findings of issue 14 (finding 9), one test each."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from build_tools.convert import ConvertReport, convert, load_archive
from build_tools.errors import CuratedDataError, SidecarError
from build_tools.glossary.load import load_glossary
from build_tools.metadata.sidecar import load_sidecar
from build_tools.permalinks import page_file
from build_tools.roles import role_id
from build_tools.sectors.load import load_taxonomy
from tests.helpers import ROOT, SOURCE_DIR

GOOD = "003_65114f20cbda8ae2.txt"
NUMBERED = "000_05dea3f25d6546d2.txt"  # 武政办发〔2012〕14号
OTHER = (SOURCE_DIR / "004_8c49eeea5b975a30.txt").read_bytes()
CURATED = ("glossary.yml", "sectors.yml", "departments.yml")


def sources(folder: Path, files: dict[str, bytes] | None = None) -> Path:
    """The good seed, the curated data and ``files``."""
    folder.mkdir(parents=True)
    for name in (GOOD, *CURATED):
        shutil.copy(SOURCE_DIR / name, folder)
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data)
    return folder


def test_the_keys_file_is_not_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "/docs/.keys.json" in ignored


SOUND_ALIKE = (
    "2031年安全生产工作要点\n\n一、重点工作\n"
    "（一）加强林区防火。（市林业局牵头，市水利局配合）\n"
    "（二）开展林地巡查。（市林叶局牵头）\n"
    "（三）整治河道。（区林业局牵头）\n"
)


def test_names_that_sound_alike_get_pages_of_their_own(tmp_path: Path) -> None:
    folder = sources(tmp_path / "src", {"alike.txt": SOUND_ALIKE.encode()})
    report = convert(folder, tmp_path / "out")
    assert report.failures == [] and report.archive is not None
    archive = report.archive
    roles = {archive.role_name(role): role for role in archive.role_assignments}
    assert {"林业局", "林叶局", "水利局"} <= set(roles)
    assert roles["林业局"] != roles["林叶局"]
    assert roles["水利局"] == role_id("水利局") == "shui-li-ju"  # no collision: URL kept
    assert len(archive.role_assignments[roles["林业局"]]) == 2  # 市 and 区 are one role
    assert len(archive.role_assignments[roles["林叶局"]]) == 1
    out = tmp_path / "out"
    (notice,) = [n for n in report.notices if n.source.file == "alike.txt"]
    page = (out / page_file(notice)).read_text(encoding="utf-8")
    for name in ("林业局", "林叶局", "水利局"):
        assert (out / "departments" / f"{roles[name]}.md").is_file()
        assert f"departments/{roles[name]}/" in page, name
    assert "departments/lin-ye-ju/" not in page


def test_a_department_cannot_take_a_curated_roles_page(tmp_path: Path) -> None:
    # 安委会办公室 is curated as an-wei-hui-ban-gong-shi; a bare name with that reading
    # which no curated pattern matches must not be listed on the curated role's page.
    text = "2031年安全生产工作要点\n\n一、重点工作\n（一）加强检查。（市安委会办工室牵头）\n"
    folder = sources(tmp_path / "src", {"near.txt": text.encode()})
    report = load_archive(folder)
    assert report.archive is not None
    curated = report.archive.role_assignments.get("an-wei-hui-ban-gong-shi", ())
    assert all(item.name != "市安委会办工室" for item in curated)


def test_a_huge_sidecar_title_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text(f"notes: x\ntitle: {'长' * 100_000}\n", encoding="utf-8")
    with pytest.raises(SidecarError, match=r"x\.yml:2: key 'title': .*200"):
        load_sidecar(path)
    path.write_text(f"title: {'长' * 200}\n", encoding="utf-8")
    assert load_sidecar(path).values["title"] == "长" * 200


def test_one_doc_number_with_different_texts_is_a_warning_naming_both(tmp_path: Path) -> None:
    text = (SOURCE_DIR / NUMBERED).read_bytes()
    files = {"a.txt": text, "a.yml": (SOURCE_DIR / NUMBERED).with_suffix(".yml").read_bytes()}
    files["b.txt"] = text.replace("。".encode(), "；".encode(), 1)
    report = load_archive(sources(tmp_path / "src", files))
    found = [(file, w) for file, w in report.warnings if "武政办发〔2012〕14号" in w]
    assert len(found) == 1, report.warnings
    file, warning = found[0]
    assert file == "b.txt" and "a.txt" in warning


def test_one_doc_number_with_the_same_bytes_warns_only_once(tmp_path: Path) -> None:
    text = (SOURCE_DIR / NUMBERED).read_bytes()
    report = load_archive(sources(tmp_path / "src", {"a.txt": text, "b.txt": text}))
    assert [w for _, w in report.warnings if "14号" in w] == []
    assert len([w for _, w in report.warnings if "same bytes" in w]) == 1


GLOSSARY_ENTRY = """\
- id: ce-shi
  term: {term}
  aliases: {aliases}
  explanation: 测试。
  basis_confidence: unsure
"""


@pytest.mark.parametrize(
    ("term", "aliases", "key"),
    [("安", "[]", "term"), ("安全", "[危]", "aliases"), ("安全", "['，，']", "aliases")],
)
def test_a_glossary_form_of_one_character_is_refused(
    term: str, aliases: str, key: str, tmp_path: Path
) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text(GLOSSARY_ENTRY.format(term=term, aliases=aliases), encoding="utf-8")
    with pytest.raises(CuratedDataError) as caught:
        load_glossary(path)
    message = str(caught.value)
    assert "glossary.yml:" in message and "entry 'ce-shi'" in message, message
    assert f"key '{key}'" in message, message


SECTOR_ENTRY = """\
- id: ce-shi
  name: 测试行业
  keywords: {keywords}
  aliases: {aliases}
"""


@pytest.mark.parametrize(
    ("keywords", "aliases", "key"),
    [("['，']", "[]", "keywords"), ("[矿]", "[]", "keywords"), ("[矿山]", "['、']", "aliases"),
     ("['——']", "[]", "keywords")],
)  # fmt: skip
def test_a_sector_word_of_one_character_or_punctuation_is_refused(
    keywords: str, aliases: str, key: str, tmp_path: Path
) -> None:
    path = tmp_path / "sectors.yml"
    path.write_text(SECTOR_ENTRY.format(keywords=keywords, aliases=aliases), encoding="utf-8")
    with pytest.raises(CuratedDataError) as caught:
        load_taxonomy(path)
    message = str(caught.value)
    assert "sectors.yml:" in message and "entry 'ce-shi'" in message, message
    assert f"key '{key}'" in message, message


def far_future() -> str:
    """A date a little more than a year from today."""
    return (dt.date.today() + dt.timedelta(days=400)).isoformat()


@pytest.mark.parametrize("date", ["9999-12-31", "1900-01-01", "1948-12-31", "far-future"])
def test_an_impossible_date_is_refused(date: str, tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text(f"date: {far_future() if date == 'far-future' else date}\n", encoding="utf-8")
    with pytest.raises(SidecarError, match=r"x\.yml:1: key 'date': .*1949"):
        load_sidecar(path)


@pytest.mark.parametrize("date", ["1949-10-01", "2026-01-01"])
def test_a_possible_date_is_kept(date: str, tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text(f"date: {date}\n", encoding="utf-8")
    assert load_sidecar(path).values["date"] == date


def test_two_sidecars_for_one_notice_are_an_error_naming_both(tmp_path: Path) -> None:
    files = {"x.txt": OTHER, "x.yml": b"region: a\n", "x.yaml": b"region: b\n"}
    report: ConvertReport = load_archive(sources(tmp_path / "src", files))
    assert [notice.source.file for notice in report.notices] == [GOOD]
    message = report.failures[0].message
    assert "x.yml" in message and "x.yaml" in message, message


@pytest.mark.parametrize(
    ("yaml_text", "shown"),
    [("yes", "got yes (a boolean)"), ("On", "got On (a boolean)"), ("3", "got 3 (a number)"),
     ("[a]", "got a list"), ("city", "got city (text)"), ("2022-01-01", "got 2022-01-01 (a date)")],
)  # fmt: skip
def test_a_wrong_level_is_reported_as_written(yaml_text: str, shown: str, tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text(f"level: {yaml_text}\n", encoding="utf-8")
    with pytest.raises(SidecarError) as caught:
        load_sidecar(path)
    message = str(caught.value)
    assert shown in message, message
    assert re.search(r"expected one of national.*county", message), message
    assert "True" not in message
