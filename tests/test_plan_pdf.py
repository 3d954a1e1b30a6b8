"""The adopted plan as PDF: the HTML it is printed from escapes every data text and loads nothing from outside; the
server's Chromium prints it (skipped, with the reason, where Chromium is not installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from analytics import plan_frame, plan_pdf
from tests.conftest import TODAY
from tests.test_plan_word import HOSTILE, plan_document, small_plan


def test_the_html_escapes_data_text_and_has_no_scripts_or_outside_resources(trondheim, sources):
    page = plan_pdf.plan_html(plan_document(small_plan(), trondheim, sources))
    literal = HOSTILE.replace("\x07", "")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; **fet** [lenke](http://x)" in page
    assert page.count("=HYPERLINK(&quot;http://x&quot;;&quot;klikk&quot;)") == 3  # title, description, owner
    assert literal not in page
    assert "default-src 'none'" in page and "src=" not in page and "href=" not in page
    assert "<th>Målbart mål</th><td>elever: fra 40\u00a0elever (2019) til 120\u00a0elever (2026), økende</td>" in page
    assert "Bare et utkast" not in page  # a draft is not in the adopted plan
    assert "Laget 30.11.2026." in page and "Dataene per 01.11.2026." in page


def test_without_chromium_the_reader_gets_a_message_not_a_broken_file(tmp_path):
    with pytest.raises(plan_pdf.PdfError, match="krever Chromium på serveren"):
        plan_pdf.pdf_from_html("<p>x</p>", "nb", chromium=tmp_path / "chromium")


def test_a_chromium_that_fails_gives_a_message_without_paths(tmp_path):
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    with pytest.raises(plan_pdf.PdfError) as raised:
        plan_pdf.pdf_from_html("<p>x</p>", "en", chromium=broken)
    assert str(raised.value).startswith("The PDF was not made") and str(tmp_path) not in str(raised.value)


@pytest.mark.skipif(
    not plan_pdf.CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"
)
def test_chromium_prints_the_shipped_plan_with_every_title(trondheim, sources, tmp_path):
    plan = plan_frame.from_measures(trondheim.measures)
    data = plan_pdf.plan_pdf(plan_document(plan, trondheim, sources, made=TODAY))
    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed: the PDF's text is not read")
    path = Path(tmp_path / "plan.pdf")
    path.write_bytes(data)
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert all(" ".join(title.split()) in text for title in plan["title_nb"])
    assert "Laget 22.11.2026." in text and "Ansvarlig" in text
