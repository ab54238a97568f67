"""Benchmark: refusing a 1,000,000-row garbage `tenants.csv`, beside a floor measured in the same run.

Target (QUALITY.md): refused in ≤ 10 s and ≤ 200 MB, the first 100 problems listed and the rest counted.
Floor: the same file read with the bare csv module. The command runs in its own process, as an
officer runs it, so its peak memory is its own. Run:
    python tests/bench/bench_garbage.py [--rows N]
Not collected by pytest (tests/bench is in norecursedirs).
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = "tenancy_ref,first_name,last_name,address_line1,postcode\n"
MEASURE = r"""
import resource, sys, time
from liaison_app.cli import main
started = time.perf_counter()
code = main(["--db", sys.argv[1], "import", "tenants", sys.argv[2]])
took = time.perf_counter() - started
try:  # this process's own high-water mark (ru_maxrss on Linux can include the parent it was forked from)
    with open("/proc/self/status", encoding="ascii") as fh:
        peak = next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1 << 20 if sys.platform == "darwin" else 1024)
print(code, took, peak)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        garbage = tmp / "garbage.csv"
        with open(garbage, "w", encoding="utf-8", newline="") as fh:  # every row a bad postcode
            fh.write(HEADER)
            fh.writelines(f"R{i},Ann,Lee,{i} Road,NOPE{i}\n" for i in range(args.rows))
        start = time.perf_counter()
        with open(garbage, newline="", encoding="utf-8") as fh:
            for _ in csv.reader(fh):
                pass
        floor = time.perf_counter() - start
        env = dict(os.environ, LIAISON_HOME=str(tmp / "home"))
        proc = subprocess.run([sys.executable, "-c", MEASURE, str(tmp / "s.db"), str(garbage)],
                              capture_output=True, text=True, encoding="utf-8", env=env)
    code, took, peak = proc.stdout.split()
    lines = proc.stderr.strip().splitlines()
    print(f"rows: {args.rows:,}; exit {code}; {len(lines)} lines on stderr, ending {lines[-2:]}")
    print(f"floor (bare csv read): {floor:.2f} s")
    print(f"liaison import refused: {float(took):.2f} s  ({float(took) / floor:.1f} x floor; target <= 10 s), "
          f"peak {peak} MB (target <= 200 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
