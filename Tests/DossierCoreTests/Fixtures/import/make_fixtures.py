#!/usr/bin/env python3
"""Makes the .docx files the import tests read, from the seed documents in /work/shared/seeds
(001: quarterly report, 002: improvement plan, 003: committee report). Needs python-docx
(`python3 -m pip install python-docx`); notes.docx, with a footnote, struck-through text, a
tracked deletion and a link to a file share, is written by pandoc from Markdown, because
python-docx cannot write footnotes. Run it here; the files it writes are committed, so the
tests do not need Python. The core properties are fixed, so the files are the same every run
except for the zip's own timestamps."""
import datetime, os, struct, subprocess, tempfile, zlib
from docx import Document
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
from docx.shared import Inches


def png(width, height, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def properties(doc, title, author, created, subject, keywords):
    core = doc.core_properties
    core.title, core.author, core.subject, core.keywords = title, author, subject, keywords
    core.created = core.modified = datetime.datetime(*created)
    core.last_modified_by, core.revision, core.comments = author, 1, ""


def picture(doc, path, alt):
    doc.add_picture(path, width=Inches(2))
    doc_pr = doc.inline_shapes[-1]._inline.docPr
    doc_pr.set("descr", alt)


def merge_note(table):
    a = table.cell(len(table.rows) - 1, 1)
    b = table.cell(len(table.rows) - 1, 2)
    a.merge(b)


def quarterly():
    doc = Document()
    properties(doc, "Quarterly report: quarter 3, 2006/07", "Head of ICT Services", (2007, 1, 29, 9, 0),
               "ICT Services performance for October to December 2006", "performance; faults")
    doc.add_heading("Quarter 3: October to December 2006", 1)
    doc.add_heading("1. Introduction", 2)
    doc.add_paragraph("This report provides third quarter service highlights and performance for ICT Services.")
    doc.add_heading("2. Headlines", 2)
    for line in ["Operational performance improvements are being sustained (see section 3)",
                 "4125 ICT training delegate days delivered to date",
                 "Data centre completed and opened"]:
        doc.add_paragraph(line, style="List Bullet")
    p = doc.add_paragraph("Budget savings for 2007/8 are identified; see the ")
    run = p.add_run("corporate plan")
    run.italic = True
    p.add_run(".")
    doc.add_heading("3. Performance", 2)
    rows = [
        ("Customer satisfaction: ICT training", "90%", "93%", "Target exceeded"),
        ("Council wide fault", "90% of faults fixed within 4 hours", "100%\n(2 faults)", "Target hit exceeded"),
        ("Local fault", "85% of faults fixed within 8 hours", "90%\n(145 faults)", "Target exceeded"),
        ("Single item fault", "90% of faults fixed within 2 working days", "92%\n(1684 faults)", "Target exceeded"),
        ("Minor fault", "95% of faults fixed within 4 working days", "95%\n(10126 faults)", "Target hit"),
        ("Printer toner delivery", "95% within 2 days", "97%", "Target exceeded"),
        ("Help desk\n% Of calls answered immediately\n% Of all calls/faults fixed immediately", "75%\n60%",
         "87%\n(35993 calls)\n59%", "Target exceeded\nTarget just missed"),
    ]
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["Performance Indicator", "Service Standard (Target for 2006/7)",
                                                "Performance (Apr 06 – Dec 06)", "Comments"]):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    doc.add_paragraph("NOTE: Fault rectification performance has been substantially raised in 2006.")
    with open("/tmp/donut.png", "wb") as f:
        f.write(png(8, 8, (30, 77, 92)))
    picture(doc, "/tmp/donut.png", "Milestones: 73% completed, 27% outstanding")
    with open("/tmp/logo.png", "wb") as f:
        f.write(png(4, 4, (200, 30, 30)))
    picture(doc, "/tmp/logo.png", "")
    doc.add_heading("4. Overall position", 2)
    pos = doc.add_table(rows=0, cols=2)
    for label, value in [("Total milestones within the main actions", "298"), ("Total completed to date", "219"),
                         ("Total outstanding (to be completed by March 07)", "79"), ("Total main actions overdue", "5")]:
        cells = pos.add_row().cells
        cells[0].text, cells[1].text = label, value
    merged = pos.add_row().cells
    merged[0].text = "Milestones completed: 73%"
    pos.cell(4, 0).merge(pos.cell(4, 1))
    doc.add_heading("5. Accommodation moves", 2)
    moves = doc.add_table(rows=3, cols=2)
    for (r, c), text in {(0, 0): "Directorate", (0, 1): "Officers moved", (1, 0): "Customer and Support Services",
                         (1, 1): "640", (2, 1): "410"}.items():
        moves.cell(r, c).text = text
    moves.cell(1, 0).merge(moves.cell(2, 0))
    doc.save("quarterly-2006-07-q3.docx")


