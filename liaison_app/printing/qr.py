"""The job reference as a QR code an ordinary phone (or zbarimg) can read.

ReportLab's QrCode flowable draws the modules straight onto the canvas (one rectangle per run of
dark modules), which is several times faster than the QrCodeWidget drawing in a 200-job pack.
"""
from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCode
from reportlab.platypus import Spacer

from liaison_app.printing.styles import BLACK


class JobQrCode(QrCode):
    """A square QR code of `size` points, error correction M, with the standard 4-module quiet zone."""

    def __init__(self, text: str, size: float):
        super().__init__(text, width=size, height=size, qrLevel="M", qrBorder=4)

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
