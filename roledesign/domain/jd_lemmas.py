"""Dictionary forms of the words in a job description, so a rule written as "escort patients"
also matches "escorting patients" and "escorted a patient" without listing every form.

simplemma (pure Python, no other dependencies, its English data ships in the wheel) gives the
dictionary form; it is imported, and its data loaded, the first time a word is looked up (its
import alone takes tens of milliseconds, which start-up need not pay). A match found on the
dictionary forms is mapped back to the words of the normalised sentence, so negation and
criteria are read exactly as for a match on the words themselves.
"""

import re
from functools import lru_cache

MIN_LENGTH = 4  # shorter words ("is", "obs", "d") are kept as they are
# A negative contraction keeps its form: simplemma reads "dont" as "do", and "don't assess risk"
# would then be matched as "do ... assess risk", with its negation inside the match.
NEGATIVE_CONTRACTIONS = frozenset(("dont", "doesnt", "didnt", "wont", "cant", "isnt", "arent"))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of one normalised word: "escorting" → "escort"."""
    if len(word) < MIN_LENGTH or not word.isalpha() or word in NEGATIVE_CONTRACTIONS:
        return word
    import simplemma  # on first use: see the module's docstring

    form = simplemma.lemmatize(word, lang="en").lower()
    if word.endswith("lling") and _DOUBLED_L.search(form):
        return form[:-1]  # British doubling: simplemma reads "travelling" as "travell"
    return form


# A word of two or more syllables ending in "-ell" that simplemma gave for an "-elling" form
# ("travell", "cancell", "labell"); "tell" and "spell" have one syllable.
_DOUBLED_L = re.compile(r"[aeiouy][^aeiouy]+ell$")


@lru_cache(maxsize=4096)
def lemma_form(norm: str) -> tuple[str, tuple[tuple[int, int], ...], tuple[int, ...]]:
    """(text of dictionary forms, span of each word in ``norm``, start of each word in the text).

    Words keep their order and clause marks stay, so word n of the result is word n of norm.
    """
    spans, starts, words = [], [], []
    position = 0
    for word in norm.split(" "):
        spans.append((position, position + len(word)))
        position += len(word) + 1
    length = 0
    for start, end in spans:
        form = lemma(norm[start:end])
        starts.append(length)
        words.append(form)
        length += len(form) + 1
    return " ".join(words), tuple(spans), tuple(starts)


def to_norm(norm: str, start: int, end: int) -> tuple[int, int]:
    """The span in ``norm`` of the words matched at lemma-text offsets start:end."""
    _, spans, starts = lemma_form(norm)
    first = max(n for n, at in enumerate(starts) if at <= start)
    last = max(n for n, at in enumerate(starts) if at < end)
    return spans[first][0], spans[last][1]
