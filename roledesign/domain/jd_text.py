"""Reading a job description: sentences, their normalised form, clauses, negation and criteria.

Pure functions over plain text; docs/jd_check.md explains the rules for managers.

1. **Lines.** A line break ends a sentence, except where a line was only wrapped (it has no
   closing punctuation and the next line starts in lower case). Each bullet (``-``, ``•``,
   ``1.``, ``a)`` …) is a sentence of its own.
2. **Sentences.** Within a line, a sentence ends at ``.``, ``!`` or ``?`` followed by a capital
   letter or a digit, except after abbreviations such as "e.g." or an initial.
3. **Normalised form.** Lower case, accents and apostrophes dropped ("arm's" → "arms"), other
   punctuation a space, "&" read as "and". Semicolons, dashes between words, table cells and
   words that start a new clause ("but", "however", "although", "whereas", "while", "and you
   will" …) become a clause mark ``|``. Patterns match whole words and never cross a clause mark.
4. **Negation.** A match is negated when, in the same clause, a negating word comes up to
   fifteen words before it ("not", "never", "no", "without", "rather than", "instead of",
   "excluding", "except" …), a word about reducing something up to four words before it
   ("reduce the use of restraint"), or a negating phrase up to eight words after
   it ("… are not part of this role"; for drift also "… carried out by the nursing team"); or when its
   sentence is in a list introduced by a negating lead-in ("What this role does not include:").
   For drift, also help to reach one's own care right before it ("support patients to attend
   their health checks") and a clause that opens with other staff as its subject ("although
   the team carries out assessments").
5. **Criteria.** Whether a match is an essential or desirable criterion is decided by the
   nearest cue before it in its sentence ("Essential:", "must", "desirable", "would be an
   advantage", a table cell "E" or "D"), else the nearest cue after it, else the heading the
   sentence sits under ("Essential", "Desirable criteria").
"""

import re
from dataclasses import dataclass

from roledesign.catalog.jd_patterns import fold
from roledesign.domain.jd_structure import (
    RUNS_ON,
    heading_section,
    is_detail_line,
    row_cells,
    table_header,
)

PRE_WINDOW = 15  # words between a negating word and the match it negates
POST_WINDOW = 8  # words between a match and a negating phrase after it
ATTRIBUTION_WINDOW = 16  # words between a task and who else carries it out ("... are done by")
LEAD_IN_WORDS = 10  # a line this short, without closing punctuation, introduces what follows

_APOSTROPHE = re.compile(r"['’‘`´]")
_CLAUSE_PUNCT = re.compile(r"[;\t|]|\s[-–—]+\s|—")  # an unspaced en dash is a range: 2024–2027
_NON_WORD = re.compile(r"[^a-z0-9|]+")
_CLAUSE_WORDS = re.compile(
    r"(?<![a-z0-9])(?=(?:but|however|although|though|whereas|whilst|while)(?![a-z0-9]))"
    r"|(?<![a-z0-9])(?=and (?:you|they|we|will|must|should|may|can)(?![a-z0-9]))"
)
_MARKS = re.compile(r"(?:\s*\|\s*)+")
# A clause that opens the sentence ends at its first comma (not one in brackets): "While you will
# not restrain anyone, you will support people afterwards" has two clauses.
_OPENING_CLAUSE = re.compile(
    r"^(\W*(?:while|whilst|although|though|whereas|if|when|unless|because|since|once|as long as"
    r"|where|apart from|other than|except)\b[^,;(]*(?:\([^)]*\)[^,;(]*)*"
    # a list in the clause keeps it going: "While the nurses hold observation levels,
    # medication and physical health monitoring, the peer worker ..."
    r"(?:,(?= (?:[a-z0-9]+ ){0,2}(?:and|or) )[^,;(]*)*),"
)
# A comma before a new subject and its verb starts a clause: "..., you will ...".
_SUBJECT_CLAUSE = re.compile(
    r",\s+(?=(?:and |but |so )?(?:(?:you|youll|you will|they|we|our team|the team"
    r"|the post ?holder|the peer worker|peer workers|this role|the role|this post|the nurses?"
    r"|the (?:support|care|night|duty|nursing|medical|clinical) (?:workers?|staff|team))"
    r" (?:will|would|must|may|can|could|should|are|is|do|does|have|has|need)?\b"
    # "staff" needs its verb: in "..., staff reception or cover" it is one more item
    r"|staff (?:will|would|must|may|can|could|should|are|do|have|need)\b))"
)

