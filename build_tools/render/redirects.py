"""Redirect pages: a notice's earlier address leads to its permanent one, item anchor kept.

Notices were once published at ``notices/<file stem>/``; each such address stays a small
static page that forwards to ``notices/<year>/<slug>/``. A meta refresh cannot carry the
item anchor (``#s2-4-1``) and the site's Content-Security-Policy forbids inline scripts, so
``javascripts/redirect.js`` forwards first, anchor included; the refresh (without script)
and a visible link are the fallbacks. A year folder (``notices/2012/``), which a reader may
well type, leads to that year on the list of notices.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from build_tools.model import Notice
from build_tools.permalinks import NOTICES, UNDATED, former_url, notice_url, relative_url
from build_tools.render.escape import escape_html

# The policy of overrides/main.html (tests/test_permalinks.py checks that they agree).
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
SCRIPT = "javascripts/redirect.js"


def redirect_html(here: str, target: str, title: str, text: str, label: str = "") -> str:
    """A page at ``here`` that forwards to ``target`` (both relative to the site root),
    titled ``title``, saying ``text`` before a link named ``label`` (else the target); all
    three are plain text."""
    href = escape_html(relative_url(target, here))
    script = escape_html(relative_url(SCRIPT, here))
    return (
        "<!doctype html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        f"<title>{escape_html(title)}</title>\n"
        f'<link rel="canonical" href="{href}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<script src="{script}"></script>\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>{escape_html(text)}<a href="{href}">{escape_html(label or target)}</a></p>\n'
        "</body>\n</html>\n"
    )


def redirect_page(notice: Notice) -> str:
    """The page left at the notice's earlier address."""
    return redirect_html(
        former_url(notice),
        notice_url(notice),
        f"{notice.metadata.title}（已迁至新地址）",
        "本通知的地址已改为",
    )


def year_page(folder: str) -> str:
    """The page of a year folder: that year on the list of notices (its heading's anchor
    as build_tools.render.browse.render_by_year sets it)."""
    anchor = "unknown" if folder == UNDATED else folder
    name = "年度不详" if folder == UNDATED else f"{folder}年"
    here, target = f"{NOTICES}/{folder}/", f"{NOTICES}/#y{anchor}"
    return redirect_html(here, target, f"{name}的通知", f"{name}的通知见", f"按年度 · {name}")


def redirect_pages(notices: Iterable[Notice]) -> Iterator[tuple[str, str]]:
    """(path under docs/, page) of every notice's earlier address and of every year folder
    (unless a notice's earlier address already took its name)."""
    notices = list(notices)
    for notice in notices:
        yield f"{former_url(notice)}index.html", redirect_page(notice)
    earlier = {notice.slug for notice in notices}
    for folder in sorted({notice.page.split("/")[0] for notice in notices} - earlier):
        yield f"{NOTICES}/{folder}/index.html", year_page(folder)
