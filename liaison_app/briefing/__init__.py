"""Turns a Briefing (plain data) into PDF with ReportLab, in named steps: fonts, styles,
templates (page header/footer), story (the sections), render (writing the file safely).
No Qt, no database."""
from liaison_app.briefing.render import render_briefing_pdf, render_pack_pdf

__all__ = ["render_briefing_pdf", "render_pack_pdf"]
