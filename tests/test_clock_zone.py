"""The suite runs where midnight is hours away (tests/conftest.py `_about_midday`), so a module's TODAY,
taken at import, is still the app's today when its tests run, and Qt's today is Python's."""
from __future__ import annotations

import time
from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import QDate, QDateTime

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="Windows cannot set the zone of a running process")


def test_it_is_about_midday_by_the_local_clock_whatever_the_hour_in_utc():
    local = datetime.now()
    assert 12 <= local.hour <= 20, local  # 12:00–12:59 at the start, and no run lasts eight hours
    offset = datetime.now(timezone.utc).astimezone().utcoffset()
    assert offset is not None and offset.total_seconds() % 3600 == 0


def test_qt_and_python_agree_on_today_and_the_hour():
    assert QDate.currentDate().toPython() == date.today()
    assert QDateTime.currentDateTime().time().hour() == datetime.now().hour
