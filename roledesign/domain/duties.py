"""Duties typed in for a post, checked with the job description check's drift rules.

A duty that a drift rule flags (covering shortages, giving medication, observations, ...) would
dilute the peer role. The details form refuses it unless the manager keeps it anyway; a kept one
is shown with a warning, and the job description leaves out the line that would contradict it.
The matching is the job description check's own (``jd_check.check_text``): nothing here matches
text by itself.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from roledesign.domain.jd_check import Rules, check_text


@dataclass(frozen=True)
class DutyFlag:
    duty: str
    rules: tuple  # the drift rules that flag it, each with id, title, why and action

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.rules)


def diluting_duties(
    duties: Iterable[str], rules: Rules | None, domain_keys: Sequence[str]
) -> tuple[DutyFlag, ...]:
    """The duties a drift rule flags, in the order given, each with the rules that flag it."""
    if rules is None:
        return ()
    flags = []
    for duty in duties:
        report = check_text(duty, rules, domain_keys)
        found = {match.rule.id: match.rule for match in report.drift}
        if found:
            flags.append(DutyFlag(duty=duty, rules=tuple(found.values())))
    return tuple(flags)


def flag_message(flag: DutyFlag) -> str:
    """'“Cover reception …” reads as Covering staff shortages (rule staff-shortages), …'"""
    named = ", ".join(f"{rule.title} (rule {rule.id})" for rule in flag.rules)
    return f"“{flag.duty}” reads as {named}"
