"""The addresses notices have been published at (tests/urls.txt), and the command that adds
the current ones. An address, once listed, stays listed: tests/test_urls.py fails when a
build no longer has it.

    .venv/bin/python -m tests.published_urls    # add the addresses of source_texts/ notices
"""

from __future__ import annotations

from build_tools.archive import Archive
from build_tools.permalinks import former_url, notice_url
from tests.helpers import ROOT, seed_archive

URLS_FILE = ROOT / "tests" / "urls.txt"
HEADER = """\
# Every notice address the archive has published, relative to the site root: each notice's
# page (notices/<year>/<slug>/) and its earlier address (notices/<file stem>/, a redirect).
# A published address never changes: tests/test_urls.py fails when a build lacks one.
# Add new ones with: .venv/bin/python -m tests.published_urls  (never remove a line)
"""


def published() -> list[str]:
    """The listed addresses, in file order."""
    lines = URLS_FILE.read_text(encoding="utf-8").splitlines() if URLS_FILE.is_file() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def current(archive: Archive) -> list[str]:
    """Every address of the archive's notices: each page, then each earlier address."""
    pages = [notice_url(notice) for notice in archive.notices]
    return sorted(pages) + sorted(former_url(notice) for notice in archive.notices)


def main() -> None:
    """Append the current addresses that are not listed yet; keep every listed one."""
    listed = published()
    new = [url for url in current(seed_archive()) if url not in set(listed)]
    URLS_FILE.write_text(HEADER + "".join(f"{url}\n" for url in [*listed, *new]), "utf-8")
    print(f"{len(new)} address(es) added to {URLS_FILE.relative_to(ROOT)}")
    for url in new:
        print(f"  {url}")


if __name__ == "__main__":
    main()
