"""Step 1: fonts. DejaVu Sans (every Latin, Greek and Cyrillic name) and Noto Naskh Arabic, embedded.

Registered once per process; no built-in PDF font is ever used (`pdffonts` lists every font as
embedded). Arabic-script runs are shaped and ordered in `text.markup`.
"""
from __future__ import annotations

import gc
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from liaison_app.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
ARABIC = "NotoNaskhArabic"
ARABIC_BOLD = "NotoNaskhArabic-Bold"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    ARABIC_BOLD: "NotoNaskhArabic-Bold.ttf",
}


@lru_cache(maxsize=None)
def register_fonts() -> str:
    """Register the font families (once) and return the body font's name.

    Parsing the six files makes some hundred thousand small objects, none of them garbage, so Python's
    cyclic collector ran over and over, each time through everything already loaded: with it paused while
    they are read, the fonts load in less than half the time (issue #15). It is resumed as it was."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    finally:
        if collecting:
            gc.enable()
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    # Arabic has no oblique face: italic maps to upright so <i> never falls back to a base-14 font.
    pdfmetrics.registerFontFamily(ARABIC, normal=ARABIC, bold=ARABIC_BOLD, italic=ARABIC, boldItalic=ARABIC_BOLD)
    return REGULAR
