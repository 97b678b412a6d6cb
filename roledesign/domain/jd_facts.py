"""What a job description says about the post, to pre-fill a new role plan.

Only what the text states plainly is taken: a labelled line ("Band: 4", "Reports to: Team
manager"), a band or hours figure, or setting words such as "inpatient" or "CAMHS". Anything
unclear is left blank for the manager to fill in. Pure functions over plain text.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from roledesign.domain.jd_text import clean_newlines, normalise

TEXT_LIMIT = 120  # the plan form's limit for title, team and line manager
BANDS = ("2", "3", "4", "5", "6", "7", "8a")
NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

_LABEL = r"^[ \t]*(?:{labels})[ \t]*[:\-–][ \t]*(?P<value>\S.*?)[ \t]*$"
_TITLE_LINE = re.compile(
    _LABEL.format(labels="job title|post title|post|title|role|position"), re.I | re.M
)
_TEAM_LINE = re.compile(
    _LABEL.format(labels="team|service|department|directorate|ward|unit"), re.I | re.M
)
_BASE_LINE = re.compile(_LABEL.format(labels="base|location"), re.I | re.M)
_TEAM_WORDS = re.compile(r"\b(?:team|service|ward|unit|hub|college|centre|cafe|café)\b", re.I)
_MANAGER = re.compile(
    r"(?:reports? to|reporting to|line manager|accountable to|responsible to|line managed by"
    r"|managed by)[ \t]*:?[ \t]*(?:the |our |a )?(?P<value>[^\n.;,(]+?)"
    r"(?=\s+and\s+(?:receive|will|you|have|be|get|attend|meet)\b|[\n.;,(]|$)",
    re.I,
)
_BAND = re.compile(r"\b(?:band|grade)[ \t]*:?[ \t]*(?P<band>[2-7]|8a)\b(?![.\d])", re.I)
_HOURS = (
    re.compile(
        r"(?P<n>\d{1,2}(?:\.\d)?)[ \t]*(?:hours|hrs|hour)[ \t]+(?:per|a|each)[ \t]+week", re.I
    ),
    re.compile(r"\bhours(?:[ \t]+per[ \t]+week)?[ \t]*:[ \t]*(?P<n>\d{1,2}(?:\.\d)?)\b", re.I),
    re.compile(
        r"(?P<n>\d{1,2}(?:\.\d)?)[ \t]*(?:hours|hrs)\b(?![ \t]+(?:a|per|each)[ \t]+day)", re.I
    ),
)
_FULL_TIME = re.compile(r"\bfull[ -]time\b", re.I)
_ROLE_WORDS = re.compile(
    r"\b(?:peer|worker|mentor|supporter|lead|trainer|broker|navigator|practitioner|advocate"
    r"|coordinator|specialist)\b",
    re.I,
)
_NOT_A_TITLE = re.compile(r"^(?:job description|person specification|job advert|advert)\b", re.I)
# Settings from checklists/context.yaml, most specific first: a forensic or CAMHS post often
# mentions wards or the community too.
_SETTINGS = (
    ("forensic", r"forensic|medium secure|low secure|high secure|secure (?:unit|setting|service)"),
    ("camhs", r"camhs|children and young people|child and adolescent"),
    ("early_intervention", r"early intervention|eip|first episode"),
    ("crisis", r"crisis (?:team|cafe|house|service|resolution|line)|home treatment"),
    ("inpatient", r"inpatient|acute wards?|wards?|admission unit"),
    ("community", r"community mental health|cmht|community (?:team|recovery team|services)"),
)
_VOLUNTARY = re.compile(r"\b(?:unpaid|voluntary role|volunteer)\b", re.I)
_PAID = re.compile(r"£|\bsalary\b|\bband\b|\bper annum\b|\bpro rata\b|\bper hour\b", re.I)
_PEERS = (
    (re.compile(r"\bone of (?P<n>\w+)\b"), 0),
    (re.compile(r"\b(?P<n>\w+) other (?:\w+ ){0,3}?peer"), 1),
    (re.compile(r"\bteam of (?P<n>\w+) peer"), 0),
    (re.compile(r"\b(?P<n>\w+) peer (?:support )?(?:workers|mentors|navigators|trainers)"), 0),
)


@dataclass(frozen=True)
class PostFacts:
    title: str = ""
    team: str = ""
    setting: str = ""  # a value of checklists/context.yaml's setting, or ""
    employment: str = ""  # "paid", "voluntary" or ""
    band: str = ""  # "2".."7", "8a" or ""
    hours: Decimal | None = None
    peer_workers: int | None = None
    line_manager: str = ""

    def as_plan_args(self) -> dict[str, str]:
        """The facts that were found, as query-string values for the plan form."""
        values = {
            "title": self.title,
            "team": self.team,
            "setting": self.setting,
            "employment": self.employment,
            "band": self.band,
            "hours": "" if self.hours is None else f"{self.hours:f}",
            "peer_workers": "" if self.peer_workers is None else str(self.peer_workers),
            "line_manager": self.line_manager,
        }
        return {key: value for key, value in values.items() if value}


def _short(value: str) -> str:
    value = " ".join(value.split()).strip(" -–|,.;:")
    return value if 0 < len(value) <= TEXT_LIMIT else ""


def _title(text: str) -> str:
    labelled = _TITLE_LINE.search(text)
    if labelled:
        return _short(re.split(r"\s+\(formerly", labelled.group("value"), flags=re.I)[0])
    for line in text.split("\n"):
        line = line.strip()
        if not line or _NOT_A_TITLE.match(line):
            continue
        # The first real line, up to a separator: "Peer Support Worker – Early Intervention".
        first = re.split(r"\s[-–—|]\s|,\s", line)[0]
        if len(first.split()) <= 8 and _ROLE_WORDS.search(first):
            return _short(first)
        return ""
    return ""


def _team(text: str, title: str) -> str:
    """A labelled team line; else the line after the title if it names a team or service."""
    labelled = _TEAM_LINE.search(text)
    if labelled:
        return _short(labelled.group("value"))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for n, line in enumerate(lines[:3]):
        if title and line.startswith(title) and n + 1 < len(lines):
            # "Band 4 | 37.5 hours | Ashdown Unit": the part that names a place.
            parts = [p for p in re.split(r"\s[|]\s", lines[n + 1]) if _TEAM_WORDS.search(p)]
            if parts and ":" not in parts[-1] and len(parts[-1].split()) <= 12:
                return _short(parts[-1])
            break
    base = _BASE_LINE.search(text)
    return _short(re.split(r",\s+with\b", base.group("value"))[0]) if base else ""


def _hours(text: str) -> Decimal | None:
    """Hours per week: stated as such, else 37.5 for a full-time post, else any 'N hours'."""
    *weekly, loose = _HOURS
    for pattern in (*weekly, _FULL_TIME, loose):
        for match in pattern.finditer(text):
            if pattern is _FULL_TIME:
                return Decimal("37.5")
            try:
                hours = Decimal(match.group("n"))
            except InvalidOperation:  # pragma: no cover - the pattern only matches numbers
                continue
            if 1 <= hours <= 48:
                return hours
    return None


def _setting(norm: str) -> str:
    for value, words in _SETTINGS:
        if re.search(rf"(?<![a-z0-9])(?:{words})(?![a-z0-9])", norm):
            return value
    return ""


def _peer_workers(norm: str) -> int | None:
    for pattern, extra in _PEERS:
        match = pattern.search(norm)
        if match:
            word = match.group("n")
            number = NUMBERS.get(word) or (int(word) if word.isdigit() else None)
            if number and 1 <= number + extra <= 50:
                return number + extra
    return None


def extract_facts(text: str) -> PostFacts:
    """Title, team, setting, employment, band, hours, peer workers and line manager, where the
    text states them plainly; blank where it does not."""
    text = clean_newlines(text)
    norm = normalise(text)
    band = _BAND.search(text)
    title = _title(text)
    manager = _MANAGER.search(text)
    if _VOLUNTARY.search(text):
        employment = "voluntary"
    elif _PAID.search(text):
        employment = "paid"
    else:
        employment = ""
    return PostFacts(
        title=title,
        team=_team(text, title),
        setting=_setting(norm),
        employment=employment,
        band=band.group("band").lower() if band and employment != "voluntary" else "",
        hours=_hours(text),
        peer_workers=_peer_workers(norm),
        line_manager=_short(manager.group("value")) if manager else "",
    )
