"""Text analysis for related work: words, stop words, Snowball stems, Swedish compounds and the
forms a searched word may stand for.

The stemmers are the Snowball algorithms that PostgreSQL's `swedish` and `english` text search
configurations use, and the stop words are PostgreSQL's own lists, so a stem computed here is the
lexeme PostgreSQL would give (a test checks this on PostgreSQL). Beside them, `register.stop`
holds the words that carry no subject in this register (measured, see the file). The analysis
runs in Python on both databases, which is what makes their rankings identical.
"""

import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

DATA = Path(__file__).parent / "data"
MAX_CHARS = 20_000  # longer texts are cut: the first pages say what a text is about
WORD = re.compile(r"[^\W\d_]{2,}")
MAX_WORD = 40  # longer runs of letters are not words (and would be slow to split)
PART_WEIGHT = 0.5  # a part of a compound counts half as much as the whole word


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer({"sv": "swedish", "en": "english"}[language])


@cache
def stop_words() -> frozenset[str]:
    words = set()
    for name in ("swedish.stop", "english.stop", "register.stop"):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        words.update(w for line in lines if not line.startswith("#") for w in line.split())
    return frozenset(words)


@cache
def _compound_heads() -> frozenset[str]:
    """Stems of the Swedish words that compounds are split into (`sommarjobb` → `jobb`)."""
    lines = (DATA / "swedish_words.txt").read_text(encoding="utf-8").splitlines()
    words = [word for line in lines if not line.startswith("#") for word in line.split()]
    return frozenset(stem(word, "sv") for word in words)


def words(text: str) -> list[str]:
    """Lower-case words of two letters or more in any script, without stop words."""
    stops = stop_words()
    return [
        w for w in WORD.findall(text[:MAX_CHARS].lower()) if w not in stops and len(w) <= MAX_WORD
    ]


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word)


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, str] | None:
    """The stems of a Swedish compound's two parts when both are known words, else None.

    The longest known head wins (`arbetsmarknadsutbildning` → `arbetsmarknad` + `utbildning`);
    a linking `s` is allowed between the parts (`arbets|marknad`).
    """
    if len(word) < 7:
        return None
    heads = _compound_heads()
    for split in range(3, len(word) - 2):
        head = stem(word[split:], "sv")
        if head not in heads:
            continue
        modifier = word[:split]
        for candidate in (modifier, modifier[:-1] if modifier.endswith("s") else None):
            if candidate and len(candidate) >= 3:
                left = stem(candidate, "sv")
                if left in heads or candidate in heads:
                    return left, head
    return None


@cache
def stop_stems() -> frozenset[str]:
    """The Swedish stems of the stop words: a compound's part that is one of them
    (`arbets|miljö`) says no more than the stop word would."""
    return frozenset(stem(word, "sv") for word in stop_words())


def terms(text: str, language: str) -> Counter:
    """Weighted stems of a text: each word's stem counts 1, each part of a compound 0.5."""
    counted: Counter = Counter()
    for word in words(text):
        counted[stem(word, language)] += 1
        if language == "sv" and (parts := compound_parts(word)):
            for part in parts:
                if part not in stop_stems():
                    counted[part] += PART_WEIGHT
    return counted


def written_words(text: str, language: str) -> dict[str, str]:
    """Each stem of a text with the first word that gave it, as the person wrote it (case and
    all), so that an explanation quotes the text and not its analysis."""
    stops = stop_words()
    shown: dict[str, str] = {}
    for word in WORD.findall(text[:MAX_CHARS]):
        lower = word.lower()
        if lower in stops or len(lower) > MAX_WORD:
            continue
        shown.setdefault(stem(lower, language), word)
        if language == "sv" and (parts := compound_parts(lower)):
            for part in parts:
                shown.setdefault(part, word)
    return shown


def surface_words(text: str, language: str) -> dict[str, str]:
    """The first word in the text for each stem, so that matches are shown as words."""
    shown: dict[str, str] = {}
    for word in words(text):
        shown.setdefault(stem(word, language), word)
        if language == "sv" and (parts := compound_parts(word)):
            for part in parts:
                shown.setdefault(part, word)
    return shown


@lru_cache(maxsize=50_000)
def search_forms(word: str) -> frozenset[str]:
    """The forms a searched word may stand for: the word itself, its indefinite form when it
    ends like a Swedish definite singular, and each with a final `e` written with and without
    its accent (people type `kafe` for `kafé`).

    Snowball's Swedish stemmer keeps the definite singular of neuter words (`bageriet`,
    `hotellet`) and of words ending in an accented e (`kafét`, `idén`), because cutting `-et`
    everywhere would spoil words such as `paket`. A search can afford to try both: a form that
    is no word finds nothing. Short words are left whole (`paket` is not `pak` with an ending).
    """
    forms = {word}
    if word.endswith("et") and len(word) >= 6:
        forms.add(word[:-2])  # bageriet → bageri, hotellet → hotell, kaféet → kafé
    if word[-2:] in ("ét", "én") and len(word) >= 4:
        forms.add(word[:-1])  # kafét → kafé, idén → idé
    for form in list(forms):
        if form.endswith("e"):
            forms.add(form[:-1] + "é")
        elif form.endswith("é"):
            forms.add(form[:-1] + "e")
    return frozenset(forms)


def search_stems(word: str) -> frozenset[str]:
    """The stems, in either language, of every form a searched word may stand for."""
    return frozenset(
        stem(form, language) for form in search_forms(word) for language in ("sv", "en")
    )
