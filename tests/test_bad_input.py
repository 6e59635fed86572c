"""Bad input fails alone: a clear message naming the file (and key), never a crash.

Each case builds a source folder with one good notice (seed 003) and one bad input, then
runs the whole pipeline; source files must come out byte-for-byte unchanged.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools.convert import ConvertReport, Failure, convert, load_archive

SOURCE_DIR = Path(__file__).resolve().parent.parent / "source_texts"
GOOD = "003_65114f20cbda8ae2.txt"
GOOD_TEXT = (SOURCE_DIR / GOOD).read_bytes()
OTHER_TEXT = (SOURCE_DIR / "004_8c49eeea5b975a30.txt").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
# \xe9 followed by a space is no GB18030 pair, \xff is neither UTF-8 nor GB18030; every byte
# is printable in Latin-1 (no C1 controls), so a sidecar 'encoding: latin-1' fixes it.
UNDECODABLE = b"Notice\n\nA caf\xe9 \xff report about \xe9t\xe9 safety.\n"


@dataclass(frozen=True)
class Case:
    """A bad input: the files to add, what fails, and what its message must mention."""

    files: dict[str, bytes]
    failing: str
    mentions: tuple[str, ...] = ()
    line: int | None = None


def sidecar_case(yaml_text: str, *mentions: str, line: int | None = None) -> Case:
    """A good notice text with a bad sidecar ``bad.yml``."""
    files = {"bad.txt": OTHER_TEXT, "bad.yml": yaml_text.encode("utf-8")}
    return Case(files, "bad.txt", ("bad.yml", *mentions), line)


def random_binary() -> bytes:
    """Deterministic random bytes sprinkled with NULs."""
    data = bytearray(random.Random(20240101).randbytes(2048))
    data[::7] = bytes(len(data[::7]))
    return bytes(data)


CASES: dict[str, Case] = {
    "empty": Case({"bad.txt": b""}, "bad.txt", ("bad.txt", "empty")),
    "whitespace": Case({"bad.txt": b" \t\r\n\n  \n"}, "bad.txt", ("bad.txt", "empty")),
    "ideographic-space": Case(
        {"bad.txt": "\u3000\u3000\n\u3000\n".encode()}, "bad.txt", ("bad.txt", "empty")
    ),
    "random-binary": Case({"bad.txt": random_binary()}, "bad.txt", ("bad.txt",)),
    "png": Case({"bad.txt": PNG}, "bad.txt", ("bad.txt", "binary")),
    "garbage-after-utf16-bom": Case(
        {"bad.txt": b"\xff\xfe" + random.Random(7).randbytes(64)},
        "bad.txt",
        ("bad.txt", "encoding:"),
    ),
    "undecodable": Case({"bad.txt": UNDECODABLE}, "bad.txt", ("bad.txt", "encoding:")),
    "bad-yaml": sidecar_case(
        "notes: unclosed\nregion: [承德市, 滕州市\nlevel: county\n", "not valid YAML", line=3
    ),
    "unknown-key": sidecar_case("notes: x\ncolour: red\n", "key 'colour'", line=2),
    "year-text": sidecar_case('year: "abc"\n', "key 'year'", "abc", line=1),
    "recipients-number": sidecar_case("recipients: 3\n", "key 'recipients'", line=1),
    "impossible-date": sidecar_case("notes: x\ndate: 2022-02-30\n", "key 'date'", line=2),
    "level-enum": sidecar_case("level: city\n", "key 'level'", "city", line=1),
    "javascript-url": sidecar_case('url: "javascript:alert(1)"\n', "key 'url'", line=1),
    "unknown-encoding": sidecar_case("encoding: klingon-8\n", "key 'encoding'", line=1),
    "sidecar-not-mapping": sidecar_case("- a\n- b\n", "mapping", line=1),
    "sidecar-not-utf8": Case(
        {"bad.txt": OTHER_TEXT, "bad.yml": "notes: café\n".encode("latin-1")},
        "bad.txt",
        ("bad.yml", "UTF-8"),
    ),
    "slug-collision": Case(
        {"A b.txt": GOOD_TEXT, "a-b.txt": OTHER_TEXT}, "a-b.txt", ("a-b.txt", "A b.txt", "'a-b'")
    ),
}


def hashes(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder``."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def make_sources(folder: Path, files: dict[str, bytes]) -> Path:
    """A source folder with the good seed plus ``files``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / GOOD).write_bytes(GOOD_TEXT)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def failure_for(report: ConvertReport, name: str) -> Failure:
    """The one failure of file ``name``."""
    found = [failure for failure in report.failures if Path(failure.file).name == name]
    assert len(found) == 1, f"expected one failure for {name}, got {report.failures}"
    return found[0]


def converted(report: ConvertReport) -> set[str]:
    """Relative paths of the converted notices."""
    return {notice.source.file for notice in report.notices}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_fails_alone(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    source = make_sources(tmp_path / "src", case.files)
    before = hashes(source)
    report = load_archive(source)
    assert GOOD in converted(report), report.failures
    assert len(report.failures) == 1, report.failures
    message = failure_for(report, case.failing).message
    for mention in case.mentions:
        assert mention in message, f"{name}: {mention!r} not in {message!r}"
    if case.line is not None:
        assert re.search(rf"\.yml:{case.line}:", message), f"{name}: no line in {message!r}"
    written = convert(source, tmp_path / "out")
    assert [f.message for f in written.failures] == [f.message for f in report.failures]
    assert (tmp_path / "out" / "notices" / "index.md").is_file()
    assert hashes(source) == before, f"{name}: source files changed"


def test_slug_collision_keeps_the_first(tmp_path: Path) -> None:
    source = make_sources(tmp_path / "src", CASES["slug-collision"].files)
    report = load_archive(source)
    assert converted(report) == {GOOD, "A b.txt"}


def test_sidecar_encoding_fixes_undecodable_file(tmp_path: Path) -> None:
    files = {"fixed.txt": UNDECODABLE, "fixed.yml": b"encoding: latin-1\n"}
    source = make_sources(tmp_path / "src", files)
    before = hashes(source)
    report = convert(source, tmp_path / "out")
    assert report.failures == []
    assert converted(report) == {GOOD, "fixed.txt"}
    fixed = next(n for n in report.notices if n.source.file == "fixed.txt")
    assert fixed.source.encoding == "latin-1"
    assert "café" in " ".join(paragraph.text for paragraph in fixed.paragraphs)
    assert hashes(source) == before


@pytest.mark.parametrize("where", ["value", "key"])
def test_python_tags_are_rejected_and_never_run(where: str, tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    tag = f'!!python/object/apply:os.system ["touch {marker}"]'
    yaml_text = f"notes: {tag}\n" if where == "value" else f"{tag}: 1\n"
    files = {"evil.txt": OTHER_TEXT, "evil.yml": yaml_text.encode("utf-8")}
    source = make_sources(tmp_path / "src", files)
    report = convert(source, tmp_path / "out")
    message = failure_for(report, "evil.txt").message
    assert "evil.yml:1:" in message and "python/object/apply" in message, message
    assert GOOD in converted(report)
    assert not marker.exists(), "a YAML tag ran a shell command"
