"""How good related-work search is, measured on a fixed set of initiatives written by hand with
the efforts of the demo register a process manager would link to each (data/…evaluation.json)."""

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from meetmalmo.inventory import text
from meetmalmo.inventory.language import detect_language
from meetmalmo.inventory.models import Effort, Kind
from meetmalmo.inventory.related import INITIATIVE_FIELDS, related

EVALUATION_SET = Path(__file__).parent / "data" / "related_evaluation.json"
# Whole initiatives, every field of the form, as members write them.
INITIATIVES_SET = Path(__file__).parent / "data" / "related_initiatives.toml"
CUTOFF = 5


@dataclass
class Score:
    queries: int
    recall: float  # share of the relevant efforts found in the first five
    mrr: float  # mean reciprocal rank of the first relevant effort
    misses: list[tuple[str, str]]  # (query, relevant title) not in the first five


def evaluate(path: Path = EVALUATION_SET) -> dict[str, Score]:
    queries = json.loads(path.read_text(encoding="utf-8"))["queries"]
    scores = {}
    for language in sorted({q["language"] for q in queries}):
        found = relevant = 0
        reciprocal = 0.0
        misses = []
        chosen = [q for q in queries if q["language"] == language]
        for query in chosen:
            titles = [m.title for m in related(query["text"], kinds=[Kind.EFFORT], limit=20)]
            top = titles[:CUTOFF]
            relevant += len(query["relevant"])
            found += sum(title in top for title in query["relevant"])
            misses += [(query["text"][:60], t) for t in query["relevant"] if t not in top]
            ranks = [titles.index(t) + 1 for t in query["relevant"] if t in titles]
            reciprocal += 1 / min(ranks) if ranks else 0.0
        scores[language] = Score(len(chosen), found / relevant, reciprocal / len(chosen), misses)
    return scores


def rankings(path: Path = EVALUATION_SET) -> dict[str, list[str]]:
    """The first five efforts for each query, to compare the databases with each other."""
    queries = json.loads(path.read_text(encoding="utf-8"))["queries"]
    return {
        q["text"]: [m.title for m in related(q["text"], kinds=[Kind.EFFORT], limit=CUTOFF)]
        for q in queries
    }


def _measure(chosen: list[dict], ranked) -> Score:
    found = relevant = 0
    reciprocal = 0.0
    misses = []
    for item in chosen:
        titles = ranked(item)
        top = titles[:CUTOFF]
        relevant += len(item["relevant"])
        found += sum(title in top for title in item["relevant"])
        misses += [(item["title"], t) for t in item["relevant"] if t not in top]
        ranks = [titles.index(t) + 1 for t in item["relevant"] if t in titles]
        reciprocal += 1 / min(ranks) if ranks else 0.0
    return Score(len(chosen), found / relevant, reciprocal / len(chosen), misses)


def initiatives(path: Path = INITIATIVES_SET) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["initiative"]


def whole_text(item: dict, *, limit: int = 20) -> list[str]:
    """The efforts suggested for the whole initiative, field by field as the form sends it."""
    fields = [(item.get(name, ""), weight) for name, weight in INITIATIVE_FIELDS]
    return [m.title for m in related("", fields=fields, kinds=[Kind.EFFORT], limit=limit)]


def title_only(item: dict, *, limit: int = 20) -> list[str]:
    return [m.title for m in related(item["title"], kinds=[Kind.EFFORT], limit=limit)]


def evaluate_initiatives(path: Path = INITIATIVES_SET) -> dict[tuple[str, str], Score]:
    """Recall in the first five and MRR per language, from the title alone and from the whole
    text: (language, "title" or "whole") → score."""
    items = initiatives(path)
    scores = {}
    for language in sorted({item["language"] for item in items}):
        chosen = [item for item in items if item["language"] == language]
        scores[(language, "title")] = _measure(chosen, title_only)
        scores[(language, "whole")] = _measure(chosen, whole_text)
    return scores


@dataclass
class Filler:
    word: str
    texts: int  # evaluation texts that use it
    helpful: int  # of those, how many share it with an effort a process manager would link


def filler_words(*, least: int = 4, most_helpful: float = 0.25) -> list[Filler]:
    """Words the evaluation texts use often that seldom lead to the right effort: written in
    at least `least` texts and shared with a relevant effort in at most `most_helpful` of
    them. They carry no subject in this register, and are candidates for its stop list."""
    efforts = {e.title: e for e in Effort.objects.current()}
    texts = [
        ("\n".join(item.get(name, "") for name, _ in INITIATIVE_FIELDS), item["relevant"])
        for item in initiatives()
    ]
    texts += [(q["text"], q["relevant"]) for q in json.loads(EVALUATION_SET.read_text())["queries"]]
    used: dict[str, int] = {}
    helped: dict[str, int] = {}
    for value, relevant in texts:
        language = detect_language(value)
        linked = set()
        for title in relevant:
            if effort := efforts.get(title):
                linked |= set(text.terms(f"{effort.title}\n{effort.description}", language))
        for word in sorted(set(text.words(value))):
            used[word] = used.get(word, 0) + 1
            if text.stem(word, language) in linked:
                helped[word] = helped.get(word, 0) + 1
    found = [
        Filler(word, n, helped.get(word, 0))
        for word, n in used.items()
        if n >= least and helped.get(word, 0) <= most_helpful * n
    ]
    return sorted(found, key=lambda f: (-f.texts, f.word))
