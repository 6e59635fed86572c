"""Find notices and their sidecars, read raw bytes and decode them.

Encoding detection is a strict decode cascade rather than a statistical detector: a BOM
decides first; then strict UTF-8, which almost never accepts GB18030 bytes of Chinese text by
accident; then strict GB18030, a superset of GBK and GB2312. Detectors guess on short Chinese
texts (Big5, Shift-JIS, cp1252 are common wrong answers), while the cascade is deterministic
and its one ambiguity is settled by the sidecar key ``encoding:``.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from build_tools.confine import Found, check_inside, check_name, walk
from build_tools.errors import SidecarError, SourceError
from build_tools.glossary.load import GLOSSARY_FILE
from build_tools.readers import NOTICE_SUFFIXES, unsupported
from build_tools.roles import DEPARTMENTS_FILE
from build_tools.sectors.load import SECTORS_FILE

SIDECAR_SUFFIXES = (".yml", ".yaml")
# Files an operating system or an editor leaves in any folder: never notices, never errors.
SYSTEM_FILES = frozenset(
    {".DS_Store", "Thumbs.db", "desktop.ini", ".gitignore", ".gitkeep", ".gitattributes"}
)
_SYSTEM_PREFIXES = ("~$", "._", ".~lock.")
# Curated data at the top of the source folder; never a notice's sidecar (glossary.txt).
CURATED_FILES = frozenset({GLOSSARY_FILE, SECTORS_FILE, DEPARTMENTS_FILE})
CASCADE = ("utf-8", "gb18030")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of characters that may be control characters before a file counts as binary.
_MAX_CONTROL_SHARE = 0.01
_ODD = frozenset(("Cc", "Cn", "Co", "Cs"))
# Characters a Chinese notice consists of; random bytes that decode give mostly others.
_USUAL = re.compile(
    "[\t\n\r\f\v !-~\u00a0-\u024f\u2000-\u27bf\u2e80-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+"
)
_MIN_USUAL_SHARE = 0.8


@dataclass(frozen=True)
class RawSource:
    """A notice file as collected: path, raw bytes and optional sidecar path."""

    path: Path
    relative: str
    data: bytes
    sidecar: Path | None

    @property
    def sha256(self) -> str:
        """Hash of the raw bytes, recorded in the front matter."""
        return hashlib.sha256(self.data).hexdigest()


def find_notices(source_dir: Path) -> Found:
    """Every notice file under ``source_dir`` in a stable order, and the files refused, each
    with its error: links that leave the folder, dangle or loop; names that are not UTF-8;
    files of a format no reader reads (.doc, .ofd …); two notices with one name (x.txt and
    x.html would share a sidecar and a page)."""
    # A hidden file is still a notice (.2019年要点.txt); hidden folders (.git) are not read.
    found = walk(source_dir, NOTICE_SUFFIXES, _not_a_notice)
    # Word's lock file of an open x.docx is ~$x.docx; macOS leaves ._x.pdf on other disks.
    found.notices = [path for path in found.notices if not path.name.startswith(_SYSTEM_PREFIXES)]
    by_stem: dict[Path, list[Path]] = {}
    for path in found.notices:
        by_stem.setdefault(path.with_suffix(""), []).append(path)
    for paths in by_stem.values():
        if len(paths) < 2:
            continue
        names = " and ".join(path.name for path in paths)
        for path in paths:
            found.notices.remove(path)
            found.refused.append(
                SourceError(
                    path,
                    f"has the same name as another notice ({names}): they would share one "
                    "sidecar and one page",
                    hint="keep the one file as collected and move the other out of "
                    "source_texts/, or rename one",
                )
            )
    return found


def _not_a_notice(path: Path) -> SourceError | None:
    """Why a file under the source folder that is not a notice is refused: a format no
    reader reads. Sidecars, curated data and files the system leaves are passed over."""
    name = path.name
    if path.suffix.lower() in SIDECAR_SUFFIXES or name in SYSTEM_FILES:
        return None
    if name.startswith(_SYSTEM_PREFIXES):
        return None
    return unsupported(path)


def sidecar_for(path: Path, source_dir: Path | None = None) -> Path | None:
    """The sidecar YAML beside a notice (same stem), if there is one.

    Curated data at the top of ``source_dir`` (glossary.yml …) is no notice's sidecar; two
    sidecars (x.yml and x.yaml) are an error, as is one that is a link leaving the folder.
    """
    source_dir = source_dir or path.parent
    found = [
        candidate
        for candidate in map(path.with_suffix, SIDECAR_SUFFIXES)
        if (candidate.is_file() or candidate.is_symlink()) and not _curated(candidate, source_dir)
    ]
    if len(found) > 1:
        raise SidecarError(
            found[1],
            f"two sidecars for one notice: {found[0].name} and {found[1].name}",
            hint="merge them into one and remove the other",
        )
    for candidate in found:
        check_inside(candidate, source_dir)
        return candidate
    return None


def _curated(path: Path, source_dir: Path) -> bool:
    """Whether ``path`` is curated data (glossary.yml …) rather than a sidecar."""
    return path.name in CURATED_FILES and path.parent == source_dir


def read_source(path: Path, source_dir: Path) -> RawSource:
    """Read a notice's raw bytes; the file itself is never modified. A notice that is a link
    leading out of ``source_dir`` is refused before it is read."""
    check_name(path, source_dir if path.is_relative_to(source_dir) else path.parent)
    check_inside(path, source_dir)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path, f"cannot be read: {exc.strerror}") from exc
    try:
        relative = path.relative_to(source_dir).as_posix()
    except ValueError:
        relative = path.name
    sidecar = sidecar_for(path, source_dir)
    return RawSource(path=path, relative=relative, data=data, sidecar=sidecar)


def decode(data: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Decode raw bytes to text and say which encoding was used.

    ``encoding`` comes from the sidecar and overrides detection.
    """
    if not data.strip():
        raise SourceError(path, "is empty", hint="add the notice text or remove the file")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError as exc:
            raise SourceError(
                path, f"'{encoding}' is no text encoding: {exc}", key="encoding"
            ) from exc
        except (UnicodeError, ValueError) as exc:
            # Not only UnicodeDecodeError: idna, punycode and 'undefined' raise UnicodeError.
            where = f"byte {exc.start}" if isinstance(exc, UnicodeDecodeError) else str(exc)
            raise SourceError(
                path,
                f"cannot be decoded as {encoding} ({where})",
                key="encoding",
                hint="correct the sidecar key 'encoding:'",
            ) from exc
        return _check_text(text, path), encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(name), path), name
            except UnicodeDecodeError:
                break
    for name in CASCADE:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        return _check_text(text, path), name
    raise SourceError(
        path,
        "cannot be decoded as UTF-8 or GB18030",
        hint="set 'encoding:' (e.g. encoding: big5) in a sidecar .yml file with the same stem",
    )


