"""Redirect pages: a notice's earlier address leads to its permanent one, item anchor kept.

Notices were once published at ``notices/<file stem>/``; each such address stays a small
static page that forwards to ``notices/<year>/<slug>/``. A meta refresh cannot carry the
item anchor (``#s2-4-1``) and the site's Content-Security-Policy forbids inline scripts, so
``javascripts/redirect.js`` forwards first, anchor included; the refresh (without script)
and a visible link are the fallbacks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from build_tools.model import Notice
from build_tools.permalinks import former_url, notice_url, relative_url
from build_tools.render.escape import escape_html

# The policy of overrides/main.html (tests/test_redirects.py checks that they agree).
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
SCRIPT = "javascripts/redirect.js"


def redirect_page(notice: Notice) -> str:
    """The page left at the notice's earlier address."""
    here = former_url(notice)
    target = escape_html(relative_url(notice_url(notice), here))
    script = escape_html(relative_url(SCRIPT, here))
    title = escape_html(notice.metadata.title)
    return (
        "<!doctype html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        f"<title>{title}（已迁至新地址）</title>\n"
        f'<link rel="canonical" href="{target}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<script src="{script}"></script>\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n<body>\n"
        f'<p>本通知的地址已改为 <a href="{target}">{escape_html(notice_url(notice))}</a>，'
        "正在转到新地址。</p>\n"
        "</body>\n</html>\n"
    )


def redirect_pages(notices: Iterable[Notice]) -> Iterator[tuple[str, str]]:
    """(path under docs/, page) of every notice's earlier address."""
    for notice in notices:
        yield f"{former_url(notice)}index.html", redirect_page(notice)
