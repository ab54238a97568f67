"""`python -m tests.bench`: measure every figure beside its floor, print the table (and --json FILE),
exit 1 when a target is missed. See tests/bench/__init__.py."""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.bench import TARGETS, Target
from tests.bench.stores import cached_store


def machine() -> dict[str, object]:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            model = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), "")
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": model or platform.processor(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}", "date": time.strftime("%Y-%m-%d %H:%M UTC",
                                                                                     time.gmtime())}


def groups(args, db: Path, work: Path) -> list[tuple[str, object]]:
    """Each figure group: a name and a function measuring once, returning {target: (value, floor)}."""
    from tests.bench import app_figures, import_figures, pdf_figures, search_figures

    return [
        ("start-up", lambda: app_figures.start_up(db, work)),
        ("search", lambda: search_figures.search_per_keystroke(db, work)),
        ("import", lambda: import_figures.import_tenants(args.tenants, work)),
        ("pack", lambda: pdf_figures.day_pack(work)),
        ("report", lambda: pdf_figures.checks_due_report(db, work)),
        ("memory", lambda: app_figures.scrolled_memory(db, work, steps=300 if args.quick else 1000)),
        ("record", lambda: app_figures.open_record(db, work)),
        ("garbage", lambda: import_figures.refuse_garbage(args.garbage_rows, work)),
    ]


def measure(args, db: Path, work: Path) -> dict[str, dict[str, object]]:
    """Run each group --repeat times; each figure's median and its floor's median (same run)."""
    values: dict[str, list[tuple[float, float | None]]] = {}
    for name, run in groups(args, db, work):
        if args.only and name not in args.only:
            continue
        start = time.perf_counter()
        for _ in range(args.repeat):
            for key, pair in run().items():
                values.setdefault(key, []).append(pair)
        print(f"  {name}: measured {args.repeat}× in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    out = {}
    for key, pairs in values.items():
        floors = [f for _, f in pairs if f is not None]
        out[key] = {"median": statistics.median(v for v, _ in pairs), "runs": [v for v, _ in pairs],
                    "floor": statistics.median(floors) if floors else None}
    return out


def table(results: dict[str, dict[str, object]]) -> tuple[list[str], bool]:
    lines = ["| figure | median | floor (same run) | target | |", "| --- | --- | --- | --- | --- |"]
    ok = True
    for target in TARGETS:
        found = results.get(target.name)
        if found is None:
            continue
        passed = target.passed(found["median"], found["floor"])
        ok &= passed
        found.update(target=target.describe(), unit=target.unit, passed=passed)
        lines.append(f"| {target.figure} | {_number(found['median'], target)} | "
                     f"{_number(found['floor'], target) if found['floor'] is not None else '—'} | "
                     f"{target.describe()} | {'pass' if passed else '**MISSED**'} |")
    return lines, ok


def _number(value: float, target: Target) -> str:
    digits = 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:,.{digits}f} {target.unit}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a 10,000-tenancy store and one run of each figure group (under two minutes)")
    parser.add_argument("--repeat", type=int, default=None, help="runs of each figure group (default 3; 1 with --quick)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--only", nargs="+", metavar="GROUP",
                        help="only these groups: start-up search import pack report memory record garbage")
    args = parser.parse_args(argv)
    args.repeat = args.repeat or (1 if args.quick else 3)
    args.tenants = 10_000 if args.quick else 125_000
    args.garbage_rows = 200_000 if args.quick else 1_000_000
    with tempfile.TemporaryDirectory(prefix="liaison-bench-") as tmp:
        work = Path(tmp)
        os.environ["LIAISON_HOME"] = str(work / "home")
        started = time.perf_counter()
        db = cached_store(args.tenants, work, say=lambda text: print(text, file=sys.stderr))
        results = measure(args, db, work)
    lines, ok = table(results)
    about = machine()
    print(f"{args.tenants:,} tenancies; garbage file {args.garbage_rows:,} rows; medians of {args.repeat} runs; "
          f"{about['cores']} cores, {about['cpu']}, Python {about['python']}, {about['system']}, {about['date']}")
    print("\n".join(lines))
    if "report_rows" in results:
        print(f"(the checks-due report printed {results['report_rows']['median']:,.0f} rows", end="")
        if "report_full_rows" in results:  # tests/bench/pdf_figures.py says why two reports are made
            print(f"; the whole 30-day report, "
                  f"{results['report_full_rows']['median']:,.0f} rows, took "
                  f"{results['report_full_seconds']['median']:.1f} s and "
                  f"{results['report_full_mb']['median']:.0f} MB", end="")
        print(")")
    report = {"tenancies": args.tenants, "garbage_rows": args.garbage_rows, "repeat": args.repeat,
              "machine": about, "seconds": round(time.perf_counter() - started, 1), "passed": ok,
              "figures": results}
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
