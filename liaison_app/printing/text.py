"""The one helper that turns officer-typed or imported text into Paragraph markup.

Everything is escaped first, so "<b>", "&" and "<font>" print as themselves and markup in a note
cannot restyle a page, embed an image or fetch a URL. Arabic-script runs are shaped
(arabic_reshaper), put in visual order (python-bidi) and set in Noto Naskh Arabic.
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape

from arabic_reshaper import reshape
from bidi import get_display

from liaison_app.printing.fonts import ARABIC

_ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# A run of Arabic-script words, with the spaces and joiners between them.
_ARABIC_RUN = re.compile(f"[{_ARABIC_CHARS}]+(?:[ \u200c\u200d]+[{_ARABIC_CHARS}]+)*")
# Control characters a PDF text string cannot carry (tabs and newlines are handled separately).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What markup() changes beyond escaping: Arabic script, control characters, tabs and carriage returns.
_NOT_PLAIN = re.compile(f"[\x00-\x09\x0b-\x1f\x7f{_ARABIC_CHARS}]")


def _arabic(run: str) -> str:
    return f'<font name="{ARABIC}">{escape(get_display(reshape(run)))}</font>'


def _line(text: str) -> str:
    if not _ARABIC_RUN.search(text):
        return escape(text)
    out, pos = [], 0
    for m in _ARABIC_RUN.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(_arabic(m.group()))
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def markup(text: str | None) -> str:
    """Plain text as safe Paragraph markup: escaped, line breaks kept, Arabic shaped."""
    if not text:
        return ""
    text = _CONTROL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return "<br/>".join(_line(line) for line in text.split("\n"))


def is_plain(text: str) -> bool:
    """True when markup(text) is just `text` escaped with its line breaks kept (no Arabic script, no
    control character, tab or carriage return), so it may be drawn as plain lines of text."""
    return not _NOT_PLAIN.search(text)
