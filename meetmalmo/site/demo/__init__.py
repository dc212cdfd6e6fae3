"""The demo content, as data: the files in this folder hold the organisations, people,
resources, initiatives, working groups, project pages, efforts and news of a Meet Malmö in
use (README.md tells how they are written); `loader` makes them through the apps' services,
and `scale` adds bulk content for benchmarks."""
