"""Every PDF the app makes, from plain data (liaison_app.domain.briefing), with ReportLab, in named steps:
fonts (the one registry, Arabic shaped), styles (the one style sheet), text (the one markup-escaping
helper), templates (page header/footer), story (the sections), render and tables (writing the file
through the one atomic writer, liaison_app.outputs). No Qt, no database, no services."""
from liaison_app.printing.render import render_briefing_pdf, render_pack_pdf
from liaison_app.printing.subject_access import write_subject_access_pdf
from liaison_app.printing.tables import write_document

__all__ = ["render_briefing_pdf", "render_pack_pdf", "write_document", "write_subject_access_pdf"]
