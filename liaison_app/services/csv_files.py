"""Reading the CSV files officers bring from the housing and repairs systems.

UTF-8 (with or without a byte-order mark) is tried first, then Windows-1252 (what Excel saves on
a UK Windows laptop). The header row names the columns in any order; unknown, repeated or missing
required columns are problems. Each row keeps the line number it starts on, for messages.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One reason an import was refused. `reason` never quotes a private value."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}" if self.column else f"line {self.line}"
        return f"{where}: {self.reason}"


class ImportRefused(Exception):
    """Nothing was stored; `problems` lists every reason, each with its line and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.line, p.column))
        super().__init__(f"Nothing was imported: {len(self.problems)} problem(s) found.")


@dataclass
class CsvRows:
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # rows that could not be read at all


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not) first, then Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRefused([Problem(line, "", "The file is neither UTF-8 nor Windows-1252 text.")]) from exc


def read_rows(path: str | Path, allowed: tuple[str, ...], required: tuple[str, ...]) -> CsvRows:
    """The file's rows as {column: text}, or ImportRefused listing every problem with the header."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ImportRefused([Problem(0, "", f"Cannot read the file: {exc.strerror or 'unreadable'}.")]) from exc
    reader = csv.reader(io.StringIO(decode(data), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRefused([Problem(1, "", "The file is empty: it needs a header row naming the columns.")])
    except csv.Error as exc:
        raise ImportRefused([Problem(1, "", f"The header row cannot be read as CSV ({exc}).")]) from exc
    columns = [h.strip().lower() for h in header]
    problems = _header_problems(columns, allowed, required)
    if problems:
        raise ImportRefused(problems)
    rows, row_problems = _rows(reader, columns)
    return CsvRows(columns, rows, row_problems)


def _header_problems(columns: list[str], allowed: tuple[str, ...], required: tuple[str, ...]) -> list[Problem]:
    problems = []
    seen = set()
    for name in columns:
        if not name:
            problems.append(Problem(1, "", "A column has no name in the header row."))
        elif name not in allowed:
            problems.append(Problem(1, name, f"Unknown column. Known columns: {', '.join(allowed)}."))
        elif name in seen:
            problems.append(Problem(1, name, "This column appears twice."))
        seen.add(name)
    for name in required:
        if name not in seen:
            problems.append(Problem(1, name, "Required column missing from the header row."))
    return problems


def _rows(reader, columns: list[str]) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    rows, problems = [], []
    start = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(start, "", f"This row cannot be read as CSV ({exc})."))
            break
        line, start = start, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(columns):
            problems.append(Problem(line, "", f"This row has {len(values)} cells but the header names {len(columns)}."))
            continue
        rows.append((line, dict(zip(columns, values))))
    return rows, problems
