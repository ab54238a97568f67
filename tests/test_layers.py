"""The floors of the house (docs/ARCHITECTURE.md), checked by reading every import with `ast`.

Each floor imports only from the floors below it — function-level imports included — and no import
closes a circle between modules. The test reads the installed package's source files.
"""
from __future__ import annotations

import ast
from pathlib import Path

import liaison_app

PACKAGE = Path(liaison_app.__file__).resolve().parent

# What each floor may import of ours, besides itself. "base" is the ground: the package's name and
# version, paths (where things live) and outputs (the one atomic file writer).
ALLOWED = {
    "base": {"base"},
    "domain": set(),
    "store": {"domain", "base"},
    "services": {"store", "domain", "base"},
    "printing": {"domain", "base"},
    "ui": {"services", "printing", "domain", "base"},
    "cli": {"services", "printing", "domain", "base"},
    "app": {"ui", "cli", "services", "printing", "domain", "base"},
}
BASE_MODULES = {"liaison_app", "liaison_app.paths", "liaison_app.outputs"}


def floor_of(module: str) -> str:
    if module in BASE_MODULES:
        return "base"
    if module in ("liaison_app.app", "liaison_app.__main__"):
        return "app"
    return module.split(".")[1]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")
            if "__pycache__" not in p.parts and "migrations" not in p.parts}


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """Every module of ours that `module` imports, anywhere in the file (functions included)."""
    found = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name.startswith("liaison_app") and name != module:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    modules = our_modules()
    known = set(modules)
    return {m: imports_of(m, p, known) for m, p in modules.items()}


def upward_imports(edges: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, targets in sorted(edges.items()):
        mine = floor_of(module)
        for target in sorted(targets):
            theirs = floor_of(target)
            if theirs != mine and theirs not in ALLOWED[mine]:
                bad.append(f"{module} ({mine}) imports {target} ({theirs})")
    return bad


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each a circle of imports.
    A package importing its own submodules is not a circle unless a submodule imports it back."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_runs_upward():
    assert upward_imports(graph()) == []


def test_no_import_closes_a_circle():
    assert circles(graph()) == []


def test_the_check_catches_an_upward_import_and_a_circle():
    edges = {"liaison_app.domain.x": {"liaison_app.services.y"}, "liaison_app.services.y": {"liaison_app.domain.x"}}
    assert upward_imports(edges) == ["liaison_app.domain.x (domain) imports liaison_app.services.y (services)"]
    assert circles(edges) == [["liaison_app.domain.x", "liaison_app.services.y"]]
