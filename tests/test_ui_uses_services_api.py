"""The desktop uses what services offer, not their insides: no ui/ module imports a name from services that
starts with "_" or is a module constant (ALL_CAPS), nor reads one as `module.NAME`."""
from __future__ import annotations

import ast
from pathlib import Path

import liaison_app

UI = Path(liaison_app.__file__).parent / "ui"


def _internal(name: str) -> bool:
    return name.startswith("_") or (name.isupper() and len(name) > 1)


def _leaks(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()  # local names bound to a services module
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("liaison_app.services"):
            for alias in node.names:
                if node.module == "liaison_app.services":
                    modules.add(alias.asname or alias.name)
                elif _internal(alias.name):
                    found.append(f"from {node.module} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("liaison_app.services.") and alias.asname:
                    modules.add(alias.asname)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                and _internal(node.attr)):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_ui_imports_no_service_internals():
    leaks = {p.name: _leaks(p) for p in sorted(UI.glob("*.py"))}
    assert {name: found for name, found in leaks.items() if found} == {}
