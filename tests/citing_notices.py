"""Made-up notices that cite each other (national → provincial 转发 → prefectural →
county), for the citation tests: by number, by title with nested 〈〉, by title without the
issuer, a number alone; a drafted guide, attached plans and hostile titles."""

from __future__ import annotations

from pathlib import Path

from build_tools.archive import Archive
from build_tools.convert import load_archive

NATIONAL = """\
国务院安全生产委员会文件

安委〔2021〕3号

国务院安全生产委员会关于加强危险化学品安全生产工作的通知

各省、自治区、直辖市人民政府，国务院有关部门：

为有效防范化解危险化学品安全风险，经国务院同意，现就有关事项通知如下：

一、压实安全生产责任
（一）落实企业主体责任。危险化学品企业要全面落实全员安全生产责任制。

国务院安全生产委员会
2021年3月1日
"""
PROVINCIAL = """\
山东省人民政府办公厅文件

鲁政办字〔2021〕20号

山东省人民政府办公厅关于转发《国务院安全生产委员会关于加强危险化学品安全生产工作的通知》的通知

各市人民政府，省政府各部门：

现将《国务院安全生产委员会关于加强危险化学品安全生产工作的通知》（安委〔2021〕3号）转发给你们，请结合实际认真贯彻落实。

一、提高思想认识
（一）各市要把危险化学品安全摆在突出位置。

山东省人民政府办公厅
2021年3月20日
"""
PREFECTURAL = """\
济南市安全生产委员会

济安发〔2021〕5号

济南市安全生产委员会关于印发《2021年全市安全生产工作要点》的通知

各区县人民政府，市安委会各成员单位：

根据《山东省人民政府办公厅关于转发〈国务院安全生产委员会关于加强危险化学品安全生产工作的通知〉的通知》要求，现将《2021年全市安全生产工作要点》印发给你们，请认真贯彻落实。

济南市安全生产委员会
2021年4月2日

2021年全市安全生产工作要点

一、总体要求
深入贯彻落实国务院安委会《关于加强危险化学品安全生产工作的通知》，全面加强危险化学品安全监管。
二、重点工作
（一）编制《危险化学品企业安全检查指南》，组织开展专项检查。
"""
COUNTY = """\
济南市历城区人民政府办公室

历政办发〔2021〕9号

关于印发2021年全区安全生产工作要点的通知

各街道办事处，区政府各部门：

现将《2021年全区安全生产工作要点》印发给你们，请认真贯彻执行。

济南市历城区人民政府办公室
2021年5月6日

2021年全区安全生产工作要点

一、总体要求
认真贯彻落实安委〔2021〕3号文件精神，按照《济南市安全生产委员会关于印发〈2021年全市安全生产工作要点〉的通知》（济安发〔2021〕5号）部署，扎实做好全区安全生产工作。
二、重点工作
（一）依据《中华人民共和国安全生产法》开展执法检查。
（二）学习《<script>alert(1)</script>关于"危化"的通知》和《=HYPERLINK("http://x","点击")》。
"""
MADE_UP = {
    "a_national.txt": NATIONAL,
    "b_provincial.txt": PROVINCIAL,
    "c_prefectural.txt": PREFECTURAL,
    "d_county.txt": COUNTY,
}


def write_archive(folder: Path, files: dict[str, str]) -> Archive:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = load_archive(folder)
    assert report.failures == [] and report.archive is not None
    return report.archive
