"""Formats governments publish that no reader here reads: what each is and how to convert it.

Each message is for the person who put the file in source_texts/: it names the format and
the command or program that turns it into one the archive reads. The original then stays
outside source_texts/, since two files with one name would share a sidecar and a page.
"""

from __future__ import annotations

from pathlib import Path

from build_tools.errors import SourceError

READ = ".txt, .html/.htm, .docx or .pdf (with a text layer)"
_SOFFICE = "soffice --headless --convert-to docx FILE (LibreOffice)"
_KEEP = "; keep the original outside source_texts/"

# suffix -> (what the format is, how to convert it)
_FORMATS: dict[str, tuple[str, str]] = {
    ".doc": ("a Word 97-2003 document", f"convert it to .docx with {_SOFFICE}"),
    ".wps": (
        "a WPS Office document",
        f"save it as .docx in WPS Office (文件 → 另存为), or convert it with {_SOFFICE}",
    ),
    ".wpt": ("a WPS Office template", f"save it as .docx in WPS Office, or with {_SOFFICE}"),
    ".dot": ("a Word template", f"convert it to .docx with {_SOFFICE}"),
    ".docm": ("a Word document with macros", f"convert it to .docx with {_SOFFICE}"),
    ".rtf": ("a Rich Text Format document", f"convert it to .docx with {_SOFFICE}"),
    ".odt": ("an OpenDocument text", f"convert it to .docx with {_SOFFICE}"),
    ".ofd": (
        "an OFD fixed-layout document (GB/T 33190)",
        "open it in an OFD reader (数科OFD阅读器, 福昕OFD版式办公套件) and print or export it "
        "to PDF, or copy its text into a .txt file",
    ),
    ".ceb": ("a CEB document (Apabi)", "export it to PDF with the Apabi Reader"),
    ".caj": ("a CAJ document (CNKI)", "export it to PDF with CAJViewer"),
    ".mht": ("a web archive (MHTML)", "open it in a browser and save it as HTML only (.html)"),
    ".mhtml": ("a web archive (MHTML)", "open it in a browser and save it as HTML only (.html)"),
    ".shtml": ("a web page", "rename it to .html"),
    ".xhtml": ("a web page", "rename it to .html"),
    ".xls": ("a spreadsheet", "copy the notice text into a .txt file"),
    ".xlsx": ("a spreadsheet", "copy the notice text into a .txt file"),
    ".et": ("a WPS spreadsheet", "copy the notice text into a .txt file"),
    ".zip": ("an archive", "unpack it (convmv -f gbk -t utf-8 fixes GBK file names)"),
    ".rar": ("an archive", "unpack it"),
    ".7z": ("an archive", "unpack it"),
}
_IMAGE = (
    "an image (a scan?)",
    "run OCR on it (e.g. ocrmypdf --language chi_sim on a PDF of it) and put the result, "
    "or the text as a .txt file, in its place",
)
for _suffix in (".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".bmp", ".webp"):
    _FORMATS[_suffix] = _IMAGE


def unsupported(path: Path | str) -> SourceError:
    """The error for a file under source_texts/ that is no notice the archive reads."""
    suffix = Path(path).suffix.lower()
    if not suffix:
        return SourceError(
            path,
            "has no file extension, so its format is unknown",
            hint=f"a notice is {READ}: rename it, or move it out of source_texts/",
        )
    what, how = _FORMATS.get(suffix, (f"a '{suffix}' file", ""))
    hint = f"{how}{_KEEP}" if how else f"a notice is {READ}: convert it, or move it out"
    return SourceError(path, f"is {what}, which the archive does not read", hint=hint)
