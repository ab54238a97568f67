"""What ships is what is tested: the suite imports the installed Liaison, and the wheel holds all of it.

The README's test command installs the project (not editable) and runs pytest with no path to the
source folder, so a module or resource that the wheel leaves out fails here and in every test that
needs it — never only on an officer's laptop.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import liaison_app

SOURCE = Path(__file__).resolve().parents[1]


def _source_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix not in {".pyc", ".pyo"})


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="a developer may test an editable install")
def test_ci_imports_the_installed_package_not_the_source_folder():
    imported = Path(liaison_app.__file__).resolve()
    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    assert site in imported.parents, f"liaison_app came from {imported}, not from {site}"
    assert imported.parent != SOURCE / "liaison_app"  # the virtual environment may sit inside the checkout


def test_the_installed_package_finds_its_resources_and_migrations():
    from liaison_app.paths import resource
    from liaison_app.store.migrate import known_heads

    assert (resource("fonts") / "DejaVuSans.ttf").is_file()
    assert (resource("catalogues") / "adjustment_kinds.json").is_file()
    assert known_heads(), "no migration heads found in the installed package"


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    # Built from a clean copy: setuptools reuses an old build/ folder, which could hide a missing file.
    copy = tmp_path_factory.mktemp("source") / "liaison"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns(
        ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(out), str(copy)], check=True, capture_output=True, text=True)
    [wheel] = out.glob("liaison-*.whl")
    with zipfile.ZipFile(wheel) as z:
        return set(z.namelist())


def test_the_wheel_holds_every_module_of_the_package(wheel_names):
    package = SOURCE / "liaison_app"
    missing = [str(p.relative_to(SOURCE)) for p in _source_files(package)
               if p.relative_to(SOURCE).as_posix() not in wheel_names]
    assert not missing, f"left out of the wheel: {missing}"


def test_the_wheel_holds_every_resource_file(wheel_names):
    resources = SOURCE / "resources"
    missing = [str(p.relative_to(SOURCE)) for p in _source_files(resources)
               if "liaison_app/resources/" + p.relative_to(resources).as_posix() not in wheel_names]
    assert not missing, f"left out of the wheel: {missing}"


def test_every_package_folder_has_its_init():
    folders = {p.parent for p in (SOURCE / "liaison_app").rglob("*.py") if "__pycache__" not in p.parts}
    assert not [str(f) for f in folders if not (f / "__init__.py").is_file()]


def test_no_module_of_ours_is_found_by_string():
    """A module missing from a build must fail loudly at import, so nothing of ours is looked up by name."""
    offenders = []
    for path in (SOURCE / "liaison_app").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle in ("find_spec(", "module_exists(", "import_module(", "__import__("):
            if needle in text:
                offenders.append(f"{path.relative_to(SOURCE)}: {needle}")
    assert not offenders
