"""The architecture of DESIGN.md: dlcore's imports only point down the tiers, and
``import dlcore`` stays light (numpy only)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dlcore"

TIERS = {
    "_checks": 0,
    "activations": 1, "losses": 1, "datasets": 1, "gradcheck": 1,
    "neuron": 2, "perceptron": 2, "layers": 2,
    "network": 3, "optim": 3,
    "train": 4,
    "plotting": 5,
    "widgets": 6,
}
# ``from dlcore import Network`` imports the package itself, which loads tiers 0-4
PACKAGE_TIER = 4
# the third-party packages each tier may import at the top of a module (the
# standard library is always fine; optional extras are imported inside functions)
THIRD_PARTY = {tier: {"numpy"} for tier in range(5)}
THIRD_PARTY[5] = {"numpy", "matplotlib"}
THIRD_PARTY[6] = {"numpy", "matplotlib", "ipywidgets", "IPython"}

HEAVY = ["matplotlib", "ipywidgets", "sklearn", "pandas", "tqdm", "torch"]


def _modules():
    return sorted(p.stem for p in PACKAGE.glob("*.py"))


def _imports(path):
    """(dlcore module or None, top-level package, at module level?) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        at_top = id(node) in top_level or _inside_top_level_try(tree, node)
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                inner = parts[1] if parts[0] == "dlcore" and len(parts) > 1 else None
                found.append((inner, parts[0], at_top))
        elif isinstance(node, ast.ImportFrom):
            if node.level > 0 or (node.module or "").split(".")[0] == "dlcore":
                parts = (node.module or "").split(".")
                parts = parts[1:] if parts[0] == "dlcore" else parts
                if parts and parts[0]:
                    found.append((parts[0], "dlcore", at_top))
                else:           # from . import a, b: modules, or names of the package itself
                    found.extend((alias.name if alias.name in TIERS else "__init__", "dlcore", at_top)
                                 for alias in node.names)
            else:
                found.append((None, node.module.split(".")[0], at_top))
    return found


def _inside_top_level_try(tree, node):
    return any(isinstance(top, ast.Try) and node in ast.walk(top) for top in tree.body)


def test_every_module_has_a_tier():
    unknown = set(_modules()) - set(TIERS) - {"__init__"}
    assert not unknown, f"modules missing from the tier table of DESIGN.md: {sorted(unknown)}"


@pytest.mark.parametrize("module", [m for m in _modules() if m != "__init__"])
def test_imports_only_point_down_the_tiers(module):
    tier = TIERS.get(module)
    if tier is None:
        pytest.skip(f"{module} has no tier (see test_every_module_has_a_tier)")
    for inner, package, at_top in _imports(PACKAGE / f"{module}.py"):
        if inner is not None:
            inner_tier = PACKAGE_TIER if inner == "__init__" else TIERS.get(inner)
            assert inner_tier is not None, f"{module} imports an unknown dlcore module {inner!r}"
            assert inner_tier < tier, (
                f"{module} (tier {tier}) imports {inner} (tier {inner_tier}): imports must point down"
            )
        elif at_top and package not in sys.stdlib_module_names:
            assert package in THIRD_PARTY[tier], (
                f"{module} (tier {tier}) imports {package} at the top; tier {tier} may import "
                f"{sorted(THIRD_PARTY[tier])} (import optional extras inside the function that needs them)"
            )


def test_package_init_imports_tiers_0_to_4_only():
    for inner, package, at_top in _imports(PACKAGE / "__init__.py"):
        if inner is not None:
            assert TIERS.get(inner, 99) <= 4, f"dlcore/__init__.py imports {inner} (tier {TIERS.get(inner)})"
        else:
            assert package in sys.stdlib_module_names or package == "numpy", package


def test_import_dlcore_loads_numpy_only():
    code = (
        "import sys, dlcore\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PACKAGE.parent, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"import dlcore also imported: {result.stdout.strip()}"


def test_the_import_checker_sees_every_kind_of_import(tmp_path):
    path = tmp_path / "sample.py"
    path.write_text(
        "import json\nimport numpy as np\nfrom . import losses, layers, Dense\nfrom .network import Network\n"
        "from dlcore._checks import check_X\nimport dlcore.optim\n"
        "def f():\n    import matplotlib.pyplot\n",
        encoding="utf-8",
    )
    assert sorted(_imports(path), key=str) == sorted([
        (None, "json", True), (None, "numpy", True), ("losses", "dlcore", True), ("layers", "dlcore", True),
        ("__init__", "dlcore", True), ("network", "dlcore", True), ("_checks", "dlcore", True), ("optim", "dlcore", True),
        (None, "matplotlib", False),
    ], key=str)