_BULLET = re.compile(r"[ \t]*(?:[-*•·▪◦●○■□➢►✓✔]|\(?\d{1,2}[.)]|\(?[a-z][.)]|o(?=[ \t]))[ \t]+")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]*[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    ("e.g", "eg", "i.e", "ie", "etc", "dr", "mr", "mrs", "ms", "no", "nos", "st", "approx")
    + ("incl", "inc", "vs", "cf", "nb", "ltd", "co", "dept", "tel", "ext", "hrs", "wk", "p.a", "pa")
    + ("min", "max", "yrs", "mths", "wte")
)

_WORD_CUE_END = r"(?![a-z0-9])"
# "Outside the remit of the role" puts a task out of the role; "remain outside the door" is a
# place. Our reading.
_OUTSIDE = (
    r"outside (?:the|this|your|of)(?! (?:door|doors|room|rooms|ward|wards|building|office|unit"
    r"|house|home|hospital|clinic|suite|bay|bedroom|area|gate|entrance|perimeter|airlock|cell|cells"
    r"|seclusion)(?![a-z0-9]))"
)
NEGATION_BEFORE = re.compile(
    r"(?<![a-z0-9])(?:(?<!or )not(?! only| just| limited| necessarily| exhaustive| an exhaustive)|never"
    r"|no(?! more| less| later| fewer| longer than| matter)|nobody|no one|nor|neither|without"
    r"|rather than|instead of|exclud[a-z]*|except(?! when| if| during| where| in)|other than|apart from|cannot|cant|wont|dont"
    r"|doesnt|isnt|arent|shouldnt|mustnt|neednt|free from|" + _OUTSIDE + ")" + _WORD_CUE_END
)
# Working to reduce something is not doing it, but only when the cue governs the match directly:
# "reduce the use of restraint" is not drift; "the prevention and management of violence and
# aggression, including physical restraint" is.
REDUCTION_BEFORE = re.compile(
    r"(?<![a-z0-9])(?:reduc[a-z]*|minimi[sz][a-z]*|prevent[a-z]*|avoid[a-z]*|alternatives? to"
    r"|less|fewer)" + _WORD_CUE_END
)
REDUCTION_WINDOW = 4
# Support after an event is not taking part in it ("support patients before and after
# restrictive interventions", "a debrief following restraint"): only right before the match,
# so "following handover, carry out observations" is still drift. Our inference.
AFTERMATH_BEFORE = re.compile(
    r"(?<![a-z0-9])(?:after|following|debrief[a-z]*|in the aftermath of|ahead of|in advance of"
    r"|prior to|on (?:their )?return from|on returning from)" + _WORD_CUE_END
)
# For drift only, supporting people something happened to is not doing it ("people who have
# been restrained"), nor is teaching about it ("training for staff about restrictive
# practice"): only right before the match. Our inference.
TOPIC_BEFORE = re.compile(
    r"(?<![a-z0-9])(?:who (?:have|has|had) been|who (?:were|was)"
    r"|(?:training|teaching|sessions?|talks?|workshops?|courses?)(?: [a-z0-9]+){0,3} about"
    r"|understand (?:how|what|why)|(?:more|less|most|least) likely to be)" + _WORD_CUE_END
)
AFTERMATH_WINDOW = 2
# Helping someone to reach their own care is not giving it: "support patients to attend their
# physical health checks". Only right before the match. Our inference.
SUPPORTED_BEFORE = re.compile(
    r"(?<![a-z0-9])(?:support|help|enabl|encourag|assist)[a-z]*(?: [a-z0-9]+){0,3} to"
    r" (?:attend|access|book|get to|go to|take up|arrange|prepare for)"
    r"(?: (?:their|his|her|your))?(?: own)?" + _WORD_CUE_END  # "to attend their own annual ..."
)
SUPPORTED_WINDOW = 2
# Taking someone to their care is not giving it either: "the escorting of patients to the
# general hospital for [bloods] and ECGs". Only right before the match. Our inference.
ESCORTED_BEFORE = re.compile(
    r"(?<![a-z0-9])(?:(?:escort|accompan|transport)[a-z]*(?: [a-z0-9]+){0,10} (?:for|to have)"
    # "taking tenants to their [depot clinic] appointments"
    r"|(?:take|takes|taking|drive|drives|driving) (?:[a-z]+ )?"
    r"(?:patients?|people|residents?|tenants?|clients?|guests?|service users?|them|him|her)"
    r" to (?:their|his|her))"
    r"(?: [a-z0-9]+){0,5} $"  # a list between: "for their blood tests and [ECGs]"
)
# ... but not a phrase of its own: "for scans[, as directed by the nurse]"
_NEW_PHRASE = re.compile(r"(?:as|when|if|where|whenever|by|and then)(?![a-z0-9])")
# Whose absence is the condition of a task is not the task: "hourly room checks when the night
# [concierge] is on leave" (but covering the concierge's desk is). Our inference.
ABSENT_OWNER_BEFORE = re.compile(
    r"(?<![a-z0-9])(?:when|whenever|if|while|whilst|whose)(?: [a-z0-9]+){0,4} $"
)
ABSENT_AFTER = re.compile(
    r"(?: [a-z0-9]+){0,3} (?:is|are) (?:on (?:annual )?leave|off sick|sick|absent|away"
    r"|unavailable|not available|not in|off|on (?:a )?break|busy|tied up)(?![a-z0-9])"
)
# A clause whose subject is other staff describes their work, not the peer worker's: "although
# the team carries out mental health assessments, you will not take part", "the nursing team
# carries out all observations and physical health checks". Only for drift, only when the
# subject opens the clause, and not when the peer worker is named before the match ("the nurses
# will ask you to ..."). Our inference.
_STAFF_WORDS = (
    r"(?:(?:the|our|ward|team|other|medical|nursing|clinical|support|care|night|duty|nurse|liaison|depot"
    r"|teams|prison|healthcare|health|police|custody|probation|security|social|crisis|community"
    r"|senior|and) )*"
    r"(?:team|nurses?|nursing staff|nursing team|clinicians?|clinical staff|clinical"
    r" team|doctors?|registered staff|qualified staff|security team|other staff|staff|ward|unit"
    r"|hospital|service|trust|clinics?|support workers?|care workers?|prescribers?|psychiatrists?"
    r"|practitioners?|liaison practitioners"
    r"|psychologists?|therapists?|pharmacists?|hcas|healthcare assistants|care coordinators"
    r"|keyworkers|key workers|officers|paramedics?|crew)"
)
_STAFF = (
    r"^(?:(?:and|but|so|although|though|while|whilst|whereas|where|as|because|since) )?"
    + _STAFF_WORDS
    # "prison officers and healthcare staff", "the medical and nursing staff"
    + rf"(?: and {_STAFF_WORDS})?"
    + r"(?: (?:in|on|of) (?:the |this |our )?(?:team|ward|unit|shift|duty|house))?"
)
_STAFF_MODAL = r" (?:will|would|may|can|usually|always|also|normally|still|only)"
# The clause up to the end of the match: "the team carries out [mental health assessments]".
STAFF_SUBJECT = re.compile(
    _STAFF + f"(?:{_STAFF_MODAL})?"
    r" (?:carr(?:y|ies) out|do|does|undertakes?|handles?|manages?|takes?|gives?|provides?"
    r"|uses?|covers?|(?:is|are|remains?|stays?) (?:responsible|accountable) for|completes?"
    r"|leads?|holds?|keeps?|looks? after|oversees?|runs?|helps?|supports?|assists?)(?![a-z0-9])"
)
# The clause before the match: "the team will [cover your work when you are on leave]".
STAFF_SUBJECT_MODAL = re.compile(_STAFF + _STAFF_MODAL + "$")
PEER_NAMED = re.compile(r"(?<![a-z0-9])(?:you|your|peer|postholder|post holder)(?![a-z0-9])")
NEGATION_AFTER = re.compile(
    r"(?<![a-z0-9])(?:(?<!or )not(?! only| just| limited| leave| go| have| attend| use| take| get)"
    r"|never|exclud[a-z]*"
    r"|(?<!from )" + _OUTSIDE + "|no longer)" + _WORD_CUE_END
)
# A task someone else does is not the peer worker's task: "restraint remains the responsibility
# of the nursing team" (but "and remain with them until handover" is the peer worker staying).
# Only for drift: "a team of three peer workers, managed by the lead" still has peer colleagues.
ATTRIBUTION_AFTER = re.compile(
    r"(?<![a-z0-9])(?:(?:remains?|stays?) with(?! (?:them|him|her|the person|people|you))"
    r"|remains? the"
    r"|responsibility of"
    r"|(?:carried out|done|undertaken|completed|covered|managed|handled|given|administered)"
    r" by(?! you| the post ?holder| the peer| peer| yourself)"
    r"|belongs? to|left to|for (?:qualified|registered|nursing|ward|clinical|other) "
    r"(?:staff|colleagues|nurses|members|professionals))" + _WORD_CUE_END
)
_LEAD_IN_NEGATION = re.compile(r"(?<![a-z0-9])(?:exclusions?|out of scope|outside)" + _WORD_CUE_END)
ESSENTIAL_CUES = re.compile(
    r"(?<![a-z0-9])(?:essential|must|(?<!as )(?<!if )(?<!when )(?<!where )(?<!may be )required"
    r"|requirement"
    r"|necessary|you will have|youll have"
    r"|you will need|youll need|you need|we are looking for|were looking for"
    r"|applicants should have|you should have)" + _WORD_CUE_END + r"|\| e(?= \||$)"
)
DESIRABLE_CUES = re.compile(
    r"(?<![a-z0-9])(?:desirable|an advantage|advantageous|would be (?:helpful|useful|welcome"
    r"|beneficial|good|great|nice|lovely|an asset)|welcome|welcomed|preferred|preferable|ideally"
    r"|a bonus|(?:not|isnt|arent) (?:essential|required|necessary|needed)|no need|or professional)"
    + _WORD_CUE_END
    + r"|\| d(?= \||$)"
)


