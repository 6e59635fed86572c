"""One bad file fails alone, by name, with what to do: never a traceback, never the others.

Second round of hostile input (issue 14): names that are not UTF-8, lone surrogates, codecs
that raise UnicodeError, notices and departments named like generated pages, a notice named
like curated data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.convert import ConvertReport, convert, load_archive
from build_tools.permalinks import former_url, notice_url, page_file
from tests.helpers import ROOT, SOURCE_DIR

GOOD = "003_65114f20cbda8ae2.txt"
OTHER = (SOURCE_DIR / "004_8c49eeea5b975a30.txt").read_bytes()
CURATED = ("glossary.yml", "sectors.yml", "departments.yml")


def sources(folder: Path, files: dict[str, bytes] | None = None, curated: bool = False) -> Path:
    """The good seed, the curated data if asked, and ``files`` (names may be bytes)."""
    folder.mkdir(parents=True)
    shutil.copy(SOURCE_DIR / GOOD, folder)
    for name in CURATED if curated else ():
        shutil.copy(SOURCE_DIR / name, folder)
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data)
    return folder


def only_failure(report: ConvertReport) -> str:
    """The message of the one failure of a report whose good seed was converted."""
    assert GOOD in {notice.source.file for notice in report.notices}, report.failures
    assert len(report.failures) == 1, report.failures
    message = report.failures[0].message
    message.encode("utf-8")  # printable as it is: no surrogates
    return message


def test_a_name_that_is_not_utf8_fails_alone(tmp_path: Path) -> None:
    folder = sources(tmp_path / "src")
    with open(os.path.join(os.fsencode(folder), b"\xb0\xb2.txt"), "wb") as file:
        file.write(OTHER)
    report = convert(folder, tmp_path / "out")
    message = only_failure(report)
    assert "\\xb0\\xb2.txt" in message and "UTF-8" in message, message
    assert "安.txt" in message and "rename" in message, message
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "check", "--source", str(folder)],
        capture_output=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert b"\\xb0\\xb2.txt" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("value", ['"a\\ud800b"', '"\\udcb0"', '[ok, "\\ud800"]'])
def test_a_lone_surrogate_in_a_sidecar_fails_alone(value: str, tmp_path: Path) -> None:
    key = "recipients" if value.startswith("[") else "title"
    files = {"bad.txt": OTHER, "bad.yml": f"notes: x\n{key}: {value}\n".encode()}
    report = convert(sources(tmp_path / "src", files), tmp_path / "out")
    message = only_failure(report)
    assert f"bad.yml:2: key '{key}'" in message and "surrogate" in message, message


ASCII = b"xn--abc\n2031 hello world.\n"  # idna and punycode raise UnicodeError on it


@pytest.mark.parametrize(
    ("codec", "text"),
    [(codec, OTHER) for codec in ("idna", "punycode", "undefined", "utf-7", "rot13", "base64",
                                  "hex", "zlib")]
    + [(codec, ASCII) for codec in ("idna", "punycode", "undefined")],
)  # fmt: skip
def test_an_encoding_that_raises_fails_alone(codec: str, text: bytes, tmp_path: Path) -> None:
    files = {"bad.txt": text, "bad.yml": f"encoding: {codec}\n".encode()}
    report = convert(sources(tmp_path / "src", files), tmp_path / "out")
    message = only_failure(report)
    assert "bad" in message and "encoding" in message, message
    assert (tmp_path / "out" / "notices" / "index.md").is_file()


def test_a_notice_called_index_does_not_collide_with_the_list(tmp_path: Path) -> None:
    folder = sources(tmp_path / "src", {"index.txt": OTHER})
    report = convert(folder, tmp_path / "out")
    assert report.failures == []
    (notice,) = [n for n in report.notices if n.source.file == "index.txt"]
    assert notice.slug != "index" and not notice.page.endswith("/index")
    listing = (tmp_path / "out" / "notices" / "index.md").read_text(encoding="utf-8")
    assert f'href="{notice_url(notice).removeprefix("notices/")}"' in listing
    assert (tmp_path / "out" / page_file(notice)).is_file()
    assert (tmp_path / "out" / former_url(notice) / "index.html").is_file()


def test_a_department_called_index_does_not_collide_with_the_list(tmp_path: Path) -> None:
    text = (
        "2031年安全生产工作要点\n\n一、重点工作\n"
        "（一）加强检查。（Index牵头，市应急局配合）\n"
        "（二）开展培训。（INDEX牵头）\n"
    )
    folder = sources(tmp_path / "src", {"odd.txt": text.encode()}, curated=True)
    report = convert(folder, tmp_path / "out")
    assert report.failures == []
    assert report.archive is not None
    assert "index" not in report.archive.role_assignments
    roles = tmp_path / "out" / "departments"
    overview = (roles / "index.md").read_text(encoding="utf-8")
    index_roles = [name for name in report.archive.role_assignments if name.startswith("index")]
    assert index_roles, report.archive.role_assignments.keys()
    for role in index_roles:
        assert f"]({role}.md)" in overview
        assert (roles / f"{role}.md").is_file()


def test_a_notice_called_glossary_has_no_sidecar(tmp_path: Path) -> None:
    folder = sources(tmp_path / "src", {"glossary.txt": OTHER, "sectors.txt": OTHER}, curated=True)
    report = load_archive(folder)
    assert report.failures == []
    files = {notice.source.file for notice in report.notices}
    assert files == {GOOD, "glossary.txt", "sectors.txt"}
    assert report.archive is not None and len(report.archive.glossary.terms) > 50
    assert len(report.archive.taxonomy.sectors) > 20


def test_a_sidecar_of_a_notice_called_glossary_in_a_subfolder_is_its_sidecar(
    tmp_path: Path,
) -> None:
    folder = sources(tmp_path / "src", curated=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "glossary.txt").write_bytes(OTHER)
    (folder / "sub" / "glossary.yml").write_text("region: 滕州市\n", encoding="utf-8")
    report = load_archive(folder)
    assert report.failures == []
    notice = next(n for n in report.notices if n.source.file == "sub/glossary.txt")
    assert notice.metadata.region == "滕州市"


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        (
            "glossary.yml",
            "- id: index\n  term: 目录\n  explanation: 甲。\n  basis_confidence: unsure\n",
        ),
        ("sectors.yml", "- id: index\n  name: 目录\n"),
        ("departments.yml", "- id: index\n  name: 目录\n  patterns: [目录$]\n"),
    ],
)
def test_curated_data_cannot_take_the_name_of_a_list_page(
    name: str, entry: str, tmp_path: Path
) -> None:
    folder = sources(tmp_path / "src", curated=True)
    with (folder / name).open("a", encoding="utf-8") as file:
        file.write(entry)
    report = convert(folder, tmp_path / "out")
    message = only_failure(report)
    assert f"{name}:" in message and "entry 'index'" in message and "key 'id'" in message
    assert (tmp_path / "out" / name.removesuffix(".yml") / "index.md").is_file()
