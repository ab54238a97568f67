"""Walk every window of the desktop app: each page of the main window, each tab of the tenant record,
and every dialog class in liaison_app/ui (found by walking the package, so a new dialog is walked too).

A dialog whose constructor needs more than the arguments named in `ARGUMENTS` fails the walk with a
message saying which to add, rather than being skipped.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from dataclasses import dataclass, field
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
import pytest
from PySide6.QtWidgets import (QAbstractButton, QDialog, QGroupBox, QLabel, QMainWindow, QMessageBox, QTabBar,
                               QWidget)
from sqlmodel import select

import liaison_app.ui
from liaison_app.domain import Contractor, Home, Job, Officer, SupportPlan, Tenant
from liaison_app.services import demo, officers, reports
from liaison_app.store import open_store
from liaison_app.ui.briefing_preview import build_briefing_file

BASES = {"FormDialog", "NeedForm", "_Dialog"}  # building blocks, never shown themselves
PASSWORD = "a long enough password 1"


@dataclass
class World:
    """A small demo store with a signed-in admin, and the ids dialogs are opened with."""

    store: Any
    folder: Path
    ids: dict[str, Any] = field(default_factory=dict)


def make_world(store, folder: Path) -> World:
    demo.make_demo(store, tenants=24, seed=3)
    officers.create_officer(store, "walker", "Wendy Walker", "admin", PASSWORD)
    officers.sign_in(store, "walker", PASSWORD)
    with store.read() as s:
        job = s.exec(select(Job).where(Job.tenant_id.is_not(None)).where(Job.job_type == "gas_safety")).first() \
            or s.exec(select(Job).where(Job.tenant_id.is_not(None))).first()
        tenant = s.get(Tenant, job.tenant_id)
        plan = s.exec(select(SupportPlan)).first()
        officer = s.exec(select(Officer)).first()
        ids = {"tenant_id": tenant.id, "home_id": tenant.home_id, "job_id": job.id, "job_ref": job.job_ref,
               "contractor_id": job.contractor_id, "plan_id": plan.id, "officer_id": officer.id,
               "username": officer.username, "tenancy_ref": tenant.tenancy_ref,
               "contractors": [c.name for c in s.exec(select(Contractor))]}
        assert s.get(Home, tenant.home_id) is not None
    return World(store, folder, ids)


ARGUMENTS: dict[str, Callable[[World], Any]] = {  # constructor parameter name -> how to make its value
    "store": lambda w: w.store,
    "tenant_id": lambda w: w.ids["tenant_id"],
    "home_id": lambda w: w.ids["home_id"],
    "job_id": lambda w: w.ids["job_id"],
    "contractor_id": lambda w: w.ids["contractor_id"],
    "plan_id": lambda w: w.ids["plan_id"],
    "officer_id": lambda w: w.ids["officer_id"],
    "username": lambda w: w.ids["username"],
    "contractors": lambda w: w.ids["contractors"],
    "printed": lambda w: build_briefing_file(w.store, w.ids["job_ref"], w.folder / "walk-briefing.pdf"),
    "temp_dir": lambda w: w.folder,
    "report": lambda w: reports.checks_due_report(w.store),
}


def dialog_classes() -> list[type]:
    """Every QDialog subclass defined in liaison_app.ui, but the bases forms are built from."""
    found = {}
    for info in pkgutil.iter_modules(liaison_app.ui.__path__, "liaison_app.ui."):
        if info.name.endswith(".smoke"):
            continue
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__ and name not in BASES:
                found[f"{cls.__module__}.{name}"] = cls
    return [found[k] for k in sorted(found)]


def build_dialog(cls: type, world: World) -> QDialog:
    """`cls` made with the world's values for its required parameters (and no parent)."""
    kwargs = {}
    for name, param in inspect.signature(cls.__init__).parameters.items():
        if name == "self" or param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if param.default is not param.empty:
            continue
        if name not in ARGUMENTS:
            raise AssertionError(f"{cls.__name__} needs {name!r}: add how to make it to ARGUMENTS in {__file__}")
        kwargs[name] = ARGUMENTS[name](world)
    return cls(**kwargs)


def show_dialog(cls: type, world: World, qtbot) -> QDialog:
    """`build_dialog(cls, world)`, handed to qtbot to close after the test, and shown."""
    dialog = build_dialog(cls, world)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


_MNEMONIC = re.compile(r"&(&|.)", re.S)


def mnemonic(text: str | None) -> str | None:
    """The key of a '&x' mnemonic in `text` ('&&' is a literal ampersand, '& ' is no mnemonic)."""
    for match in _MNEMONIC.finditer(text or ""):
        char = match.group(1)
        if char != "&" and not char.isspace():
            return char.lower()
    return None


def single_ampersand(text: str | None) -> bool:
    """Whether `text` holds a '&' that is not half of a '&&' (a literal ampersand)."""
    return "&" in (text or "").replace("&&", "")


def shown_widgets(window: QWidget) -> Iterator[QWidget]:
    for widget in window.findChildren(QWidget):
        if widget.window() is window and widget.isVisibleTo(window):
            yield widget


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(key, text) of every mnemonic in `window` that a person can press now."""
    found = []
    for widget in shown_widgets(window):
        texts = []
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(widget, QAbstractButton):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        found += [(mnemonic(t), t) for t in texts if mnemonic(t)]
    if isinstance(window, QMainWindow):
        found += [(mnemonic(a.text()), a.text()) for a in window.menuBar().actions() if mnemonic(a.text())]
    return found


def clashes(window: QWidget) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for key, text in mnemonics(window):
        by_key.setdefault(key, []).append(text)
    return {k: v for k, v in by_key.items() if len(v) > 1}


def literal_ampersands(window: QWidget) -> list[str]:
    """Labels that show a '&' on screen: a plain-text label with no buddy does not read '&x' as a mnemonic."""
    shown = []
    for widget in shown_widgets(window):
        if isinstance(widget, QLabel) and widget.buddy() is None and widget.textFormat() != Qt.TextFormat.RichText \
                and not widget.text().lstrip().startswith("<") and single_ampersand(widget.text()):
            shown.append(widget.text())
    return shown


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One store with one of everything the dialogs need, shared by a test module (import this fixture)."""
    folder = tmp_path_factory.mktemp("desk")
    store = open_store(folder / "desk.db")
    yield make_world(store, folder)
    store.close()


@pytest.fixture(autouse=False)
def quiet_boxes(monkeypatch):
    """Message boxes answer Cancel at once (import this fixture and mark the module to use it)."""
    for name in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Cancel)
