"""How good related-work search is, measured on a fixed set of initiatives written by hand with
the efforts of the demo register a process manager would link to each (data/…evaluation.json)."""

import json
from dataclasses import dataclass
from pathlib import Path

from meetmalmo.inventory.models import Kind
from meetmalmo.inventory.related import related

EVALUATION_SET = Path(__file__).parent / "data" / "related_evaluation.json"
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
