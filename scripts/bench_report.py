"""Turns the lines `make bench` wrote into the table of the README and checks the targets.

Every page's rate is a share of the /healthz rate measured just before and just after it, so
a busy machine lowers both alike. The targets, at scale: public pages from the cache at least
0.5 of /healthz; public pages the cache has not seen and a member's pages at least 0.15; staff
pages at least 0.08 with p99 under 150 ms; and every page at least 0.7 of its own share at demo
size (its cost does not grow with the data). Exits 1 when a target is missed.

`bench_report.py PG_RESULTS SCALE SQLITE_RESULTS` compares a PostgreSQL run with a SQLite run
instead: each page within 1.5 × the cost it has on SQLite."""

import sys

FLOOR = {"cached": 0.5, "uncached": 0.15, "member": 0.15, "staff": 0.08}
STAFF_P99_MS = 150
KEPT = 0.7
# Pages whose address names one record: the table names the kind of record.
ANONYMISED = {"project": "/sv/projects/<slug>/", "match": "/sv/staff/groups/<pk>/match/"}


def read(path: str) -> dict:
    """{(label, size): (path, share of /healthz, rate, p95, p99, failed)}"""
    lines = []
    with open(path, encoding="utf-8") as found:
        for line in found:
            size, label, url, rate, p95, p99, failed, _requests = line.split()
            lines.append((size, label, url, float(rate), float(p95), float(p99), int(failed)))
    runs = {}
    for i, (size, label, url, rate, p95, p99, failed) in enumerate(lines):
        if label == "healthz":
            continue
        around = [
            lines[j][3] for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j][1] == "healthz"
        ]
        floor = sum(around) / len(around) if around else 0.0
        share = rate / floor if floor else 0.0
        runs[label, size] = (url, share, rate, p95, p99, failed)
    return runs


def main(path: str, scale: str) -> int:
    runs = read(path)
    labels = list(dict.fromkeys(label for label, _size in runs))
    print(
        f"| kind | page | demo × /healthz | demo p99 ms | {scale} req/s | {scale} × /healthz "
        f"| {scale} p95 ms | {scale} p99 ms | kept share |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    missed = []
    for label in labels:
        kind = label.split("/")[0]
        if (label, "demo") not in runs or (label, scale) not in runs:
            missed.append(f"{label}: not measured at both sizes")
            continue
        demo, large = runs[label, "demo"], runs[label, scale]
        url = ANONYMISED.get(label.split("/")[1], large[0])
        kept = large[1] / demo[1] if demo[1] else 0.0
        print(
            f"| {kind} | `{url}` | {demo[1]:.2f} | {demo[4]:.0f} | {large[2]:.0f} "
            f"| {large[1]:.2f} | {large[3]:.0f} | {large[4]:.0f} | {kept:.2f} |"
        )
        if demo[5] or large[5]:
            missed.append(f"{label}: {demo[5] + large[5]} failed answers")
        if large[1] < FLOOR[kind]:
            missed.append(f"{label}: {large[1]:.2f} × /healthz at {scale} (≥ {FLOOR[kind]})")
        if kind == "staff" and large[4] >= STAFF_P99_MS:
            missed.append(f"{label}: p99 {large[4]:.0f} ms at {scale} (< {STAFF_P99_MS})")
        if kept < KEPT:
            missed.append(f"{label}: keeps {kept:.2f} of its demo share (≥ {KEPT})")
    print()
    print("Targets met." if not missed else "Targets missed:\n  " + "\n  ".join(missed))
    return 1 if missed else 0


# PostgreSQL may cost at most this much more than SQLite for the same page at scale.
AGAINST_SQLITE = 1.5


def compare(path: str, sqlite_path: str, scale: str) -> int:
    """The table of a PostgreSQL run (`BENCH_DATABASE`) beside the SQLite run kept in
    `sqlite_path`: each page's cost on PostgreSQL relative to SQLite, as the inverse ratio of
    their shares of /healthz at scale (1.0: the same cost; 1.5: half as much again)."""
    pg, sqlite = read(path), read(sqlite_path)
    print(
        "| kind | page | SQLite × /healthz | PostgreSQL × /healthz | PostgreSQL p99 ms "
        "| cost × SQLite |"
    )
    print("|---|---|---:|---:|---:|---:|")
    missed = []
    for label in dict.fromkeys(label for label, _size in pg):
        if (label, scale) not in pg or (label, scale) not in sqlite:
            continue
        ours, theirs = pg[label, scale], sqlite[label, scale]
        url = ANONYMISED.get(label.split("/")[1], ours[0])
        cost = theirs[1] / ours[1] if ours[1] else float("inf")
        print(
            f"| {label.split('/')[0]} | `{url}` | {theirs[1]:.2f} | {ours[1]:.2f} "
            f"| {ours[4]:.0f} | {cost:.2f} |"
        )
        if cost > AGAINST_SQLITE:
            missed.append(f"{label}: costs {cost:.2f} × SQLite at {scale} (≤ {AGAINST_SQLITE})")
    print()
    print("Within 1.5 × SQLite." if not missed else "Missed:\n  " + "\n  ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    if len(sys.argv) > 3:
        sys.exit(compare(sys.argv[1], sys.argv[3], sys.argv[2]))
    sys.exit(main(sys.argv[1], sys.argv[2]))
