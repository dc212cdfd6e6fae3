"""Turns the lines `make bench` wrote into the table of the README and checks the targets:
every public page at least half the /healthz rate at scale and 0.7 of its own rate at demo
size; the staff queue's p95 under 300 ms at scale. Exits 1 when a target is missed."""

import sys
from collections import defaultdict

PUBLIC = ("home", "projects", "news", "project", "api-projects")


def main(path: str, scale: str) -> int:
    runs = defaultdict(dict)
    paths = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            size, name, url, rate, p95, failed, _requests = line.split()
            runs[name][size] = (float(rate), float(p95), int(failed))
            paths[name] = "/sv/projects/<slug>/" if name == "project" else url
    floor = runs["healthz"][scale][0]
    print(
        f"| page | demo req/s | demo p95 ms | {scale} req/s | {scale} p95 ms "
        "| × /healthz | × own demo rate |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    missed = []
    for name, sizes in runs.items():
        demo, large = sizes["demo"], sizes[scale]
        to_floor, to_demo = large[0] / floor, large[0] / demo[0]
        print(
            f"| `{paths[name]}` | {demo[0]:.0f} | {demo[1]:.1f} | {large[0]:.0f} | {large[1]:.1f} "
            f"| {to_floor:.2f} | {to_demo:.2f} |"
        )
        if demo[2] or large[2]:
            missed.append(f"{name}: {demo[2] + large[2]} failed answers")
        if name in PUBLIC and to_floor < 0.5:
            missed.append(f"{name}: {to_floor:.2f} × /healthz at {scale} (target ≥ 0.5)")
        if name in PUBLIC and to_demo < 0.7:
            missed.append(f"{name}: {to_demo:.2f} × its demo rate (target ≥ 0.7)")
        if name == "staff-queue" and large[1] >= 300:
            missed.append(f"staff queue p95 {large[1]:.0f} ms at {scale} (target < 300)")
    print()
    print("Targets met." if not missed else "Targets missed:\n  " + "\n  ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
