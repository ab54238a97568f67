"""Liaison's benchmark: every figure of QUALITY.md's "Performance at landlord scale", each beside a floor
measured in the same run, in one command.

    python -m tests.bench [--quick] [--repeat N] [--json FILE] [--only NAME ...]

It builds the benchmark store once (a demo store of 125,000 tenancies, or 10,000 with --quick; a
deterministic seed and date) and keeps it in a cache folder keyed by seed, size and schema, so a
second run starts measuring at once. Each figure group runs --repeat times; the table shows each
figure's median beside the median of its floor, and the command exits 1 when a target is missed.

Not collected by pytest (pyproject: norecursedirs = ["tests/bench"]).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """One row of the table: what is measured, in which unit, and the limit it must keep.

    `limit` is absolute unless `of_floor` is set, when it is a multiple of the floor measured in the
    same run; `at_least` turns "at most" into "at least" (pages per second)."""
    name: str
    figure: str
    unit: str
    limit: float
    of_floor: bool = False
    at_least: bool = False

    def passed(self, value: float, floor: float | None) -> bool:
        bound = self.limit * floor if self.of_floor and floor else self.limit
        return value >= bound if self.at_least else value <= bound

    def describe(self) -> str:
        sign = "≥" if self.at_least else "≤"
        return f"{sign} {self.limit:g} × floor" if self.of_floor else f"{sign} {self.limit:g} {self.unit}"


TARGETS: tuple[Target, ...] = (
    Target("startup", "start-up: sign-in dialog on screen", "ms", 2.0, of_floor=True),
    Target("main_window", "main window after the password is accepted", "ms", 300),
    Target("search_median", "tenant search per keystroke, median", "ms", 2.0),
    Target("search_max", "tenant search per keystroke, max", "ms", 10.0),
    Target("import", "import tenants", "s", 3.0),
    Target("reimport", "re-import of the same file (unchanged)", "s", 1.5),
    Target("pack", "200-job day pack", "pages/s", 0.5, of_floor=True, at_least=True),
    Target("report_seconds", "checks-due report PDF", "s", 2.0),
    Target("report_mb", "checks-due report PDF, peak memory", "MB", 150),
    Target("list_mb", "memory, list scrolled end to end", "MB", 200),
    Target("list_growth_mb", "memory growth while scrolling (flat)", "MB", 20),
    Target("scroll_pause", "longest pause while scrolling the list", "ms", 50),
    Target("record_open", "open a tenant record (20 adjustments, 100 visits, 20 jobs)", "ms", 50),
    Target("record_tab", "show one of its tabs (slowest)", "ms", 50),
    Target("garbage_seconds", "refusing a garbage CSV", "s", 10.0),
    Target("garbage_mb", "refusing a garbage CSV, peak memory", "MB", 200),
)