def plan():
    doc = Document()
    properties(doc, "ICT & E-Government – Improvement plan", "Service Director (ICT)", (2002, 11, 18, 9, 0),
               "", "improvement-plan, e-government")
    doc.add_paragraph("November 2002")
    doc.add_heading("Improvement Objective No. 1 Better alignment of ICT Strategy and investment decisions across the Council", 2)
    doc.add_paragraph("Outcomes: ‘Joined-up’ ICT investments. A 3-5 year council-wide ICT investment strategy.")
    doc.add_paragraph("1.1 To develop a fully costed and resourced ICT strategy, in consultation with key stakeholders, by July 2003.")
    doc.add_paragraph("To produce a report for SRG by mid-December 2002 referring to SOCITM’s review.", style="List Bullet")
    doc.add_paragraph("SRG to agree a programme by end December 2002 to develop and promote the strategy.", style="List Bullet")
    doc.add_paragraph("1.2 ICT issues to be incorporated in all 2003/4 business plans.")
    doc.add_paragraph("1.3 Develop an asset replacement strategy by July 2003.")
    doc.add_heading("Improvement Objective No. 2 Improve the management of ICT projects", 2)
    doc.add_paragraph("2.1 Adopt a corporate project management method for every ICT project over £50,000.")
    doc.add_paragraph("2.2 Train project managers in the method by March 2003.")
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["", "", ""]):
        cell.text = text
    for row in [("Measure", "Baseline", "Target"), ("ICT projects delivered within budget", "62%", "80%")]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    doc.save("plan-2002.docx")


def committee():
    doc = Document()
    properties(doc, "Best Value Review of ICT - Update", "Chief Officer ICT", (2012, 2, 6, 9, 0),
               "Best Value Review of ICT - Update", "scrutiny; best-value-review")
    doc.add_paragraph("Report of Chief Officer ICT")
    doc.add_paragraph("Report to Scrutiny Board (Resources and Council Services)")
    doc.add_paragraph("Date: 6th February 2012")
    doc.add_paragraph("Subject: Best Value Review of ICT - Update")
    table = doc.add_table(rows=0, cols=2)
    for question, answer in [("Are specific electoral Wards affected?", "No"),
                             ("Are there implications for equality and diversity and cohesion and integration?", "No"),
                             ("Is the decision eligible for Call-In?", "No"),
                             ("Does the report contain confidential or exempt information?", "No")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = question, answer
    doc.add_heading("Summary of main issues", 2)
    doc.add_paragraph("A report on the best value review of ICT was submitted to Scrutiny Board in September 2011.",
                      style="List Number")
    doc.add_heading("Recommendations", 2)
    doc.add_paragraph("Scrutiny Board (Resources and Council Services) are asked to note the contents of this report.",
                      style="List Number")
    doc.add_heading("2 Purpose of this report", 2)
    p = doc.add_paragraph("2.1 To inform the Scrutiny Board of developments since the report to the Board last September.")
    comment_target = p.add_run(" The consultant’s proposal is attached.")
    if hasattr(doc, "add_comment"):
        doc.add_comment(comment_target, text="Check the appendix number", author="Policy officer", initials="PO")
    inserted = doc.add_paragraph()
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "1"); ins.set(qn("w:author"), "Chief Officer ICT"); ins.set(qn("w:date"), "2012-02-01T10:00:00Z")
    run = OxmlElement("w:r"); text = OxmlElement("w:t"); text.text = "CLT agreed with these recommendations."
    run.append(text); ins.append(run); inserted._p.append(ins)
    doc.add_heading("8 Background documents", 2)
    doc.add_paragraph("Mouchel, Best Value Review of ICT, final report, September 2011")
    doc.save("committee-2012-02-06.docx")


NOTES = """---
title: Help desk note
---
# Help desk

The help desk answered 87% of calls at once.[^1] The old target was ~~70%~~ 75%.
See [the intranet](https://intranet.example.gov.uk/ict/) and [the old share](file:///S:/ICT/reports/q3.doc).

[Two analysts were on leave]{.deletion author="Help Desk Manager" date="2007-01-10T10:00:00Z"} in November.

[^1]: From the telephone system's own count, 35,993 calls.
"""


def notes():
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "notes.md")
        with open(source, "w") as f:
            f.write(NOTES)
        subprocess.run(["pandoc", source, "-o", "notes.docx"], check=True)


quarterly()
plan()
committee()
notes()