def _check_text(text: str, path: Path | str) -> str:
    """Reject decoded text that is really binary data."""
    if text.startswith("\ufeff"):
        text = text[1:]
    # Control, unassigned and private-use characters do not occur in real notices; many of
    # them mean binary data, or bytes that merely happened to decode (garbage after FF FE).
    # One regex pass removes the usual characters; only the rest is looked up one by one.
    rest = _USUAL.sub("", text)
    odd = sum(1 for ch in rest if unicodedata.category(ch) in _ODD)
    if "\x00" in text or odd > max(1, len(text) * _MAX_CONTROL_SHARE):
        raise SourceError(
            path,
            "looks like a binary file, not a text notice",
            hint="convert it to plain text, or set 'encoding:' in its sidecar if it is text",
        )
    if not text.strip():
        raise SourceError(path, "is empty", hint="add the notice text or remove the file")
    if len(text) - len(rest) < _MIN_USUAL_SHARE * len(text):
        raise SourceError(
            path,
            "decodes to mostly unusual characters, so the encoding guess is wrong",
            hint="set 'encoding:' in a sidecar .yml file with the same stem",
        )
    return text


def normalise_newlines(text: str) -> tuple[str, int]:
    """Turn CRLF and lone CR into LF; return the text and how many were changed."""
    changed = text.count("\r")
    return text.replace("\r\n", "\n").replace("\r", "\n"), changed