def normalise(text: str) -> str:
    """The form patterns are matched against: words, single spaces and clause marks '|'."""
    s = _APOSTROPHE.sub("", fold(text)).replace("&", " and ")
    s = _OPENING_CLAUSE.sub(r"\1 | ", s)
    s = _SUBJECT_CLAUSE.sub(" | ", s)
    s = _CLAUSE_PUNCT.sub(" | ", s)
    s = _NON_WORD.sub(" ", s)
    s = _CLAUSE_WORDS.sub("| ", s)
    s = _MARKS.sub(" | ", s)
    return " ".join(s.split()).strip(" |")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offsets into the (newline-normalised) text
    end: int
    text: str
    norm: str
    is_bullet: bool = False
    in_negated_list: bool = False  # under a lead-in such as "This role does not include:"
    heading_criterion: str | None = None  # "essential" / "desirable" from the heading above
    section: str | None = None  # the part of the document, see jd_structure.SECTIONS
    table_criterion: str | None = None  # from the column of a person-specification table
    is_heading: bool = False  # a heading that names a section, or a table's header row
    is_detail: bool = False  # a line of the post's details: "Team: ...", "Responsible to: ..."
    is_question: bool = False  # asks rather than states: "Who decides who you work with?"


@dataclass
class _Line:
    start: int
    end: int
    content_start: int
    is_bullet: bool
    is_blank: bool = False
    is_heading: bool = False
    is_detail: bool = False


