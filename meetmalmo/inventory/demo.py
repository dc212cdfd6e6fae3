"""Demo efforts: the register a real Meet Malmö would start from, loaded through the importer,
and bulk efforts for benchmarks."""

from pathlib import Path

from meetmalmo.core.models import FocusArea
from meetmalmo.inventory.importer import import_efforts
from meetmalmo.inventory.models import Effort

DEMO_FILE = Path(__file__).with_name("demo_efforts.csv")
SCALE_TOPICS = [
    ("kompetensförsörjning i vården", "competence-supply"),
    ("sommarjobb för unga", "youth-employment"),
    ("nyanländas första jobb", "newcomers"),
    ("besöksnäringens evenemang", "tourism-events"),
    ("investeringar i hamnen", "investment"),
    ("start av nya företag", "entrepreneurship"),
]


def seed_efforts() -> int:
    """Import the demo register; running it again updates instead of duplicating."""
    result = import_efforts(DEMO_FILE.read_bytes())
    if not result.ok:
        raise ValueError("; ".join(str(error) for error in result.errors))
    return result.created


def seed_scale(count: int) -> int:
    """Bulk-insert up to `count` extra efforts (the same ones every run) for benchmarks."""
    existing = Effort.objects.filter(owner_org="Skalorganisation").count()
    if count <= existing:
        return 0
    areas = {area.code: area.pk for area in FocusArea.objects.all()}
    new = []
    for i in range(existing, count):
        topic, _code = SCALE_TOPICS[i % len(SCALE_TOPICS)]
        new.append(
            Effort(
                title=f"Satsning {i + 1} om {topic}",
                description=f"Ett pågående arbete i Malmö om {topic}, nummer {i + 1}.",
                owner_org="Skalorganisation",
                sphere="business" if i % 3 else "city",
                internal=not i % 3,
            )
        )
    Effort.objects.bulk_create(new, batch_size=1000)
    Through = Effort.focus_areas.through
    created = Effort.objects.filter(owner_org="Skalorganisation").order_by("id")[existing:]
    Through.objects.bulk_create(
        [
            Through(effort_id=pk, focusarea_id=areas[SCALE_TOPICS[(existing + n) % 6][1]])
            for n, pk in enumerate(created.values_list("id", flat=True))
            if SCALE_TOPICS[(existing + n) % 6][1] in areas
        ],
        batch_size=2000,
    )
    return len(new)
