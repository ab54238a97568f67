"""Issue #10, item 13: a huge file of garbage is refused with the first 100 problems listed and the rest
counted (streamed: tests/bench/bench_garbage.py measures 1,000,000 rows for time and memory)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from liaison_app.services import imports
from liaison_app.services.imports import ImportRefused

HEADER = "tenancy_ref,first_name,last_name,address_line1,postcode\n"
GARBAGE_ROWS = 20_000



def test_a_large_garbage_csv_lists_the_first_100_problems_and_counts_the_rest(tmp_path):
    """The behaviour of the streamed refusal; its time and memory for 1,000,000 rows are measured beside
    their floor by tests/bench/bench_garbage.py (never by a timed unit test)."""
    garbage = tmp_path / "garbage.csv"
    with open(garbage, "w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        fh.writelines(f"R{i},Ann,Lee,{i} Road,NOPE{i}\n" for i in range(GARBAGE_ROWS))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIAISON_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, "-m", "liaison_app", "--db", str(tmp_path / "s.db"), "import", "tenants",
                           str(garbage)], capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path,
                          timeout=600)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(lines) == 102
    assert lines[0] == "line 2, column postcode: Not a valid UK postcode (for example BA12 9AB)."
    assert lines[99].startswith("line 101, column postcode")
    assert lines[100] == f"… and {GARBAGE_ROWS - 100:,} more"
    assert lines[101] == f"liaison-app: nothing was imported: {GARBAGE_ROWS:,} problems found."
    assert not (tmp_path / "s.db").exists()  # the store the command would have made is not left behind


def test_only_the_first_100_problems_are_listed_and_every_one_is_counted(store, tmp_path):
    path = tmp_path / "bad.csv"
    rows = [f"R{i},Ann,Lee,{i} Road,NOPE\n" for i in range(1000)] + ["R5,Ann,Lee,5 Road,BA1 1AA\n"]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        imports.import_tenants(store, path)
    exc = refused.value
    assert [p.line for p in exc.problems] == list(range(2, 102))
    assert exc.total == 1001 and exc.more == 901  # 1,000 postcodes, and R5 repeated on line 1002
    assert str(exc) == "Nothing was imported: 1,001 problems found."


def test_a_repeated_reference_is_still_named_with_its_first_line(store, tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text(HEADER + "R1,Ann,Lee,1 Road,BA1 1AA\nR2,Bob,Ray,2 Road,BA1 1AA\nR1,Cat,Day,3 Road,BA1 1AA\n",
                    encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        imports.import_tenants(store, path)
    assert [str(p) for p in refused.value.problems] == [
        "line 4, column tenancy_ref: The same tenancy reference is on line 2."]
