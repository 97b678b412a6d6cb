"""bench/ measures the app through its application layer, as the CLI does: never through the
web package (import-linter checks roledesign itself; bench/ lives outside it)."""

import ast
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _imported(tree) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_the_benchmarks_import_services_never_the_web():
    web = {
        f"{path.name}: {name}"
        for path in sorted(BENCH.glob("*.py"))
        for name in _imported(ast.parse(path.read_text(encoding="utf-8")))
        if name == "roledesign.web" or name.startswith("roledesign.web.")
    }
    assert web == set()
    # The check reads real files: the benchmarks do use the application layer.
    assert any(
        name.startswith("roledesign.services")
        for path in BENCH.glob("*.py")
        for name in _imported(ast.parse(path.read_text(encoding="utf-8")))
    )
