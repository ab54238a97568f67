""""You said, we did" on paper and in CSV (issue #14 point 2): one A4 page with a bar chart, fit to publish —
no tenant's, operative's or officer's personal data in the PDF's text or the CSV, whatever the tenant typed."""
from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from liaison_app.domain import Tenant
from liaison_app.printing.you_said import write_report_pdf
from liaison_app.services import conduct, records, reports, signoff, works
from liaison_app.services.tenants import create_tenant

DAY = date.today() - timedelta(days=2)
MARKERS = ("Wilhelmina", "Quarrington", "Minnie", "Larkspur", "Westbury", "BA13 3AB", "07700 900777", "07700900777",
           "minnie@example.com", "TEN-55501", "JOB-88802", "Ottoline", "Fairweather", "PRIVATE-NOTE")


@pytest.fixture
def published(store, tmp_path):
    """A tenant who typed every kind of personal data into a comment, and an officer who named the operative."""
    t = create_tenant(store, tenancy_ref="TEN-55501", first_name="Wilhelmina", last_name="Quarrington",
                      preferred_name="Minnie", address_line1="14 Larkspur Road", town="Westbury", postcode="BA13 3AB",
                      phone="07700 900777")
    records.change(store, Tenant, t.id, {"private_notes": "PRIVATE-NOTE"})
    acme = works.create_contractor(store, "Acme Gas")
    op = works.add_operative(store, acme.id, "Ottoline Fairweather", "AG-7")
    j = works.create_job(store, job_ref="JOB-88802", contractor_id=acme.id, job_type="gas_safety",
                         description="Annual gas safety check", tenant_id=t.id, operative_id=op.id)
    conduct.record_feedback(
        store, contractor_id=acme.id, point="cleared_up", received_on=DAY, job_id=j.id,
        what_was_said="Minnie Quarrington here, 14 Larkspur Road Westbury BA13 3AB: Ottoline left <b>rubble</b> & "
                      "dust. Call 07700900777 or minnie@example.com, tenancy TEN-55501, job JOB-88802.",
        action_taken="Toolbox talk with Ottoline Fairweather about clearing up.")
    signoff.record_signoff(store, j.id, returned_on=DAY, id_shown=False, badge_matches=True, signed=True)
    return reports.you_said_report(store, DAY, DAY)


def test_the_pdf_is_one_a4_page_with_the_chart_and_no_personal_data(store, tmp_path, published):
    path = tmp_path / "you-said.pdf"
    write_report_pdf(path, reports.report_for_pdf(store, published, path))
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [595, 842]  # A4 portrait
    text = " ".join(reader.pages[0].extract_text().split())
    for words in ("You said, we did", "Points raised", "Respect for customs", "ID shown on 0 of 1 visit",
                  "left <b>rubble</b> & dust", "[phone]", "clearing up"):
        assert words in text  # the chart's labels (every point) and the escaped quote
    assert [m for m in MARKERS if m in text] == []


def test_the_csv_behind_it_has_no_personal_data(store, tmp_path, published):
    path = reports.export_report(store, published, tmp_path / "you-said.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert "All contractors,Cleared up,1,1," in text and "ID shown on 0 of 1 visit" in text
    assert [m for m in MARKERS if m in text] == []


def test_the_commands_import_survey_answers_and_write_the_summary(store, store_path, tmp_path, published):
    store.close()
    survey = tmp_path / "feedback.csv"
    survey.write_text(f"date,job_ref,score,comment,code_point\n{DAY},JOB-88802,1,Wilhelmina was ignored,id_shown\n",
                      encoding="utf-8")
    run = [sys.executable, "-m", "liaison_app", "--db", str(store_path)]
    done = subprocess.run(run + ["import", "feedback", str(survey)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "ys.csv"
    done = subprocess.run(run + ["report", "you-said-we-did", "--from", DAY.isoformat(), "--to", DAY.isoformat(),
                                 "--contractor", "Acme Gas", "-o", str(out)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert "Acme Gas,ID shown and worn,1,1,“[name] was ignored”" in text and "Wilhelmina" not in text


def test_a_busy_period_still_prints_on_one_page_and_says_the_csv_has_the_rest(tmp_path):
    from liaison_app.domain.you_said import PointSaid, ScopeSaid, YouSaidSummary
    from liaison_app.services.catalogues import conduct_points

    quote = "The operative left the kitchen in a terrible state and I spent the whole evening cleaning dust " * 2
    points = tuple(PointSaid(k.code, k.label, 9, 12, (quote[:159] + "…",) * 5, 7, (quote[:150],) * 5, 2)
                   for k in conduct_points().kinds)
    scopes = tuple(ScopeSaid(f"Contractor {i} Building Services Ltd", points, 40, 3.4, 30, 27) for i in range(15))
    summary = YouSaidSummary("Landlord", "1 Aug 2026 to 31 Oct 2026", "Produced 1 Nov 2026.",
                             ScopeSaid("All contractors", points, 600, 3.6, 450, 401), scopes)
    path = write_report_pdf(tmp_path / "busy.pdf", summary)
    pages = PdfReader(str(path)).pages
    text = " ".join(pages[0].extract_text().split())
    assert len(pages) == 1 and "see the CSV" in text and "ID shown on 401 of 450 visits" in text
