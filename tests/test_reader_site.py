"""A source_texts/ with one notice of each format builds with ``mkdocs build --strict``: each
gets its page, and each page's download link serves the original bytes."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from build_tools.parse import slug_for
from tests import reader_samples as samples
from tests.conftest import build_project
from tests.helpers import ROOT, notice_urls

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SEED = "003_65114f20cbda8ae2.txt"
# Facts the sample notices leave to a sidecar, so that a strict build has nothing to warn of.
SIDECAR = """\
notes: test notice; facts as printed in it
region: null
level: county
issuer: 松林县人民政府办公室
date: 2023-02-27
year: 2023
"""


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(site, sources, build log) of a project whose notices are a .txt, .html, .docx, .pdf."""
    sources = tmp_path_factory.mktemp("sources")
    for name in ("glossary.yml", "sectors.yml", "departments.yml", SEED):
        shutil.copy(ROOT / "source_texts" / name, sources / name)
    shutil.copy(FIXTURES / "county_gb2312.html", sources / "县政府网页.html")
    samples.write(sources / "红头文件.docx", samples.county_notice_docx("松政办〔2023〕8号"))
    pages = [
        ["松林县人民政府办公室文件", "松政办〔2023〕6号", "关于开展安全生产大检查的通知",
         "各乡镇人民政府，县政府各部门：", "一、检查范围"],
        ["（一）危险化学品企业。", "松林县人民政府办公室", "2023年3月1日"],
    ]  # fmt: skip
    samples.write(sources / "扫描件转换.pdf", samples.pdf_pages(pages, header="松林县人民政府"))
    for stem in ("县政府网页", "红头文件", "扫描件转换"):
        (sources / f"{stem}.yml").write_text(SIDECAR, encoding="utf-8")
    project = tmp_path_factory.mktemp("project")
    result = build_project(project, sources)
    assert result.returncode == 0, result.stderr
    return project / "site", sources, result.stderr


@pytest.mark.parametrize(
    ("name", "label"),
    [
        (SEED, "下载原文（原始文件，未经改动）"),
        ("县政府网页.html", "下载原文（HTML，原始文件，未经改动）"),
        ("红头文件.docx", "下载原文（Word，原始文件，未经改动）"),
        ("扫描件转换.pdf", "下载原文（PDF，原始文件，未经改动）"),
    ],
)
def test_each_format_has_its_page_and_original_bytes(
    mixed_site: tuple[Path, Path, str], name: str, label: str
) -> None:
    site, sources, log = mixed_site
    assert "converted 4, warnings 0, failed 0" in log
    slug = slug_for(name)
    folder = site / notice_urls(site)[slug]
    page = (folder / "index.html").read_text(encoding="utf-8")
    link = re.search(
        r'<a class="md-button" href="([^"]+)" download(?:="([^"]*)")?>([^<]+)</a>', page
    )
    assert link is not None
    href, saved_as, text = link.groups()
    assert text == label
    served = (folder / html.unescape(href)).resolve()
    assert served.read_bytes() == (sources / name).read_bytes()
    suffix = Path(name).suffix
    if suffix == ".txt":
        assert served.name == f"{slug}.txt" and saved_as is None
    elif suffix == ".html":  # served as text: its scripts never run on the archive's address
        assert served.name == f"{slug}.html.txt" and saved_as == f"{slug}.html"
    else:
        assert served.name == f"{slug}{suffix}" and saved_as == f"{slug}{suffix}"


def test_notice_text_of_each_format_is_on_its_page(mixed_site: tuple[Path, Path, str]) -> None:
    site, _, _ = mixed_site
    for name, printed in (
        ("县政府网页.html", "落实党政领导责任"),
        ("红头文件.docx", "修订县安委会成员单位安全生产工作职责"),
        ("扫描件转换.pdf", "危险化学品企业"),
    ):
        folder = site / notice_urls(site)[slug_for(name)]
        page = (folder / "index.html").read_text(encoding="utf-8")
        assert printed in page
        assert "您的位置" not in page and "— 1 —" not in page
