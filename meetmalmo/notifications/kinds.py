"""The kinds of notification, each registered by the app that tells about it (in its
`AppConfig.ready`), so this app knows no app above it. A person chooses per kind how they hear
of it; an essential kind (a decision, an invitation, what the process needs) always comes by
e-mail at once."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    code: str
    label: str  # lazily translated: what the settings page calls it
    essential: bool = False


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _KINDS[kind.code] = kind


def get(code: str) -> Kind:
    return _KINDS[code]


def registered() -> list[Kind]:
    """Every kind, in the order the apps registered them."""
    return list(_KINDS.values())


def choosable() -> list[Kind]:
    return [kind for kind in _KINDS.values() if not kind.essential]
