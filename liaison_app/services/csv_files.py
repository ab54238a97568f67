"""Reading the CSV files officers bring from the housing and repairs systems.

UTF-8 (with or without a byte-order mark) is tried first, then Windows-1252 (what Excel saves on
a UK Windows laptop). The header row names the columns in any order; unknown, repeated or missing
required columns are problems. Each row keeps the line number it starts on, for messages.

The file is streamed, never read whole: a million-row file of garbage is refused with flat memory,
the first LISTED problems listed and the rest counted.
"""
from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from liaison_app.domain.text import plural


@dataclass(frozen=True)
class Problem:
    """One reason an import was refused. `reason` never quotes a private value."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}" if self.column else f"line {self.line}"
        return f"{where}: {self.reason}"


LISTED = 100  # problems listed with their line and column; the rest are counted ("… and 999,900 more")


class ImportRefused(Exception):
    """Nothing was stored; `problems` lists the first LISTED reasons (by line, then column), each with
    its line and column, and `total` counts every problem found in the file."""

    def __init__(self, problems: list[Problem], total: int | None = None):
        self.problems = sorted(problems, key=lambda p: (p.line, p.column))[:LISTED]
        self.total = max(total if total is not None else len(problems), len(self.problems))
        super().__init__(f"Nothing was imported: {plural(self.total, 'problem')} found.")

    @property
    def more(self) -> int:
        """How many problems were found beyond those listed."""
        return self.total - len(self.problems)


class ProblemList:
    """Problems found so far, in memory that stays small however many there are: the first LISTED
    (by line, then column) are kept and the rest only counted. `refuse_if_any` raises ImportRefused.

    Rows are checked in line order, so once LISTED problems are kept, a problem on a later line than
    all of them (`cutoff`) can never be listed: it is counted without being made (a fast path that
    keeps a million-row file of garbage quick to refuse)."""

    def __init__(self, items: list[Problem] | None = None):
        self.items: list[Problem] = []
        self.total = 0
        self.cutoff: int | None = None  # problems on later lines are only counted
        for item in items or ():
            self.append(item)

    def append(self, problem: Problem) -> None:
        self.total += 1
        if self.cutoff is not None and problem.line > self.cutoff:
            return
        self.items.append(problem)
        if len(self.items) >= 2 * LISTED:
            self.items.sort(key=lambda p: (p.line, p.column))
            del self.items[LISTED:]
            self.cutoff = self.items[-1].line

    def add(self, line: int, column: str, reason: str) -> None:
        if self.cutoff is not None and line > self.cutoff:
            self.total += 1
            return
        self.append(Problem(line, column, reason))

    def listed(self, line: int) -> bool:
        """Whether a problem on `line` could still be listed (False: it would only be counted)."""
        return self.cutoff is None or line <= self.cutoff

    def __bool__(self) -> bool:
        return self.total > 0

    def __len__(self) -> int:
        return self.total

    def refuse_if_any(self) -> None:
        if self.total:
            raise ImportRefused(self.items, self.total)


@dataclass
class CsvRows:
    """The header's columns, and the rows as an iterator of (line, {column: text}): the file is read
    as the rows are used, never whole. A row that cannot be read is reported to `problems`."""

    columns: list[str]
    rows: Iterator[tuple[int, dict[str, str]]]
    problems: ProblemList = field(default_factory=ProblemList)
    records: RecordTap | None = None  # with read_rows(records=True): the row just read, as written


class RecordTap:
    """The lines of the file, passed on to the csv reader and kept until `take`: after each row is read,
    `data` is the row's record as written in the file (its lines joined, without the line ending, in
    the file's own bytes), for an import that recognises a row it has seen before by its hash
    (services/import_rows.py; `read_raw_lines` gives the same bytes for a row on one line)."""

    def __init__(self, handle) -> None:
        self.handle = handle
        self.encoding = "utf-8" if handle.encoding == "utf-8-sig" else handle.encoding  # no mark per row
        self.lines: list[str] = []
        self.text = ""

    @property
    def data(self) -> bytes:
        """The record just read, in the file's bytes (encoded only when asked: a refused file's rows never are)."""
        return self.text.encode(self.encoding)

    def __iter__(self) -> Iterator[str]:
        lines = self.lines
        for line in self.handle:
            lines.append(line)
            yield line

    def take(self) -> None:
        """The record just read becomes `text`; the next starts empty."""
        lines = self.lines
        self.text = (lines[0] if len(lines) == 1 else "".join(lines)).rstrip("\r\n")
        lines.clear()


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


def _bad_byte_line(path: Path, encoding: str) -> int | None:
    """None if the whole file decodes as `encoding`, else the line of the first byte that does not.
    Reads the file in chunks: memory stays flat for any size."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = 0
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(1 << 20)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return lines + chunk[:max(exc.start, 0)].count(b"\n") + 1
            if not chunk:
                return None
            lines += chunk.count(b"\n")


