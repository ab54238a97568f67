""""You said, we did": what tenants told the landlord about contractors' conduct and what was done, fit to publish.

For each code-of-conduct point, per contractor and for all contractors: how many tenants raised it (and how
often), a few short anonymised quotes (services/feedback_text.py: no names, addresses, phone numbers,
e-mail addresses or references) and what was done (the action recorded on the feedback, anonymised too).
Feedback an officer recorded raises its point; a text-message survey answer (`import feedback`) raises its
point when it scored 1 to 3, and every survey answer counts in the average score. Returned sign-off slips add
"ID shown on N of M visits". The rows behind it are the CSV; printing/you_said.py lays out the one-page PDF.
The rules are written down in docs/FEEDBACK.md.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlmodel import Session, select

from liaison_app.domain import (
    ConductFeedback,
    Contractor,
    Home,
    Job,
    Officer,
    Operative,
    SignOff,
    Tenant,
)
from liaison_app.domain.text import uk_date
from liaison_app.domain.validation import ValidationError, parse_date
from liaison_app.domain.you_said import (
    ALL_CONTRACTORS,
    PointSaid,
    ScopeSaid,
    YouSaidSummary,
)
from liaison_app.services.catalogues import conduct_points
from liaison_app.services.conduct import list_feedback
from liaison_app.services.feedback_text import Known, anonymise
from liaison_app.services.settings import get_setting
from liaison_app.store import Store

KEPT_QUOTES = 5  # quotes (and actions) kept per point; the rest are counted ("and 3 more")
TRIED_QUOTES = 4 * KEPT_QUOTES
RAISING_SCORE = 3  # a survey answer scoring this or less raises its point
HEADERS = ["Contractor", "Code-of-conduct point", "Tenants who raised it", "Times raised", "You said", "We did"]
SURVEY_POINT = "Text-message survey"
SIGNOFF_POINT = "Returned sign-off slips"


def raises_point(feedback: ConductFeedback) -> bool:
    """Whether a piece of feedback counts against its point: an officer's record always, a survey answer when
    it named a point and scored RAISING_SCORE or less."""
    if not feedback.point:
        return False
    return feedback.score is None or feedback.score <= RAISING_SCORE


class _Redactor:
    """Quotes made publishable with what the store knows: every officer and operative name, and per feedback
    its tenant's names, home address, doorstep password and tenancy reference, and its job reference."""

    def __init__(self, session: Session):
        self.session = session
        people = [o.display_name for o in session.exec(select(Officer))]
        people += [o.name for o in session.exec(select(Operative))]
        self.people = frozenset(p for p in people if p)
        self._known: dict[tuple, Known] = {}
        self._quotes: dict[tuple, str] = {}

    def quote(self, feedback: ConductFeedback, raw: str) -> str:
        """`raw` (the feedback's words or action) anonymised, once per job, tenant and text."""
        key = (feedback.job_id, feedback.tenant_id)
        if key not in self._known:
            self._known[key] = self._look_up(*key)
        if (key, raw) not in self._quotes:
            self._quotes[(key, raw)] = anonymise(raw, self._known[key])
        return self._quotes[(key, raw)]

    def _look_up(self, job_id: str | None, tenant_id: str | None) -> Known:
        job = self.session.get(Job, job_id) if job_id else None
        tenant = self.session.get(Tenant, tenant_id or (job.tenant_id if job else None) or "")
        names, addresses, secrets = set(self.people), set(), set()
        if job:
            secrets.add(job.job_ref)
            names.add(job.complainant_name)
            secrets.add(job.complainant_phone)
        if tenant:
            names |= {tenant.first_name, tenant.last_name, tenant.preferred_name}
            secrets |= {tenant.tenancy_ref, getattr(tenant, "doorstep_password", "")}
            home = self.session.get(Home, tenant.home_id) if tenant.home_id else None
            if home:
                addresses |= {home.address_line1, home.address_line2, home.town}
                secrets.add(home.postcode)
        return Known(frozenset(n for n in names if n), frozenset(a for a in addresses if a),
                     frozenset(s for s in secrets if s))


def _kept(items: list[ConductFeedback], text_of, redact: _Redactor) -> tuple[tuple[str, ...], int]:
    """The first KEPT_QUOTES different texts, anonymised, and how many more different texts there are. Only
    what is kept is anonymised (a busy period has thousands of comments), trying at most TRIED_QUOTES texts
    (texts that differ only in what anonymising removes become one quote)."""
    distinct = dict.fromkeys((text_of(f) or "").strip() for f in items)
    distinct.pop("", None)
    by_text = {(text_of(f) or "").strip(): f for f in reversed(items)}  # the newest item of each text
    kept: dict[str, None] = {}
    used = 0
    for raw in distinct:
        if len(kept) == KEPT_QUOTES or used == TRIED_QUOTES:
            break
        used += 1
        kept[redact.quote(by_text[raw], raw)] = None
    return tuple(kept), len(distinct) - used