_PIPE_CELLS = re.compile(r"\|")
_SPACED_CELLS = re.compile(r"(?<! ) (?=  +\S)")  # three or more spaces before text: a column gap


def as_cells(line: str) -> str:
    """A line of a table typed or pasted without tabs, with a tab between its cells.

    Two layouts are read as cells (our inference, from pasted adverts): cells divided by pipes
    ("Criteria | Essential | Desirable", at least two on the line), and columns laid out with
    three or more spaces, as text copied from a PDF arrives. The line keeps its length, so
    offsets into it still point into the text.
    """
    if line.count("|") >= 2:
        line = _PIPE_CELLS.sub("\t", line)
    if "   " in line:
        line = _SPACED_CELLS.sub("\t", line)
    return line


def clean_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _lines(text: str) -> list[_Line]:
    """Logical lines: wrapped lines joined, bullets recognised, blank lines kept as markers."""
    lines: list[_Line] = []
    offset = 0
    for raw in text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        stripped = raw.strip()
        if not stripped:
            lines.append(_Line(start, end, end, is_bullet=False, is_blank=True))
            continue
        bullet = _BULLET.match(raw)
        previous = lines[-1] if lines else None
        previous_text = text[previous.start : previous.end].rstrip() if previous else ""
        if (
            not bullet
            and previous is not None
            and not previous.is_blank
            and "\t" not in previous_text
            and previous_text[-1] not in ".!?:;"
            and (stripped[0].islower() or RUNS_ON.search(previous_text))
            and not (stripped[0].isupper() and _question_heading(lines, previous_text))
        ):
            previous.end = end  # a wrapped line: the sentence continues
            continue
        lead = len(raw) - len(raw.lstrip())
        content = start + (bullet.end() if bullet else lead)
        lines.append(_Line(start + lead, end, content, is_bullet=bool(bullet)))
    return lines


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within one logical line."""
    spans, begin = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        word = text[begin : match.start()].split()[-1:] or [""]
        token = word[0].lstrip("(\"'“‘").lower()
        if match.group()[0] == "." and (
            token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or "." in token
        ):
            continue  # "e.g. Close", "J. Smith", "p.a. Band"
        if match.group().startswith("...."):
            continue  # a dotted leader: "Care Certificate .......... Essential"
        stop = match.start() + len(match.group().rstrip())
        spans.append((begin, stop))
        begin = match.end()
    if text[begin:end].strip():
        spans.append((begin, len(text[:end].rstrip())))
    return spans


# A question asks, it gives no duty: "Who decides who you work with?", also as a heading
# without its question mark. Our reading.
_QUESTION = re.compile(r"^\W*(?:who|what|how|where|why|which)\s", re.I)


def _is_question(text: str) -> bool:
    return text.endswith("?") or bool(
        _QUESTION.match(text) and text[-1] not in ".!;:," and len(text.split()) <= LEAD_IN_WORDS
    )


def _question_heading(lines: list[_Line], previous_text: str) -> bool:
    """Whether the last line, a paragraph of one line so far, is a question heading: the
    next line does not continue it."""
    before = lines[-2] if len(lines) > 1 else None
    return (before is None or before.is_blank) and _is_question(previous_text.strip())


def _is_lead_in(line_text: str) -> bool:
    stripped = line_text.rstrip()
    if not stripped:  # a line of table rules, as in an organisation chart drawn with pipes
        return False
    if stripped.endswith(":"):
        return True
    if stripped.endswith("?"):  # "What's not in the job?" heads a list; "Why not apply?" does not
        return heading_section(stripped) is not None
    return len(stripped.split()) <= LEAD_IN_WORDS and stripped[-1] not in ".!?;,"


def _last_sentence(line_text: str) -> str:
    """The sentence a lead-in line ends with: in "... our other staff often can't. You will:"
    only "You will:" introduces the list, and the "can't" before it negates nothing there."""
    ends = list(_SENTENCE_END.finditer(line_text))
    return line_text[ends[-1].end() :] if ends else line_text


def _lead_in_kind(norm: str) -> tuple[bool, str | None]:
    """(negating?, criterion) for a lead-in line."""
    negating = bool(NEGATION_BEFORE.search(norm) or _LEAD_IN_NEGATION.search(norm))
    criterion = None
    if DESIRABLE_CUES.search(norm) or _NICE_TO_HAVE.search(norm):
        criterion = "desirable"
    elif _MUST_HAVE.search(norm):
        criterion = "essential"
    return negating, criterion


# Lead-ins of adverts that do not say "essential": "Must-haves:", "What you'll need:" /
# "Nice-to-haves:", "Bonus points for:".
_MUST_HAVE = re.compile(
    r"(?<![a-z0-9])(?:essential|must haves?|what you(?: will|ll) need|you(?: will|ll) need"
    r"|we need|requirements|(?:we are|were) looking for|(?:applicants?|candidates?) must)(?![a-z0-9])"
)
_NICE_TO_HAVE = re.compile(
    r"(?<![a-z0-9])(?:nice to haves?|bonus points?|good to have)(?![a-z0-9])"
)


@dataclass
class _Section:
    """Lines introduced by a lead-in: a heading or a line ending in a colon."""

    negated: bool
    criterion: str | None
    has_bullets: bool = False
    has_lines: bool = False

    def takes(self, line: _Line, line_text: str, after_blank: bool) -> bool:
        """Whether ``line`` still belongs to this section (see the module notes)."""
        if line.is_bullet:
            self.has_bullets = True
            return True
        if self.has_bullets or (after_blank and self.has_lines):
            return False  # prose after the list, or a second paragraph, ends the section
        return not line_text.rstrip().endswith(":")  # a new lead-in ends it too


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Every sentence of ``text`` (with newlines already normalised), in order."""
    sentences: list[Sentence] = []
    section: _Section | None = None
    part: str | None = None  # the section of the document, from its headings
    header: tuple[str | None, ...] | None = None  # columns of a person-specification table
    after_blank = False
    lines = _lines(text)
    for n, line in enumerate(lines):
        if line.is_blank:
            after_blank = True
            continue
        line_text = as_cells(text[line.start : line.end])
        lead = _criteria_heading(line_text)  # what the line says it heads, if it is a heading
        # a table row is read from the start of its line: its first cell may be empty
        row_start = line.start if line.is_bullet else text.rfind("\n", 0, line.start) + 1
        row_text = as_cells(text[row_start : line.end])
        if header is not None and after_blank and "\t" not in row_text:
            header = None  # a blank line and no more cells: the table has ended
        offset = line.content_start - row_start
        spans = [(line.content_start, line.end, None)]
        if "\t" in row_text and (columns := table_header(row_text)) is not None:
            header, part, section = columns, "person_spec", None
            line.is_heading = True
        elif header is not None and "\t" in row_text:
            spans = [  # the cells that hold criteria, each with its column's kind
                (row_start + max(start, offset), row_start + end, kind)
                for start, end, kind in row_cells(row_text, header)
                if end > offset
            ]
        elif (named := _heading(line, lead, _next_line(lines, n))) is not None:
            part, line.is_heading = named, True
        line.is_detail = header is None and is_detail_line(line_text)
        inside = section is not None and section.takes(line, line_text, after_blank)
        if not inside:
            section = None
        after_blank = False
        if not line.is_bullet and header is None and _is_lead_in(lead):
            negating, criterion = _lead_in_kind(normalise(_last_sentence(lead)))
            if negating or criterion:
                section, inside = _Section(negated=negating, criterion=criterion), False
        if inside:
            section.has_lines = True
        label = _LINE_LABEL.match(line_text)
        heading = section.criterion if inside else (label and _label_kind(label))
        # (every sentence of the line is in a negated list, its first one is)
        negated = (inside and section.negated, header is None and _excluded_inline(line_text))
        for cell_start, cell_end, row in spans:
            _add_sentences(
                sentences, text, (cell_start, cell_end), line, negated, heading, part, row
            )
    return tuple(sentences)


