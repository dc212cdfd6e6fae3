"""The apps reach each other only through imports a reader can follow: no code names another
module in a string for Django or a registry to import (settings and app names aside, which are
Django's own way of naming apps)."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
# Django reads these by their dotted names: the settings, the app configs (the admin's among
# them, whose `default_site` Django takes only as a string) and WSGI.
DJANGO_NAMES = {"settings.py", "settings_test.py", "apps.py", "admin_site.py", "wsgi.py"}
MODULE_PATH = re.compile(r"meetmalmo(\.[A-Za-z_]\w*){2,}")


def source_files():
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if "tests" in parts or "migrations" in parts or path.name in DJANGO_NAMES:
            continue
        yield path


def test_no_module_is_named_in_a_string():
    found = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and MODULE_PATH.fullmatch(node.value)
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.value}")
            if isinstance(node, ast.Name) and node.id == "import_string":
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} import_string")
    assert found == []


def test_the_search_sees_the_apps():
    names = {path.relative_to(PACKAGE).parts[0] for path in source_files()}
    assert {"core", "accounts", "initiatives", "site"} <= names
