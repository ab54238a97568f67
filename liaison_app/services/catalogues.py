"""Reference catalogues from resources/catalogues, loaded once.

Adjustment kinds, warning kinds, job types (with check cycles), visit types, code-of-conduct
points and support-measure kinds. A landlord may edit the JSON files without code changes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from liaison_app.paths import resource


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    instruction: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.extra.get(key, default)


@dataclass(frozen=True)
class Catalogue:
    name: str
    kinds: tuple[Kind, ...]
    version: str = ""

    def codes(self) -> list[str]:
        return [k.code for k in self.kinds]

    def get(self, code: str) -> Kind | None:
        for k in self.kinds:
            if k.code == code:
                return k
        return None

    def label(self, code: str) -> str:
        k = self.get(code)
        return k.label if k else code.replace("_", " ").capitalize()

    def __contains__(self, code: str) -> bool:
        return self.get(code) is not None


def _load(filename: str, list_key: str, text_key: str) -> Catalogue:
    data = json.loads(resource("catalogues", filename).read_text(encoding="utf-8"))
    kinds = []
    for item in data[list_key]:
        extra = {k: v for k, v in item.items() if k not in ("code", "label", text_key)}
        kinds.append(Kind(item["code"], item["label"], item.get(text_key, "") or "", extra))
    return Catalogue(filename.removesuffix(".json"), tuple(kinds), str(data.get("version", "")))


@lru_cache(maxsize=None)
def adjustment_kinds() -> Catalogue:
    return _load("adjustment_kinds.json", "kinds", "instruction")


@lru_cache(maxsize=None)
def warning_kinds() -> Catalogue:
    return _load("warning_kinds.json", "kinds", "instruction")


@lru_cache(maxsize=None)
def job_types() -> Catalogue:
    """Job types; `instruction` is empty, the check rules are in extra (cycle_months, mandatory …)."""
    return _load("job_types.json", "types", "instruction")


@lru_cache(maxsize=None)
def visit_types() -> Catalogue:
    return _load("visit_types.json", "types", "instruction")


@lru_cache(maxsize=None)
def conduct_points() -> Catalogue:
    """Code-of-conduct points; `instruction` holds the reminder printed on briefings."""
    return _load("conduct_points.json", "points", "reminder")


@lru_cache(maxsize=None)
def support_measures() -> Catalogue:
    return _load("support_measures.json", "kinds", "text")


def mandatory_check_kinds() -> list[Kind]:
    return [k for k in job_types().kinds if k.get("mandatory")]