# A numbered heading of a Trac or NHS Scotland job description: "2. Key Result Areas".
_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})?[.)]?\s+(?P<title>[A-Z][^.!?;]*)$")


def _heading(line, line_text: str, following) -> str | None:
    """The section a heading line starts: a short line that names one, or a numbered one in
    title case ("2. Key Result Areas", "4. Knowledge, Training and Experience"), or in
    sentence case when what follows it is not one more item of a list ("6. Other duties" over
    a paragraph). A numbered duty such as "3. Supervision of meals" among others is neither."""
    if not line.is_bullet:
        return heading_section(line_text)
    numbered = _NUMBERED_HEADING.match(line_text)
    if numbered and (
        _title_case(numbered.group("title")) or (following is not None and not following.is_bullet)
    ):
        return heading_section(numbered.group("title"))
    return None


def _next_line(lines: list[_Line], n: int) -> _Line | None:
    """The next line after ``lines[n]`` that is not blank, if any."""
    for k in range(n + 1, len(lines)):
        if not lines[k].is_blank:
            return lines[k]
    return None


_HEADING_DASH = re.compile(r"\s+[–—-]\s+")


def _criteria_heading(line_text: str) -> str:
    """The heading of a line that explains it after a dash, when it heads criteria: in
    "Section 1: Essential criteria – applicants must show they meet all of these." the rows
    below are essential. Any other line is returned whole."""
    head = _HEADING_DASH.split(line_text, maxsplit=1)[0]
    if (
        head != line_text
        and heading_section(head) == "person_spec"
        and _lead_in_kind(normalise(head))[1]
    ):
        return head
    return line_text


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


