"""How good the match list is, measured on working groups written by hand with the resources
of the demo pool a process manager would invite to each (data/matching_evaluation.toml). Each
group is formed inside a transaction that is rolled back, so the demo is left as it was."""

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from meetmalmo.accounts.models import User
from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import Membership, Role, WorkingGroup
from meetmalmo.initiatives.models import Initiative
from meetmalmo.initiatives.workflow import State
from meetmalmo.resources.selectors import matches

EVALUATION_SET = Path(__file__).parent / "data" / "matching_evaluation.toml"
CUTOFF = 5
DEPTH = 10  # nDCG reads the first ten of the list
DOMAIN = "@demo.meetmalmo.se"


@dataclass
class GroupScore:
    title: str
    precision: float
    ndcg: float
    ranked: list[str]
    missed: list[str]  # relevant resources not in the first five


@dataclass
class Score:
    groups: list[GroupScore] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return sum(g.precision for g in self.groups) / len(self.groups)

    @property
    def ndcg(self) -> float:
        return sum(g.ndcg for g in self.groups) / len(self.groups)


class _RolledBack(Exception):
    pass


def groups(path: Path = EVALUATION_SET) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["group"]


def _form(item: dict) -> WorkingGroup:
    submitter = User.objects.get(email=item["submitter"])
    if "initiative" in item:
        initiative = Initiative.objects.get(title=item["initiative"])
    else:
        initiative = Initiative.objects.create(
            title=item["title"],
            summary=item["summary"],
            description=item["description"],
            challenge=item.get("challenge", ""),
            benefit_city=item.get("benefit_city", ""),
            benefit_business=item.get("benefit_business", ""),
            language=item["language"],
            submitter=submitter,
            organisation=submitter.organisation,
            state=State.GROUP_FORMING,
        )
        initiative.focus_areas.set(FocusArea.objects.filter(code__in=item["focus_areas"]))
    group = WorkingGroup.objects.create(initiative=initiative)
    Membership.objects.create(group=group, user=submitter, role=Role.OWNER)
    for email in item.get("members", []):
        Membership.objects.create(group=group, user=User.objects.get(email=email + DOMAIN))
    return group


def _ndcg(ranked: list[str], relevant: set[str]) -> float:
    gain = sum(1 / math.log2(i + 2) for i, who in enumerate(ranked[:DEPTH]) if who in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), DEPTH)))
    return gain / ideal if ideal else 0.0


def evaluate(path: Path = EVALUATION_SET) -> Score:
    """Precision in the first five and nDCG of the first ten, per group and on average."""
    score = Score()
    try:
        with transaction.atomic():
            for item in groups(path):
                group = _form(item)
                ranked = [
                    m.profile.user.email.removesuffix(DOMAIN) for m in matches(group, limit=DEPTH)
                ]
                relevant = set(item["relevant"])
                top = ranked[:CUTOFF]
                score.groups.append(
                    GroupScore(
                        title=item.get("title") or item["initiative"],
                        precision=sum(who in relevant for who in top) / CUTOFF,
                        ndcg=_ndcg(ranked, relevant),
                        ranked=ranked,
                        missed=[who for who in item["relevant"] if who not in top],
                    )
                )
            raise _RolledBack
    except _RolledBack:
        pass
    return score
