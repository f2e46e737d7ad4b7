"""The import graph stays one-way: pages -> domain helpers -> foundation.

Both checks read every import statement, those inside functions included: a deferred
import that closes a loop hides a circle, it does not remove it."""

from pathlib import Path

import grimp
from importlinter import cli

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = PROJECT_ROOT / "pyproject.toml"
PACKAGES = ("cms", "home", "accounts", "articles", "locations", "providers", "seo")


def import_circles(graph):
    """[(module, module it imports, chain leading back to module), ...]."""
    circles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            chain = graph.find_shortest_chain(importer=imported, imported=importer)
            if chain:
                circles.append((importer, imported, chain))
    return circles


def test_import_contracts_in_pyproject_are_kept(monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    exit_code = cli.lint_imports(
        config_filename=str(PYPROJECT), no_cache=True, no_logo=True
    )
    assert exit_code == cli.EXIT_STATUS_SUCCESS, "see the broken contracts above"


def test_no_module_imports_itself_through_other_modules():
    graph = grimp.build_graph(*PACKAGES, "tests", cache_dir=None)

    assert import_circles(graph) == []


def test_the_project_never_imports_its_tests():
    graph = grimp.build_graph(*PACKAGES, "tests", cache_dir=None)

    assert [
        (importer, imported)
        for importer in sorted(graph.modules)
        if not importer.startswith("tests")
        for imported in graph.find_modules_directly_imported_by(importer)
        if imported.startswith("tests")
    ] == []


def test_the_circle_check_sees_an_import_deferred_into_a_function(
    tmp_path, monkeypatch
):
    package = tmp_path / "circle_probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "models.py").write_text("from circle_probe import helpers\n")
    (package / "helpers.py").write_text(
        "def load():\n    from circle_probe.models import Thing\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))

    circles = import_circles(grimp.build_graph("circle_probe", cache_dir=None))

    assert [circle[:2] for circle in circles] == [
        ("circle_probe.helpers", "circle_probe.models"),
        ("circle_probe.models", "circle_probe.helpers"),
    ]
