"""Step 5: writing the PDF. A file is written whole or not at all, through the one atomic writer
(liaison_app.outputs): the document is built in a temporary file beside the target, fsynced, then
moved into place; on any error (or a cancelled pack) the temporary file is removed and the target
is left as it was."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from reportlab.platypus import Flowable

from liaison_app.domain.briefing import Briefing, BuildCancelled, Pack, ProgressCallback
from liaison_app.outputs import atomic_write
from liaison_app.printing.story import forget_parsed, pack_story, single_story
from liaison_app.printing.templates import NumberedCanvas, make_doc


def _write_atomically(path: str | os.PathLike, build: Callable[[str], None]) -> Path:
    return atomic_write(path, lambda tmp: build(str(tmp)))


def _build(tmp: str, story: list[Flowable], **meta: str) -> None:
    doc = make_doc(tmp, **meta)
    try:
        doc.build(story, canvasmaker=NumberedCanvas)
    finally:
        forget_parsed()


def render_briefing_pdf(briefing: Briefing, path: str | os.PathLike) -> Path:
    """One job's briefing as a PDF at `path`."""
    return _write_atomically(path, lambda tmp: _build(
        tmp, single_story(briefing), title=f"Contractor briefing — job {briefing.job_ref}",
        subject=f"Job {briefing.job_ref}", author=briefing.landlord_name or "Liaison", keywords=briefing.job_ref))


def render_pack_pdf(pack: Pack, path: str | os.PathLike, progress: ProgressCallback | None = None) -> Path:
    """A contractor's day pack as a PDF at `path`. `progress(done, total)` is called as each briefing
    starts and once at the end; returning False cancels (BuildCancelled; no file is left)."""
    refs = ", ".join(b.job_ref for b in pack.briefings)
    total = len(pack.briefings)

    def build(tmp: str) -> None:
        _build(tmp, pack_story(pack, progress), title=f"Contractor day pack — {pack.contractor} — {pack.day}",
               subject=f"Jobs {refs}", author=pack.landlord_name or "Liaison", keywords=refs)
        if progress is not None and not progress(total, total):
            raise BuildCancelled("The pack was cancelled.")

    return _write_atomically(path, build)