def _point(code: str, items: list[ConductFeedback], redact: _Redactor) -> PointSaid:
    tenants = {f.tenant_id or f.id for f in items}
    quotes, more_quotes = _kept(items, lambda f: f.what_was_said, redact)
    actions, more_actions = _kept(items, lambda f: f.action_taken, redact)
    return PointSaid(code, conduct_points().label(code), len(tenants), len(items), quotes, more_quotes,
                     actions, more_actions)


def _scope(name: str, feedback: list[ConductFeedback], slips: list[SignOff], redact: _Redactor) -> ScopeSaid:
    by_point: dict[str, list[ConductFeedback]] = defaultdict(list)
    for f in feedback:
        if raises_point(f):
            by_point[f.point].append(f)
    points = tuple(_point(code, by_point.get(code, []), redact) for code in conduct_points().codes())
    scores = [f.score for f in feedback if f.score is not None]
    average = round(sum(scores) / len(scores), 1) if scores else None
    return ScopeSaid(name, points, len(scores), average, len(slips), sum(1 for s in slips if s.id_shown))


def _slips(session: Session, start: date, end: date) -> list[tuple[SignOff, str]]:
    query = select(SignOff, Job.contractor_id).join(Job, Job.id == SignOff.job_id).where(
        SignOff.returned_on >= start, SignOff.returned_on <= end)
    return list(session.exec(query))


def _period(date_from: date | str, date_to: date | str) -> tuple[date, date]:
    start = parse_date(date_from, required=True)
    end = parse_date(date_to, required=True)
    if end < start:
        raise ValidationError("The end date is before the start date.", field="date_to")
    return start, end


def _contractor_id(session: Session, name: str) -> str:
    for contractor in session.exec(select(Contractor)):
        if contractor.name.casefold() == name.strip().casefold():
            return contractor.id
    raise ValidationError(f"No contractor called {name.strip()}.", field="contractor")


def you_said_summary(store: Store, date_from: date | str, date_to: date | str,
                     contractor: str | None = None) -> YouSaidSummary:
    """The summary for feedback received and slips returned between two dates (inclusive), for every
    contractor or the one named."""
    start, end = _period(date_from, date_to)
    feedback = list_feedback(store, date_from=start, date_to=end)
    with store.read() as session:
        only = _contractor_id(session, contractor) if contractor and contractor.strip() else None
        slips = [(s, cid) for s, cid in _slips(session, start, end) if only in (None, cid)]
        feedback = [f for f in feedback if only in (None, f.contractor_id)]
        ids = {f.contractor_id for f in feedback} | {cid for _, cid in slips} | ({only} if only else set())
        names = {cid: session.get(Contractor, cid).name for cid in ids}
        redact = _Redactor(session)
        overall = _scope(names[only] if only else ALL_CONTRACTORS, feedback, [s for s, _ in slips], redact)
        scopes = tuple(_scope(names[cid], [f for f in feedback if f.contractor_id == cid],
                              [s for s, c in slips if c == cid], redact)
                       for cid in sorted(ids, key=lambda c: names[c].casefold()))
    return YouSaidSummary(get_setting(store, "landlord_name"), f"{uk_date(start)} to {uk_date(end)}",
                          f"Produced {uk_date(date.today())}.", overall, () if only else scopes,
                          names[only] if only else "")


def _more(texts: tuple[str, ...], more: int) -> str:
    lines = [f"“{t}”" for t in texts] if texts else []
    return "\n".join(lines + ([f"and {more} more"] if more else []))


def _actions(texts: tuple[str, ...], more: int) -> str:
    return "\n".join(list(texts) + ([f"and {more} more"] if more else []))


def scope_rows(scope: ScopeSaid) -> list[list[str]]:
    """The CSV rows of one contractor (or all): a row per point raised, the survey and the sign-offs."""
    rows = [[scope.contractor, p.label, str(p.tenants), str(p.raised), _more(p.quotes, p.more_quotes),
             _actions(p.actions, p.more_actions)] for p in scope.points if p.raised]
    if scope.survey_answers:
        rows.append([scope.contractor, SURVEY_POINT, "", str(scope.survey_answers), scope.score_line(), ""])
    if scope.slips:
        rows.append([scope.contractor, SIGNOFF_POINT, "", str(scope.slips), scope.id_line(), ""])
    return rows


def summary_rows(summary: YouSaidSummary) -> list[list[str]]:
    """Every row of the CSV: all contractors (or the one asked for) first, then each contractor."""
    rows = scope_rows(summary.overall)
    for scope in summary.contractors:
        rows += scope_rows(scope)
    return rows


def summary_description(summary: YouSaidSummary) -> str:
    who = summary.contractor_filter or "every contractor"
    return (f"What tenants said about the conduct of {who}, {summary.period}, per code-of-conduct point, and what "
            "was done. Quotes are shortened, with names, addresses, phone numbers and references removed.")
