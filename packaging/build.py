"""Build Liaison for distribution: a wheel and a PyInstaller folder, on Windows, macOS or Linux alike.

    python packaging/build.py [--smoke]

Run it with the Python the bundle should carry (3.12 or newer: the slim PySide6-Essentials +
PySide6-Pdf). It makes a throw-away virtual environment under build/, installs the wheel into it
(so the bundle holds exactly what pip installs), runs PyInstaller with packaging/liaison.spec, and
prints the folder's size. --smoke then runs packaging/smoke.py against the frozen `liaison-app`.
Output: dist/liaison-<version>-py3-none-any.whl and dist/Liaison-<version>/.
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
BUILD, DIST = ROOT / "build", ROOT / "dist"
EXE = ".exe" if os.name == "nt" else ""


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts" if os.name == "nt" else "bin") / f"python{EXE}"


def run(*args, **kw) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, **kw)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build() -> Path:
    if sys.version_info < (3, 12):
        print(f"warning: building on Python {sys.version.split()[0]}; ship from 3.12+ (slim Qt, see README)",
              file=sys.stderr)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    shutil.rmtree(BUILD, ignore_errors=True)
    shutil.rmtree(DIST, ignore_errors=True)
    env_dir = BUILD / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = venv_python(env_dir)
    pip = [python, "-m", "pip", "--disable-pip-version-check", "install", "--quiet"]
    run(*pip, "--upgrade", "pip", "setuptools", "wheel")
    run(python, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", DIST, ROOT)
    wheel = next(DIST.glob(f"liaison-{version}-*.whl"))
    run(*pip, wheel, "pyinstaller>=6.10")
    # From BUILD, not ROOT, so the analysis finds liaison_app in the venv, never in the source folder.
    run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN", "--distpath", DIST,
        "--workpath", BUILD / "pyinstaller", ROOT / "packaging" / "liaison.spec", cwd=BUILD)
    bundle = DIST / f"Liaison-{version}"
    print(f"Built {bundle}: {folder_size(bundle) / 1e6:.0f} MB in {sum(1 for _ in bundle.rglob('*'))} files; "
          f"wheel {wheel.name}: {wheel.stat().st_size / 1e3:.0f} kB", flush=True)
    return bundle


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="smoke the frozen program once it is built")
    args = parser.parse_args()
    bundle = build()
    if args.smoke:
        program = bundle / f"liaison-app{EXE}"
        return subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke.py"), str(program)]).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
