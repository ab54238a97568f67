#!/usr/bin/env bash
# Build Liaison for distribution: a wheel (dist/*.whl) and a PyInstaller folder (dist/Liaison-<version>/).
# Run from anywhere; uses a throw-away virtual environment under build/.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
rm -rf build/venv dist
"$PYTHON" -m venv build/venv
build/venv/bin/pip install --quiet --upgrade pip build pyinstaller
build/venv/bin/python -m build --wheel --outdir dist .
build/venv/bin/pip install --quiet dist/*.whl
build/venv/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/liaison.spec
echo "Built: $(ls -d dist/*)"
