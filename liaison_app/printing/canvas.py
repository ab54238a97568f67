"""The two-pass canvas behind every "Page X of Y": it holds each page back until save(), then
decorates it knowing how many pages its own part (one letter, or one section of a pack) has."""
from __future__ import annotations

from collections import Counter

from reportlab.pdfgen.canvas import Canvas

from liaison_app.printing.fonts import REGULAR


class HeldPagesCanvas(Canvas):
    """A marker flowable sets `self._part` (a tuple whose first item is the part's key) where a part
    starts; subclasses say how a page is decorated (`decorate_page`)."""

    first_part: tuple = ("",)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initialFontName", REGULAR)
        super().__init__(*args, **kwargs)
        self._part = self.first_part
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        counts = Counter(state["_part"][0] for state in self._pages)
        seen: Counter = Counter()
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            key = self._part[0]
            seen[key] += 1
            self.decorate_page(seen[key], counts[key], number, len(self._pages), len(counts))
            Canvas.showPage(self)
        Canvas.save(self)

    def decorate_page(self, page: int, pages: int, number: int, total: int, parts: int) -> None:
        """Draw page `page` of `pages` in its part (page `number` of `total` in the file of `parts` parts)."""
