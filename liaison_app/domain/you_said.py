""""You said, we did": what tenants told the landlord about contractors' conduct, per code-of-conduct point,
beside what was done — the plain data its one-page PDF and its CSV are made from.

Fit to publish: it holds counts, catalogue labels, contractor names and quotes that services have already
shortened and stripped of names, addresses, phone numbers, e-mail addresses and references
(services/feedback_text.py). Nothing here is a tenant's, an operative's or an officer's personal data.
"""
from __future__ import annotations

from dataclasses import dataclass

ALL_CONTRACTORS = "All contractors"


@dataclass(frozen=True)
class PointSaid:
    """One code-of-conduct point: how often and by how many tenants it was raised, a few anonymised quotes
    (`more_quotes` left out), and what was done (`more_actions` left out)."""

    code: str
    label: str
    tenants: int
    raised: int
    quotes: tuple[str, ...] = ()
    more_quotes: int = 0
    actions: tuple[str, ...] = ()
    more_actions: int = 0


@dataclass(frozen=True)
class ScopeSaid:
    """Every point for one contractor (or ALL_CONTRACTORS), with the survey answers and returned sign-offs."""

    contractor: str
    points: tuple[PointSaid, ...]
    survey_answers: int = 0
    average_score: float | None = None
    slips: int = 0  # returned sign-off slips (visits) in the period
    id_shown: int = 0  # of which the operative showed ID

    @property
    def raised(self) -> int:
        return sum(p.raised for p in self.points)

    def id_line(self) -> str:
        """"ID shown on N of M visits" (from returned sign-off slips), or "" when none came back."""
        return f"ID shown on {self.id_shown} of {self.slips} visit{'' if self.slips == 1 else 's'}" \
            if self.slips else ""

    def score_line(self) -> str:
        if not self.survey_answers or self.average_score is None:
            return ""
        answers = f"{self.survey_answers} text-message answer{'' if self.survey_answers == 1 else 's'}"
        return f"average score {self.average_score:.1f} of 5 from {answers}"


@dataclass(frozen=True)
class YouSaidSummary:
    """The whole summary: the period, the overall figures and each contractor's."""

    landlord: str
    period: str  # "1 Oct 2026 to 31 Oct 2026"
    produced: str  # "Produced 29 Nov 2026."
    overall: ScopeSaid
    contractors: tuple[ScopeSaid, ...]
    contractor_filter: str = ""  # the one contractor asked for, or ""
