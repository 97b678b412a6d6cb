"""The pattern syntax of checklists/jd_check.yaml, compiled to regular expressions.

It lives in the catalogue because the catalogue validates every pattern when it loads, and the
matcher (roledesign.domain.jd_check) builds on it: the domain may use the catalogue, never the
other way round.

Words match whole words of the normalised text; ``word*`` any word starting so; ``a/b`` any of
these words; ``word?`` an optional word; ``...`` up to four other words in between; ``~`` up
to twelve, that is anywhere later in the clause (for a verb far from its object); ``@name``
any phrase of the vocabulary ``name`` (the ``vocabularies`` section of the file). A pattern never
crosses a clause mark ``|``, so ``@tasks ... @people`` is a verb–object frame within one clause.
"""

import re
import unicodedata
from collections.abc import Callable, Mapping

GAP = "..."  # in a pattern: up to GAP_WORDS other words
GAP_WORDS = 4
LATER = "~"  # in a pattern: anywhere later in the same clause (up to LATER_WORDS words on)
LATER_WORDS = 12
_WORD = "[a-z0-9]"
_PATTERN_TEXT = re.compile(r"[^a-z0-9*/?.@~ -]+")
_PATTERN_WORD = re.compile(r"[a-z0-9]+\*?")
VOCABULARY_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class PatternError(ValueError):
    """A pattern in checklists/jd_check.yaml does not follow the syntax."""


def fold(text: str) -> str:
    """Lower case without accents: 'Café' → 'cafe'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def pattern_tokens(pattern: str) -> list[str]:
    """The tokens of a pattern: words, alternatives, ``...`` and ``@name`` references."""
    text = fold(pattern).replace("'", "").replace("’", "")
    tokens = []
    for token in _PATTERN_TEXT.sub(" ", text).split():
        if token.startswith("@"):
            tokens.append(token)
        else:  # a hyphen joins words in the text, but the text reads it as a space
            tokens.extend(token.replace("-", " ").split())
    return tokens


def vocabulary_refs(pattern: str) -> tuple[str, ...]:
    """The vocabularies a pattern names, without their '@'."""
    return tuple(t[1:].removesuffix("?") for t in pattern_tokens(pattern) if t.startswith("@"))


def compile_pattern(
    pattern: str,
    lemma: Callable[[str], str] | None = None,
    vocabularies: Mapping[str, tuple[str, ...]] | None = None,
) -> str:
    """The regular expression, as text, for one pattern; PatternError says what is wrong.

    With ``lemma``, each whole word is put in its dictionary form, to match the dictionary forms
    of a sentence (roledesign.domain.jd_lemmas).
    """
    tokens = pattern_tokens(pattern)
    if not tokens:
        raise PatternError("is empty")
    parts = []
    for n, token in enumerate(tokens):
        if token in (GAP, LATER):
            if n in (0, len(tokens) - 1) or tokens[n - 1] in (GAP, LATER):
                raise PatternError(f"'{token}' must come between two words in {pattern!r}")
            words = GAP_WORDS if token == GAP else LATER_WORDS
            parts.append(rf"(?: {_WORD}+){{0,{words}}}")
            continue
        optional = token.endswith("?")
        word = token.removesuffix("?")
        if optional and n == 0:
            raise PatternError(f"{pattern!r} cannot start with an optional word")
        if word.startswith("@"):
            body = _vocabulary(word[1:], pattern, lemma, vocabularies)
        else:
            body = _alternatives(word, token, pattern, lemma)
        parts.append(body if n == 0 else (f"(?: {body})?" if optional else f" {body}"))
    return "".join(parts)


def _alternatives(word, token, pattern, lemma) -> str:
    alternatives = []
    choices = word.split("/")
    if len(set(choices)) < len(choices):
        # "clinical staff/team/lead/team member" reads as "clinical ... member": a/b joins words
        raise PatternError(
            f"'{token}' in {pattern!r} repeats a word; '/' joins single words, so write "
            "a phrase of several words as a pattern or phrase of its own"
        )
    for alternative in choices:
        if not _PATTERN_WORD.fullmatch(alternative):
            raise PatternError(
                f"'{token}' in {pattern!r} is not a word, a word* or words joined by /"
            )
        stem = alternative.removesuffix("*")
        if lemma and not alternative.endswith("*"):
            stem = lemma(stem)
        alternatives.append(re.escape(stem) + (f"{_WORD}*" if alternative.endswith("*") else ""))
    return "(?:" + "|".join(dict.fromkeys(alternatives)) + ")"


def _vocabulary(name, pattern, lemma, vocabularies) -> str:
    if not VOCABULARY_NAME.fullmatch(name):
        raise PatternError(f"'@{name}' in {pattern!r} is not a vocabulary name")
    phrases = (vocabularies or {}).get(name)
    if not phrases:
        raise PatternError(f"'@{name}' in {pattern!r} names no vocabulary")
    compiled = []
    for phrase in phrases:
        if GAP in phrase or LATER in phrase or "@" in phrase:
            raise PatternError(f"vocabulary phrase {phrase!r} cannot hold '...', '~' or '@'")
        compiled.append(compile_pattern(phrase, lemma))
    return "(?:" + "|".join(dict.fromkeys(compiled)) + ")"
