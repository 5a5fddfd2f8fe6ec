"""Render the learner handout (Markdown) to a one-page A4 PDF with headless Chromium.

``make handout`` writes ``workshop/handout.pdf`` and ``workshop/fr/fiche-apprenant.pdf``
(git-ignored) from their Markdown twins, so the printed page and the text in the repository
never drift apart. The HTML in between (``build/handout/``) uses system fonts only: printing
works without a network. A handout that would spill onto a second page is an error, because
the point of a handout is one sheet per learner.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown

REPO = Path(__file__).resolve().parents[1]
HANDOUTS = {
    REPO / "workshop" / "handout.md": ("en", REPO / "workshop" / "handout.pdf"),
    REPO / "workshop" / "fr" / "fiche-apprenant.md": (
        "fr", REPO / "workshop" / "fr" / "fiche-apprenant.pdf"),
}
BUILD = REPO / "build" / "handout"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")

CSS = """
@page { size: A4; margin: 12mm 14mm; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 9.6pt;
       line-height: 1.32; color: #111; }
h1 { font-size: 16pt; margin: 0 0 2pt; }
h2 { font-size: 11.5pt; margin: 7pt 0 2pt; border-bottom: 1px solid #999; }
p, ul, ol { margin: 2pt 0; }
ul, ol { padding-left: 14pt; }
li { margin: 1pt 0; }
table { border-collapse: collapse; width: 100%; margin: 2pt 0; }
th, td { border-bottom: 1px solid #ccc; padding: 1.5pt 4pt; text-align: left;
         vertical-align: top; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8.8pt;
       background: #f2f2f2; padding: 0 2px; }
"""


class HandoutError(RuntimeError):
    """The handout could not be printed; the message says why and what to do."""


def find_chromium() -> str:
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    raise HandoutError("Chromium is needed to print the handout: apt-get install chromium")


def to_html(source: Path, lang: str) -> str:
    """The Markdown as a standalone page; Markdown escapes text, and we escape the title."""
    text = source.read_text(encoding="utf-8")
    body = markdown.markdown(text, extensions=["tables"], output_format="html")
    title = html.escape(text.splitlines()[0].lstrip("# ").strip())
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{CSS}</style></head><body>{body}</body></html>\n")


def pdf_pages(pdf: Path) -> int:
    """Page count of a PDF Chromium wrote (each page object is a /Type /Page)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def print_pdf(page: Path, pdf: Path, chromium: str) -> None:
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.unlink(missing_ok=True)
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120,
    )
    if not pdf.is_file():
        raise HandoutError(f"Chromium wrote no {pdf.name}")


def build(only_lang: str | None = None) -> list[Path]:
    chromium = find_chromium()
    BUILD.mkdir(parents=True, exist_ok=True)
    written = []
    for source, (lang, pdf) in HANDOUTS.items():
        if only_lang and lang != only_lang:
            continue
        page = BUILD / f"{source.stem}.html"
        page.write_text(to_html(source, lang), encoding="utf-8")
        print_pdf(page, pdf, chromium)
        pages = pdf_pages(pdf)
        if pages != 1:
            raise HandoutError(f"{pdf.relative_to(REPO)} has {pages} pages; shorten "
                               f"{source.relative_to(REPO)} to fit one")
        print(f"  {pdf.relative_to(REPO)} (1 page)")
        written.append(pdf)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["en", "fr"], help="one language only")
    args = parser.parse_args(argv)
    try:
        build(args.lang)
    except (HandoutError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"make handout: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
