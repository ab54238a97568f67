"""The QR code's mask is chosen by scoring the eight trial codes on strings and integers (issue #15: the
scoring was a sixth of a pack's time): the same scores as ReportLab's, so the same mask and the same code."""
from __future__ import annotations

import pytest
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCode

from liaison_app.printing.qr import JobQrCode, lost_points

REFERENCES = ["GS-000001", "BJ-00199", "J-1001", "CR-2026-03-02-0001", "a" * 40, "ŁÓ-ŵŷ-Ζωή-Дом", "0" * 90,
              "x" * 300]


@pytest.mark.parametrize("text", REFERENCES)
def test_every_trial_code_scores_as_reportlab_scores_it(text):
    code = QrCode(text, qrLevel="M", qrBorder=4)
    code.qr.make()
    for mask in range(8):
        code.qr.makeImpl(True, mask)
        assert lost_points(code.qr.modules) == qrencoder.QRUtil.getLostPoint(code.qr), mask


@pytest.mark.parametrize("text", REFERENCES)
def test_the_code_drawn_is_reportlabs_code(text):
    ours, theirs = JobQrCode(text, 70), QrCode(text, qrLevel="M", qrBorder=4)
    ours.qr.make()
    theirs.qr.make()
    assert ours.qr.modules == theirs.qr.modules
