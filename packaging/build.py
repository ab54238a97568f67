"""Build Liaison for distribution: a wheel and a PyInstaller folder, on Windows, macOS or Linux alike.

    python packaging/build.py [--smoke]

Run it with the Python the bundle should carry (3.12 or newer: the slim PySide6-Essentials +
PySide6-Pdf). It makes a throw-away virtual environment in its work folder (build/ unless --work
names another), builds the wheel from a clean copy of the source there (never in the source folder,
so a stale build/ cannot slip into the wheel and a test run beside it cannot disturb it), installs the
wheel into the environment (so the bundle holds exactly what pip installs), runs PyInstaller with
packaging/liaison.spec, and prints the folder's size. --smoke then runs packaging/smoke.py against the
frozen `liaison-app`. Output: dist/liaison-<version>-py3-none-any.whl and dist/Liaison-<version>/.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
# What the wheel is built from; everything else in the checkout (tests, virtual environments, builds) stays out.
SOURCE_PARTS = ("liaison_app", "resources", "pyproject.toml", "setup.py", "README.md", "main.py", "LICENSE")
EXE = ".exe" if os.name == "nt" else ""


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts" if os.name == "nt" else "bin") / f"python{EXE}"


def run(*args, **kw) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, **kw)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def copy_source(into: Path) -> Path:
    """A clean copy of what the wheel is built from (no caches, no build folders)."""
    for part in SOURCE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, into / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.exists():
            shutil.copy2(source, into / part)
    return into


def build(work: Path) -> Path:
    if sys.version_info < (3, 12):
        print(f"warning: building on Python {sys.version.split()[0]}; ship from 3.12+ (slim Qt, see README)",
              file=sys.stderr)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(DIST, ignore_errors=True)
    source = copy_source(work / "source")
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = venv_python(env_dir)
    pip = [python, "-m", "pip", "--disable-pip-version-check", "install", "--quiet"]
    run(*pip, "--upgrade", "pip", "setuptools", "wheel")
    run(python, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", DIST, source)
    wheel = next(DIST.glob(f"liaison-{version}-*.whl"))
    run(*pip, wheel, "pyinstaller>=6.10")
    # From the work folder, not ROOT, so the analysis finds liaison_app in the venv, never in the source folder.
    run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN", "--distpath", DIST,
        "--workpath", work / "pyinstaller", ROOT / "packaging" / "liaison.spec", cwd=work)
    bundle = DIST / f"Liaison-{version}"
    print(f"Built {bundle}: {folder_size(bundle) / 1e6:.0f} MB in {sum(1 for _ in bundle.rglob('*'))} files; "
          f"wheel {wheel.name}: {wheel.stat().st_size / 1e3:.0f} kB", flush=True)
    return bundle


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="smoke the frozen program once it is built")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="the throw-away work folder (default: build/ in the checkout); emptied first")
    args = parser.parse_args()
    bundle = build(args.work.resolve())
    if args.smoke:
        program = bundle / f"liaison-app{EXE}"
        return subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke.py"), str(program)]).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
