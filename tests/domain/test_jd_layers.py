"""The layers of docs/architecture.md, documents above domain above catalogue: no module of the
catalogue imports the domain or the documents, and no module of the domain imports the
documents, not even inside a function."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "roledesign"
BELOW = {
    "catalog": ("roledesign.domain", "roledesign.documents"),
    "domain": ("roledesign.documents",),
}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, wherever the import statement is."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def upward_imports(layer: str) -> list[str]:
    return sorted(
        f"{path.name} imports {module}"
        for path in (PACKAGE / layer).glob("*.py")
        for module in imported_modules(path)
        if module.startswith(BELOW[layer])
    )


@pytest.mark.parametrize("layer", sorted(BELOW))
def test_no_layer_imports_one_above_it(layer):
    assert upward_imports(layer) == []


def test_an_import_inside_a_function_is_seen(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from roledesign.domain.jd_check import compile_pattern\n")
    assert imported_modules(module) == {"roledesign.domain.jd_check"}