# "Essential: a driving licence. Lived experience." gives every sentence of its line the kind.
_LINE_LABEL = re.compile(
    r"^\W*(?:(essential|desirable)(?: criteria)?\s*[:\-–]"
    # "E  Lived experience", "(E) A Level 3 ...": a capital E or D on its own, not "e) ..."
    r"|(?-i:\((E|D)\)\s|(E|D)(?: {2,}|\t|\s*[:\-–]\s)))",
    re.I,
)


def _label_kind(label: re.Match) -> str:
    word = (label.group(1) or label.group(2) or label.group(3)).lower()
    return {"e": "essential", "d": "desirable"}.get(word, word)


def _excluded_inline(line_text: str) -> bool:
    """Whether a line opens by saying that what follows its colon is not part of the role:
    "Not part of this role: giving medication, ..." (the first sentence only)."""
    label, colon, rest = line_text.partition(":")
    return bool(
        colon
        and rest.strip()
        and len(label.split()) <= LEAD_IN_WORDS
        and heading_section(label) == "not_in_role"
    )


def _add_sentences(sentences, text, span, line, negated, heading, part, row) -> None:
    """The sentences of text[begin:end], one line or table cell, appended to ``sentences``.
    ``negated`` is (every sentence is in a negated list, the first one is)."""
    every, first = negated
    for n, (start, stop) in enumerate(_split_line(text, *span)):
        raw = text[start:stop]
        sentences.append(
            Sentence(
                index=len(sentences),
                start=start,
                end=stop,
                text=raw,
                norm=normalise(raw.replace("\n", " ")),
                is_bullet=line.is_bullet,
                in_negated_list=every or (first and n == 0),
                heading_criterion=heading,
                section=part,
                table_criterion=row,
                is_heading=line.is_heading,
                is_detail=line.is_detail and n == 0,  # "Reports to: X. Day-to-day ..."
                is_question=_is_question(raw.strip()),
            )
        )


