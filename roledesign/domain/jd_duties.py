"""How many of a job description's duties are distinctly peer work, and how many are generic.

A duty is a sentence in the duties section (after a heading such as "Key responsibilities" or
"What you'll do"); where the text has no such heading, every list item outside the person
specification, the support offered and the list of what is not part of the role (where the
duties section is a list, only its items). A duty is
**drift** when a drift rule flagged it, **peer work** when it matches one of the peer-work
patterns in checklists/jd_check.yaml (using lived experience, peer support, hope, recovery …),
and **generic** otherwise: as written, any member of staff could do it.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from roledesign.domain.jd_check import JdReport, pattern_spans
from roledesign.domain.jd_text import Sentence, is_negated

NOT_DUTIES = ("person_spec", "support", "not_in_role")


@dataclass(frozen=True)
class DutySummary:
    peer: tuple[Sentence, ...]
    generic: tuple[Sentence, ...]
    drift: tuple[Sentence, ...]

    @property
    def total(self) -> int:
        return len(self.peer) + len(self.generic) + len(self.drift)

    def line(self) -> str:
        """One sentence for the top of the report."""
        parts = [
            f"{len(self.peer)} {'is' if len(self.peer) == 1 else 'are'} distinctly peer work",
            f"{len(self.generic)} could be done by any member of staff as written",
        ]
        if self.drift:
            parts.append(f"{len(self.drift)} {'is' if len(self.drift) == 1 else 'are'} role drift")
        duties = "duty" if self.total == 1 else "duties"
        return f"Of {self.total} {duties}, " + ", ".join(parts[:-1]) + f" and {parts[-1]}."


def duties(sentences: Sequence[Sentence]) -> tuple[Sentence, ...]:
    """The sentences that describe the post's duties (see the module notes)."""

    def is_duty(sentence: Sentence) -> bool:
        return not (
            sentence.is_heading or sentence.in_negated_list or sentence.text.rstrip().endswith(":")
        )

    listed = tuple(s for s in sentences if s.section == "duties" and is_duty(s))
    if any(s.is_bullet for s in listed):
        return tuple(s for s in listed if s.is_bullet)  # prose after the list is not a duty
    if listed:
        return listed
    return tuple(s for s in sentences if s.is_bullet and s.section not in NOT_DUTIES and is_duty(s))


def duty_summary(report: JdReport, peer_work: tuple[str, ...]) -> DutySummary | None:
    """Duties sorted into peer work, generic work and drift; None when no duty was found."""
    found = duties(report.sentences)
    if not found:
        return None
    drifted = {m.sentence.index for m in report.drift}
    peer, generic, drift = [], [], []
    for sentence in found:
        if sentence.index in drifted:
            drift.append(sentence)
        elif any(
            not is_negated(sentence.norm, start, end)
            for start, end in pattern_spans(peer_work, sentence.norm)
        ):
            peer.append(sentence)
        else:
            generic.append(sentence)
    return DutySummary(peer=tuple(peer), generic=tuple(generic), drift=tuple(drift))
