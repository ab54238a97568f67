"""The job reference as a QR code an ordinary phone (or zbarimg) can read.

ReportLab's QrCode flowable draws the modules straight onto the canvas (one rectangle per run of
dark modules), which is several times faster than the QrCodeWidget drawing in a 200-job pack. Choosing
the mask (the pattern that makes the code easiest to read) scores eight trial codes; ReportLab scores
them a module at a time, a sixth of a pack's time, so `lost_points` scores them on strings and whole
rows as integers instead: the same score, so the same mask and the same code.
"""
from __future__ import annotations

import itertools
import re

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCode
from reportlab.platypus import Spacer

from liaison_app.printing.styles import BLACK


_RUN = re.compile(b"0{5,}|1{5,}")  # five or more modules of one colour in a row or column
_FINDER = b"10111010000"  # the finder-like pattern ReportLab's rule 3 looks for
_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def lost_points(modules) -> int:
    """The penalty qrencoder.QRUtil.getLostPoint gives a module matrix (its four rules, as it applies them)."""
    rows = [bytes(row).translate(_AS_DIGITS) for row in modules]  # a row of True/False as b"1010…"
    columns = [bytes(column) for column in zip(*rows)]
    lines = rows + columns
    score = sum(len(run) - 2 for line in lines for run in _RUN.findall(line))  # runs of 5+: length - 2
    width = len(rows)
    inner = (1 << (width - 1)) - 1
    below = int(rows[0], 2)
    for row in rows[1:]:  # 2x2 blocks of one colour: 3 each
        above, below = below, int(row, 2)
        same = ~(above ^ below) & ~((above ^ below) >> 1) & ~(below ^ (below >> 1)) & inner
        score += 3 * bin(same).count("1")
    for line in rows:  # the finder-like pattern, scanned as ReportLab scans it: 40 each (its column pass
        # compares tuples with a list, so it never scores: rows only)
        start, last = 0, len(line) - len(_FINDER)
        while (found := line.find(_FINDER, start)) != -1 and found < last:
            score += 40
            start = found + len(_FINDER)
    dark = sum(row.count(b"1") for row in rows)
    return score + 10 * (abs(100 * dark // (width * width) - 50) // 5)


CACHED_VERSIONS = 10  # QR versions whose fixed patterns are kept (a job reference needs version 1 to 3)
_fixed: dict[tuple, tuple] = {}  # (version, level, test, mask) -> the rows with every fixed pattern drawn
_layouts: dict[tuple[int, int], tuple[list, list]] = {}  # (version, mask) -> data positions, mask at each


def _layout(code: qrencoder.QRCode, mask: int) -> tuple[list, list]:
    """The data modules' positions in placing order, and the mask's value at each (they depend on the
    version alone, so a pack computes them once, not eight times a job)."""
    key = (code.version, mask)
    found = _layouts.get(key)
    if found is None:
        positions = code.dataPosIterator()
        flip = qrencoder.QRUtil.getMask(mask)
        found = (positions, [flip(row, col) for col, row in positions])
        if code.version <= CACHED_VERSIONS:
            _layouts[key] = found
    return found


class _QuickMaskQRCode(qrencoder.QRCode):
    def makeImpl(self, test, maskPattern):
        """ReportLab's makeImpl with the fixed patterns (finders, timing, alignment, format and version
        information) drawn once per version and mask and copied, and the data placed in one loop: the same
        modules (tests/printing/test_qr_mask.py holds them equal to ReportLab's)."""
        self.moduleCount = self.version * 4 + 17
        key = (self.version, self.errorCorrectLevel, bool(test), maskPattern)
        fixed = _fixed.get(key)
        if fixed is None:
            self._draw_fixed(test, maskPattern)
            fixed = tuple(tuple(row) for row in self.modules)
            if self.version <= CACHED_VERSIONS:
                _fixed[key] = fixed
        self.modules = modules = [list(row) for row in fixed]
        if self.dataCache is None:
            self.dataCache = qrencoder.QRCode.createData(self.version, self.errorCorrectLevel, self.dataList)
        positions, flips = _layout(self, maskPattern)
        bits = itertools.chain(self.dataBitIterator(self.dataCache), itertools.repeat(False))
        for (col, row), flip, dark in zip(positions, flips, bits):
            modules[row][col] = dark != flip

    def _draw_fixed(self, test, maskPattern) -> None:
        self.modules = [[False] * self.moduleCount for _ in range(self.moduleCount)]
        self.setupPositionProbePattern(0, 0)
        self.setupPositionProbePattern(self.moduleCount - 7, 0)
        self.setupPositionProbePattern(0, self.moduleCount - 7)
        self.setupPositionAdjustPattern()
        self.setupTimingPattern()
        self.setupTypeInfo(test, maskPattern)
        if self.version >= 7:
            self.setupTypeNumber(test)

    def getBestMaskPattern(self):
        least, pattern = None, 0
        for mask in range(8):  # the first of the lowest scores, as ReportLab picks it
            self.makeImpl(True, mask)
            lost = lost_points(self.modules)
            if least is None or lost < least:
                least, pattern = lost, mask
        return pattern


class JobQrCode(QrCode):
    """A square QR code of `size` points, error correction M, with the standard 4-module quiet zone."""

    def __init__(self, text: str, size: float):
        super().__init__(text, width=size, height=size, qrLevel="M", qrBorder=4)
        self.qr.__class__ = _QuickMaskQRCode

    def draw(self):
        self.canv.setFillColor(BLACK)
        super().draw()


MAX_QR_BYTES = 1000  # well inside what a version-40 code at level M holds (2,331 bytes)


def qr_code(text: str, size: float) -> JobQrCode | Spacer:
    """The QR code of `text`; a blank square if it is too long to encode (imports limit job
    references to 40 characters, so only an older record could be), so one odd record never
    stops a briefing or a pack."""
    if len(text.encode("utf-8")) > MAX_QR_BYTES:
        return Spacer(size, size)
    return JobQrCode(text, size)