def _clause_bounds(norm: str, start: int, end: int) -> tuple[int, int]:
    left = norm.rfind("|", 0, start)
    right = norm.find("|", end)
    return left + 1, (len(norm) if right == -1 else right)


_ABSENCE = re.compile(
    r"(?<![a-z0-9])(?:(?:when|whenever|if|where) there (?:is|are) not enough"
    r"|who (?:is|are) not(?: yet)?"  # "for residents who are not yet self-medicating"
    r"|(?:when|whenever|if|where) (?:[a-z0-9]+ ){0,4}(?:(?:is|are) not|isnt|arent)"
    r" (?:available|in use|in|around|there|present|on shift|on duty|at work|free|able|required"
    r"|needed))"
    r"(?![a-z0-9])"
)
_STATE_OF_BEING = re.compile(r"(?<![a-z0-9])(?:(?:is|are) not|isnt|arent)$")
_OR_BEFORE = re.compile(r"(?<![a-z0-9])(?:or|nor)(?: [a-z0-9]+){0,3} $")
_OR = re.compile(r"(?<![a-z0-9])(?:or|nor)(?![a-z0-9])")


def is_negated(norm: str, start: int, end: int, *, attribution: bool = True) -> bool:
    """Whether the match norm[start:end] is negated within its clause (see the module notes).

    With ``attribution``, a task given to someone else after the match counts as negated too.
    """
    clause_start, clause_end = _clause_bounds(norm, start, end)
    before = norm[clause_start:start]
    # A negation inside the match, after its first word: "[do not triage]" (our reading).
    # But "is not" there is somebody's state, the condition of the task: "[cover reception
    # when the administrator is not in]".
    first_word_end = norm.find(" ", start, end)
    if first_word_end != -1 and any(
        not _STATE_OF_BEING.search(norm, 0, cue.end())
        for cue in NEGATION_BEFORE.finditer(norm, first_word_end, end)
    ):
        return True
    # "or" carries a negation on through a list: "you won't carry out observations, give
    # medication, or be counted in the numbers" (our reading).
    if _OR_BEFORE.search(before) and NEGATION_BEFORE.search(before):
        return True
    # and on through a long alternative: "you will not be asked to take part in restraint or
    # to stay with a patient for the purpose of [close observation]" (our reading).
    if any(
        len(before[cue.end() : link.start()].split()) <= PRE_WINDOW
        and len(before[link.end() :].split()) <= PRE_WINDOW
        for cue in NEGATION_BEFORE.finditer(before)
        for link in _OR.finditer(before, cue.end())
    ):
        return True
    task_cues = (
        (REDUCTION_BEFORE, REDUCTION_WINDOW),
        (AFTERMATH_BEFORE, AFTERMATH_WINDOW),
        (SUPPORTED_BEFORE, SUPPORTED_WINDOW),
        (TOPIC_BEFORE, AFTERMATH_WINDOW),
    )
    # Reducing, following, helping someone reach a task or teaching about it concern tasks
    # only: a "suicide prevention strategy" still states a purpose.
    for cues, window in ((NEGATION_BEFORE, PRE_WINDOW), *(task_cues if attribution else ())):
        for cue in cues.finditer(before):
            if len(before[cue.end() :].split()) <= window:
                return True
    if attribution and ABSENT_OWNER_BEFORE.search(before) and ABSENT_AFTER.match(norm, end):
        return True
    if attribution and ESCORTED_BEFORE.search(before) and not _NEW_PHRASE.match(norm, start):
        return True
    # (someone's absence is the condition of the task, not its negation: "cover reception when
    # the administrator is not in")
    after = " ".join(_ABSENCE.sub("", norm[end:clause_end]).split()[:POST_WINDOW])
    if NEGATION_AFTER.search(after):
        return True
    # "Weighing, meal supervision, physical observations and restraint are carried out by
    # registered staff": who does a list of tasks may come well after its first item.
    attributed_after = " ".join(
        (norm[end:clause_end] + _predicate_after(norm, clause_end)).split()[:ATTRIBUTION_WINDOW]
    )
    return attribution and bool(
        ATTRIBUTION_AFTER.search(attributed_after)
        or (
            (
                # the match may be part of the subject: "while [the depot clinic] manages ..."
                STAFF_SUBJECT.match(norm[clause_start:clause_end].strip())
                or STAFF_SUBJECT_MODAL.match(before.strip())
            )
            and not PEER_NAMED.search(before)
        )
    )


