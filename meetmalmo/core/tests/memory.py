"""How much memory a piece of the portal takes, measured in a fresh Python process as a worker
would run it: the peak resident size after the call (what the operating system counts, C
libraries such as zlib and Pillow included), less the resident size before it."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

SCRIPT = """
import json, sys
import django
django.setup()
from django.core.files import File
{imports}
path = sys.argv[1]
def status(field):
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(field))
# Starting Django peaked higher than the process holds now: the peak is reset (Linux) first;
# where it cannot be, the peak so far is the start, which can only hide memory, never add it.
try:
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    before = status("VmRSS:")
except OSError:
    before = status("VmHWM:")
with open(path, "rb") as opened:
    upload = File(opened, name=path.rsplit("/", 1)[-1])
    try:
        {call}
        answer = "accepted"
    except Exception as error:
        answer = f"{{type(error).__name__}}: {{error}}"
after = status("VmHWM:")
print(json.dumps({{"mb": (after - before) / 1024, "answer": answer}}))
"""


def peak_memory(path: Path, *, imports: str, call: str) -> tuple[float, str]:
    """The megabytes `call` (with `upload`, the file at `path`) adds to the process's peak, and
    what it answered: "accepted", or the exception it raised."""
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SCRIPT.format(imports=imports, call=call), str(path)],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "meetmalmo.settings_test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return found["mb"], found["answer"]
