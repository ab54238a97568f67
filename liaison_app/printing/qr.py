"""The job reference as a QR code an ordinary phone (or zbarimg) can read.

ReportLab's QrCode flowable draws the modules straight onto the canvas, which is several times faster
than the QrCodeWidget drawing in a 200-job pack; here every run of dark modules is one rectangle of a
single filled path (ReportLab fills each run on its own). Choosing the mask (the pattern that makes the
code easiest to read) scores eight trial codes; ReportLab builds and scores them a module at a time, a
sixth of a pack's time, so here the data is placed once, each trial is whole rows as integers (fixed
patterns | data ^ mask), and `lost_points` scores them on strings and integers: the same score, so the
same mask and the same code.
"""
from __future__ import annotations

import itertools
import re

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCode
from reportlab.pdfgen.canvas import FILL_NON_ZERO
from reportlab.platypus import Spacer

from liaison_app.printing.styles import BLACK


_RUN = re.compile(b"0{5,}|1{5,}")  # five or more modules of one colour in a row or column
_FINDER = b"10111010000"  # the finder-like pattern ReportLab's rule 3 looks for
_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def lost_points(modules) -> int:
    """The penalty qrencoder.QRUtil.getLostPoint gives a module matrix (its four rules, as it applies them)."""
    rows = [bytes(row).translate(_AS_DIGITS) for row in modules]  # a row of True/False as b"1010…"
    return _lost_points(rows, [int(row, 2) for row in rows])


def _lost_points(rows: list[bytes], numbers: list[int]) -> int:
    """lost_points of the rows as b"1010…" strings and as integers (the first module the highest bit)."""
    columns = [bytes(column) for column in zip(*rows)]
    lines = rows + columns
    score = sum(len(run) - 2 for line in lines for run in _RUN.findall(line))  # runs of 5+: length - 2
    width = len(rows)
    inner = (1 << (width - 1)) - 1
    below = numbers[0]
    for row in numbers[1:]:  # 2x2 blocks of one colour: 3 each
        above, below = below, row
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
_fixed_rows: dict[tuple, list[int]] = {}  # as _fixed, one integer a row
_masks: dict[tuple[int, int], list[int]] = {}  # (version, mask) -> per row, the data modules the mask flips


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

    def _fixed_numbers(self, test, maskPattern) -> list[int]:
        """The fixed patterns of a trial as one integer a row (its first module the highest bit)."""
        key = (self.version, self.errorCorrectLevel, bool(test), maskPattern)
        found = _fixed_rows.get(key)
        if found is None:
            self._draw_fixed(test, maskPattern)
            found = [_number(row) for row in self.modules]
            if self.version <= CACHED_VERSIONS:
                _fixed_rows[key] = found
        return found

    def _data_numbers(self) -> list[int]:
        """The data modules, placed and not masked, as one integer a row."""
        if self.dataCache is None:
            self.dataCache = qrencoder.QRCode.createData(self.version, self.errorCorrectLevel, self.dataList)
        width = self.moduleCount
        numbers = [0] * width
        positions, _flips = _layout(self, 0)
        for (col, row), dark in zip(positions, self.dataBitIterator(self.dataCache)):
            if dark:
                numbers[row] |= 1 << (width - 1 - col)
        return numbers

    def _mask_numbers(self, mask: int) -> list[int]:
        key = (self.version, mask)
        found = _masks.get(key)
        if found is None:
            width = self.moduleCount
            found = [0] * width
            positions, flips = _layout(self, mask)
            for (col, row), flip in zip(positions, flips):
                if flip:
                    found[row] |= 1 << (width - 1 - col)
            if self.version <= CACHED_VERSIONS:
                _masks[key] = found
        return found

    def getBestMaskPattern(self):
        """The mask ReportLab picks: the first of the lowest scores of the eight trial codes (each the fixed
        patterns drawn for a trial, and the data flipped where the mask says)."""
        self.moduleCount = width = self.version * 4 + 17
        least, pattern = None, 0
        data = self._data_numbers()
        for mask in range(8):
            fixed = self._fixed_numbers(True, mask)
            numbers = [f | (d ^ m) for f, d, m in zip(fixed, data, self._mask_numbers(mask))]
            lost = _lost_points([format(n, "b").zfill(width).encode("ascii") for n in numbers], numbers)
            if least is None or lost < least:
                least, pattern = lost, mask
        return pattern


def _number(row) -> int:
    """A row of modules (True for dark) as an integer, its first module the highest bit."""
    return int(bytes(row).translate(_AS_DIGITS), 2)


class JobQrCode(QrCode):
    """A square QR code of `size` points, error correction M, with the standard 4-module quiet zone."""

    def __init__(self, text: str, size: float):
        super().__init__(text, width=size, height=size, qrLevel="M", qrBorder=4)
        self.qr.__class__ = _QuickMaskQRCode

    def draw(self):
        """The dark modules, a rectangle a run (a little taller than a module, as ReportLab draws them, so
        no hairline shows between rows), all in one path filled once with the non-zero rule (so where
        rectangles overlap, the overlap stays black)."""
        self.qr.make()
        border, count = self.qrBorder, self.qr.getModuleCount()
        xsize, ysize = self.width / (count + border * 2.0), self.height / (count + border * 2.0)
        path = self.canv.beginPath()
        for r, row in enumerate(self.qr.modules):
            c, y = 0, self.height - (r + border + 1) * ysize
            for dark, run in itertools.groupby(row):
                n = len(list(run))
                if dark:
                    path.rect((c + border) * xsize, y, n * xsize, ysize * 1.05)
                c += n
        self.canv.setFillColor(BLACK)
        self.canv.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)


MAX_QR_BYTES = 1000  # well inside what a version-40 code at level M holds (2,331 bytes)


def qr_code(text: str, size: float) -> JobQrCode | Spacer:
    """The QR code of `text`; a blank square if it is too long to encode (imports limit job
    references to 40 characters, so only an older record could be), so one odd record never
    stops a briefing or a pack."""
    if len(text.encode("utf-8")) > MAX_QR_BYTES:
        return Spacer(size, size)
    return JobQrCode(text, size)
