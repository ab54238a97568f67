"""The doorstep warnings of a job form (issue #12): under the form, in bold, what the office must sort out
before the day — the booked operative is not recorded as the tenant asked, has no in-date Gas Safe
registration, or is double-booked. The double booking is checked again as the operative or the
appointment changes (one small indexed read, services.operatives.booking_clash).
"""
from __future__ import annotations

from typing import Iterable

from PySide6.QtWidgets import QLabel

from liaison_app.domain.operatives import is_double_booking
from liaison_app.services.operatives import booking_clash

WARNING_STYLE = "color: #8a1c1c; font-weight: bold;"
BOOKING_FIELDS = ("operative_id", "has_appointment", "appointment_start", "appointment_end")


class DoorstepNote(QLabel):
    """Warnings about the booked operative, as instructions; hidden when there are none."""

    def __init__(self, form, store, job_id: str | None = None, lines: Iterable[str] = ()) -> None:
        super().__init__(form)
        self.form, self.store, self.job_id = form, store, job_id
        self.setObjectName("doorstepNote")
        self.setWordWrap(True)
        self.setStyleSheet(WARNING_STYLE)
        lines = list(lines)
        self.fixed = [line for line in lines if not is_double_booking(line)]
        self.clash = next((line for line in lines if is_double_booking(line)), "")
        form.layout().insertWidget(form.layout().indexOf(form.message), self)
        self._show()

    def _show(self) -> None:
        lines = self.fixed + ([self.clash] if self.clash else [])
        self.setText("\n".join(f"⚠ {line}" for line in lines))
        self.setVisible(bool(lines))

    def field_changed(self, name: str) -> None:
        """Call from the form's on_field_changed: re-check the double booking when it may have changed."""
        if name not in BOOKING_FIELDS:
            return
        booked = self.form.value("has_appointment")
        self.clash = booking_clash(self.store, self.form.value("operative_id") or None,
                                   self.form.value("appointment_start") if booked else None,
                                   self.form.value("appointment_end") if booked else None, self.job_id)
        self._show()