# A list set off by dashes before its verb: "The clinical side - prescribing, drug testing and
# risk assessment - is done by our nurses": the clause after the list is the list's predicate.
_PREDICATE = re.compile(r"\| (?:is|are|will be|remains?|stays?) [^|]*")


def _predicate_after(norm: str, clause_end: int) -> str:
    predicate = _PREDICATE.match(norm, clause_end)
    return predicate.group()[1:] if predicate else ""


_NOT_BEFORE = re.compile(r"(?<![a-z0-9])(?:not|isnt|arent) $")


def criterion_at(sentence: Sentence, position: int) -> str | None:
    """'essential', 'desirable' or None for a match starting at ``position`` in sentence.norm."""
    if sentence.table_criterion:
        return sentence.table_criterion
    cues = [(m.start(), "essential") for m in ESSENTIAL_CUES.finditer(sentence.norm)]
    cues += [(m.start(), "desirable") for m in DESIRABLE_CUES.finditer(sentence.norm)]
    # "not essential" is a desirable cue that contains an essential one; the longer cue wins.
    cues = [
        (at, kind)
        for at, kind in cues
        if not (kind == "essential" and _NOT_BEFORE.search(sentence.norm, 0, at))
    ]
    before = [cue for cue in cues if cue[0] < position]
    if before:
        return max(before)[1]
    after = [cue for cue in cues if cue[0] >= position]
    if after:
        return min(after)[1]
    return sentence.heading_criterion
