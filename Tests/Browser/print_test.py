#!/usr/bin/env python3
"""Prints an HTML report to PDF with headless Chromium, as the forum's secretariat would print the
innstilling for a meeting, and checks the PDF: that it was made, that its pages are A4 (the page
template's `@page { size: A4 }`; Chromium's own default is US Letter) and that there are no more of
them than `--max-pages` (docs/printing.md records the counts it is set from).

    python3 Tests/Browser/print_test.py --html OUT/innstilling.html --pdf FILE.pdf --max-pages N

The pages are counted in the PDF itself (its `/Type /Page` objects, checked against the page
tree's `/Count`), so nothing beyond Python and Chromium is needed. Exits 1 with a message when a
check fails.
"""

import argparse
import pathlib
import re
import shutil
import subprocess
import sys

# A4 in PDF points (1/72 inch): 210 x 297 mm; Chromium writes 594.96 x 841.92.
A4 = (595.28, 841.89)


def fail(message: str) -> None:
    print(f"print test failed: {message}", file=sys.stderr)
    sys.exit(1)


def print_to_pdf(chromium: str, html: pathlib.Path, pdf: pathlib.Path) -> None:
    """Prints `html` to `pdf` the way docs/printing.md measures it."""
    pdf.unlink(missing_ok=True)
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}", html.resolve().as_uri(),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired:
        fail(f"chromium did not print {html} within 180 s")
    if not pdf.exists() or pdf.stat().st_size == 0:
        fail(f"chromium made no PDF of {html} (exit {result.returncode}): {result.stderr[-2000:]}")


def pages(data: bytes) -> tuple[int, list[tuple[float, float]]]:
    """The number of pages of a PDF Chromium wrote, and each media box's width and height."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        fail("the file is not a whole PDF")
    # Chromium (Skia) writes every object plainly, not in compressed object streams, so each page
    # is one `/Type /Page` dictionary in the file (`/Pages` is the page tree, not a page).
    if b"/ObjStm" in data:
        fail("the PDF keeps objects in object streams: count its pages with a PDF library instead")
    count = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
    # The root of the page tree counts every page; the largest /Count is the root's.
    totals = [int(total) for total in re.findall(rb"/Count\s+(\d+)", data)]
    if not totals or max(totals) != count:
        fail(f"{count} page objects, but the page tree counts {max(totals) if totals else 'none'}")
    boxes = [
        (float(right) - float(left), float(top) - float(bottom))
        for left, bottom, right, top in re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    ]
    return count, boxes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", required=True, type=pathlib.Path)
    parser.add_argument("--pdf", required=True, type=pathlib.Path)
    parser.add_argument("--max-pages", required=True, type=int)
    parser.add_argument("--min-pages", type=int, default=2, help="fewer means the page did not print (default 2)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    arguments = parser.parse_args()

    if not arguments.html.is_file():
        fail(f"{arguments.html} does not exist")
    print_to_pdf(arguments.chromium, arguments.html, arguments.pdf)
    count, boxes = pages(arguments.pdf.read_bytes())
    if not boxes:
        fail("the PDF has no media box")
    for width, height in boxes:
        if abs(width - A4[0]) > 2 or abs(height - A4[1]) > 2:
            fail(f"a page is {width:.1f} x {height:.1f} pt, not A4 portrait ({A4[0]} x {A4[1]} pt): is the @page rule gone?")
    if count < arguments.min_pages:
        fail(f"{arguments.html.name} printed on {count} page(s), fewer than {arguments.min_pages}")
    if count > arguments.max_pages:
        fail(
            f"{arguments.html.name} printed on {count} A4 pages, more than the {arguments.max_pages} allowed "
            "(docs/printing.md): the print stylesheet or the document grew"
        )
    print(f"{arguments.html.name} printed on {count} A4 pages (at most {arguments.max_pages}): {arguments.pdf}")


if __name__ == "__main__":
    main()
