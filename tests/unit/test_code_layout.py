"""The code's layout holds (maintainers/architecture.md): imports only go down the layers, no
module imports an engine adapter, the project is found from the working directory only by a
command line's default, and our settings are read only through the project model."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import ROOT

PACKAGE = ROOT / "us_nordic_kb"
# Each sub-package's layer: a module may import from its own sub-package and from lower layers.
LAYERS = {"model": 0, "render": 1, "engines": 2, "check": 2, "build": 3, "github": 3, "bench": 4}
# The engines' adapters: only the engines' configuration names them (mkdocs.yml, zensical.yml).
ADAPTERS = {"us_nordic_kb.engines.mkdocs_macros", "us_nordic_kb.engines.mkdocs_hooks", "us_nordic_kb.engines.zensical"}
# Functions that read a command line, where the working directory may be the default.
COMMAND_LINES = {"main", "offline_from_command_line"}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found[name] = path
    return found


MODULES = modules()


def imported(path: Path) -> list[tuple[int, str]]:
    """The modules of the package that `path` imports, with the line of each import."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("us_nordic_kb"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.append((node.lineno, full if full in MODULES else node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("us_nordic_kb")]
    return found


def sub_package(module: str) -> str:
    return module.split(".")[1]


def test_every_sub_package_has_a_layer():
    assert {sub_package(m) for m in MODULES if m.count(".")} == set(LAYERS)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.count(".")))
def test_imports_only_go_down(module):
    here = sub_package(module)
    upward = [
        f"{MODULES[module].relative_to(ROOT)}:{line}: imports {target} (layer {LAYERS[sub_package(target)]})"
        for line, target in imported(MODULES[module])
        if target.count(".") and sub_package(target) != here and LAYERS[sub_package(target)] >= LAYERS[here]
    ]
    assert upward == [], f"{module} is in layer {LAYERS[here]}"


def test_no_module_imports_an_adapter():
    found = [
        f"{path.relative_to(ROOT)}:{line}: imports {target}"
        for name, path in MODULES.items()
        for line, target in imported(path)
        if target in ADAPTERS and target != name
    ]
    assert found == []


def test_the_layer_test_catches_an_upward_import(tmp_path):
    """The checks above can fail: a model module that imports the build is seen."""
    planted = tmp_path / "planted.py"
    planted.write_text("from us_nordic_kb.build import production\nfrom us_nordic_kb.engines import zensical\n")
    targets = [target for _, target in imported(planted)]
    assert targets == ["us_nordic_kb.build.production", "us_nordic_kb.engines.zensical"]
    assert LAYERS[sub_package(targets[0])] > LAYERS["model"] and targets[1] in ADAPTERS


def working_directory_uses(path: Path) -> list[tuple[int, str]]:
    """Each use of the working directory (Path.cwd(), os.getcwd(), Path(project.CONFIG)), with
    the function it is in."""
    found = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if isinstance(child, ast.Call):
                text = ast.unparse(child)
                if text in {"Path.cwd()", "os.getcwd()", "Path(project.CONFIG)", "Path(CONFIG)"}:
                    found.append((child.lineno, function))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def test_the_project_is_found_from_the_working_directory_only_by_a_command_lines_default():
    found = [
        f"{path.relative_to(ROOT)}:{line}: in {function or 'the module'}"
        for path in MODULES.values()
        for line, function in working_directory_uses(path)
        if function not in COMMAND_LINES
    ]
    assert found == []
    assert working_directory_uses(MODULES["us_nordic_kb.check.__main__"]) != []  # the search sees them


def reads_extra(path: Path) -> bool:
    """Whether `path` reads a configuration's `extra` as raw data (`x["extra"]`, `x.get("extra")`)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value == "extra":
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and first.value == "extra":
                return True
    return False


def test_our_settings_are_read_only_through_the_project_model(tmp_path):
    """`extra` of the configuration is typed once (model/project.py); the one value an engine
    is handed that way is this build's downloads folder (engines/run.py)."""
    readers = sorted(str(path.relative_to(ROOT)) for path in MODULES.values() if reads_extra(path))
    assert readers == ["us_nordic_kb/engines/run.py", "us_nordic_kb/model/project.py"]
    planted = tmp_path / "planted.py"
    planted.write_text('def f(conf):\n    return conf["extra"]["citation"]\n')
    assert reads_extra(planted)
