"""The briefing floors (services.briefing and liaison_app.printing) work with Qt blocked."""
from __future__ import annotations

import subprocess
import sys



def test_briefing_imports_and_renders_without_qt(tmp_path):
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from liaison_app.printing import render_pack_pdf, render_briefing_pdf, write_document\n"
        "import liaison_app.services.briefing, liaison_app.services.briefing_load, liaison_app.cli.briefs, liaison_app.printing.tables\n"
        "assert not any(m.startswith('PySide6.') for m in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