def file_encoding(path: str | Path) -> str:
    """'utf-8-sig' (UTF-8, with or without a byte-order mark) if the file is UTF-8, else 'cp1252';
    ImportRefused if it is neither."""
    if _bad_byte_line(Path(path), "utf-8-sig") is None:
        return "utf-8-sig"
    line = _bad_byte_line(Path(path), "cp1252")
    if line is None:
        return "cp1252"
    raise ImportRefused([Problem(line, "", "The file is neither UTF-8 nor Windows-1252 text.")])


def read_rows(path: str | Path, allowed: tuple[str, ...], required: tuple[str, ...],
              problems: ProblemList | None = None, records: bool = False) -> CsvRows:
    """The file's header and rows ({column: text}, read as they are used), or ImportRefused listing
    every problem with the header. Problems with rows (one that cannot be read as CSV, or has a
    different number of cells from the header) go to `problems` as the rows are read. With `records`,
    `CsvRows.records.text` is each row's record as written, while that row is being used."""
    problems = problems if problems is not None else ProblemList()
    handle = open_text(path)
    tap = RecordTap(handle) if records else None
    try:
        reader = csv.reader(tap if tap is not None else handle, strict=True)
        columns = _header(reader, allowed, required)
    except BaseException:
        handle.close()
        raise
    if tap is not None:
        tap.take()
    return CsvRows(columns, _rows(handle, reader, columns, problems, tap), problems, tap)


def read_raw_lines(path: str | Path, allowed: tuple[str, ...], required: tuple[str, ...]
                   ) -> tuple[list[str], Iterator[tuple[int, bytes]]] | None:
    """The file's columns, then its lines as written, not read as CSV: (line number, bytes without the
    line ending); a row whose cells hold a line break spans lines. None (read the file with read_rows)
    when the header row is not one plain line, or has a problem; ImportRefused for an unreadable file."""
    encoding = file_encoding(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise ImportRefused([Problem(0, "", f"Cannot read the file: {exc.strerror or 'unreadable'}.")]) from exc
    first = handle.readline().decode(encoding)
    columns = None
    if first.strip() and '"' not in first and "\r" not in first.rstrip("\r\n"):  # one plain line
        try:
            columns = _header(csv.reader([first], strict=True), allowed, required)
        except ImportRefused:
            pass  # read_rows lists the header's problems
    if columns is None:
        handle.close()
        return None
    return columns, _raw_lines(handle)


def _raw_lines(handle) -> Iterator[tuple[int, bytes]]:
    with handle:
        for line, data in enumerate(handle, 2):
            yield line, data.rstrip(b"\r\n")


def open_text(path: str | Path):
    """The file open as text in its encoding (file_encoding), or ImportRefused."""
    try:
        return open(path, encoding=file_encoding(path), newline="")
    except OSError as exc:
        raise ImportRefused([Problem(0, "", f"Cannot read the file: {exc.strerror or 'unreadable'}.")]) from exc


def _header(reader, allowed: tuple[str, ...], required: tuple[str, ...]) -> list[str]:
    """The header row's column names, or ImportRefused listing every problem with it."""
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRefused([Problem(1, "", "The file is empty: it needs a header row naming the columns.")])
    except csv.Error as exc:
        raise ImportRefused([Problem(1, "", f"The header row cannot be read as CSV ({exc}).")]) from exc
    columns = [h.strip().lower() for h in header]
    header_problems = _header_problems(columns, allowed, required)
    if header_problems:
        raise ImportRefused(header_problems)
    return columns


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


def _rows(handle, reader, columns: list[str], problems: ProblemList,
          tap: RecordTap | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    width = len(columns)
    start = reader.line_num + 1
    with handle:
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                problems.add(start, "", f"This row cannot be read as CSV ({_csv_reason(exc)}); nothing after it "
                             "was read.")
                return
            line, start = start, reader.line_num + 1
            if tap is not None:
                tap.take()
            first = values[0] if values else ""
            if (not first or first.isspace()) and not "".join(values).strip():
                continue  # a blank row
            if len(values) != width:
                problems.add(line, "", f"This row has {len(values)} cell{'s' if len(values) != 1 else ''} but the "
                             f"header names {width}.")
                continue
            yield line, dict(zip(columns, values))


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "unexpected end of data" in text:
        return "a quotation mark is not closed"
    return text
