"""The architecture of DESIGN.md: dlcore's imports only point down the tiers, ``import dlcore`` stays
light (numpy only), and no module grows past about 500 lines.

A tier belongs to a module (``dlcore/train.py``) or to a package (``dlcore/plotting/``): every module
inside a package has the package's tier, and may import the package's other modules."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dlcore"

TIERS = {
    "_checks": 0,
    "activations": 1, "losses": 1, "datasets": 1, "gradcheck": 1, "source": 1, "exercises": 1,
    "neuron": 2, "perceptron": 2, "layers": 2, "fitting": 2,
    "descent": 2,
    "graph": 2,
    "network": 3, "optim": 3,
    "landscape": 4, "initialisation": 4,
    "train": 4,
    "metrics": 1, "snapshots": 4,
    "features": 5, "playground": 5,
    "overfitting": 5,
    "plotting": 6,
    "widgets": 7,
}
# ``from dlcore import Network`` imports the package itself, which loads tiers 0-4
PACKAGE_TIER = 4
# the third-party packages each tier may import at the top of a module (the
# standard library is always fine; optional extras are imported inside functions)
THIRD_PARTY = {tier: {"numpy"} for tier in range(6)}
THIRD_PARTY[6] = {"numpy", "matplotlib"}
THIRD_PARTY[7] = {"numpy", "matplotlib", "ipywidgets", "IPython"}
# "about 500 lines": a module longer than this is a topic to split into a package
MAX_LINES = 550

HEAVY = ["matplotlib", "ipywidgets", "sklearn", "pandas", "tqdm", "torch"]


def _units():
    """dlcore's modules and packages, by name: each with its files (a package: every .py inside it)."""
    units = {path.stem: [path] for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    for folder in PACKAGE.iterdir():
        if folder.is_dir() and (folder / "__init__.py").exists():
            units[folder.name] = sorted(folder.rglob("*.py"))
    return units


def _files():
    """(unit, path) for every file of dlcore but its own __init__.py."""
    return [(unit, path) for unit, paths in sorted(_units().items()) for path in paths]


def _package_of(path):
    """The package a file of dlcore is in, as a tuple: ("dlcore",) or ("dlcore", "plotting")."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts   # ("dlcore", "plotting", "style")
    return parts[:-1]                                                 # an __init__.py is in its own package


def _imports(path, package=None):
    """(dlcore unit or None, top-level package, at module level?) for every import in the file.

    The unit is the dlcore module or package imported from (``"plotting"`` for
    ``from .style import new_figure`` inside ``dlcore/plotting/``), or
    ``"__init__"`` for names of the dlcore package itself (``from dlcore import Network``).
    ``package`` is the file's package as a tuple, e.g. ``("dlcore", "plotting")``.
    """
    package = tuple(package or _package_of(path))
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
            if node.level > 0:
                base = package[:len(package) - (node.level - 1)]
                full = base + tuple(node.module.split(".") if node.module else ())
            else:
                full = tuple(node.module.split("."))
            if full[0] != "dlcore":
                found.append((None, full[0], at_top))
            elif len(full) > 1:
                found.append((full[1], "dlcore", at_top))
            else:               # from dlcore import a, b: modules, or names of the package itself
                found.extend((alias.name if alias.name in TIERS else "__init__", "dlcore", at_top)
                             for alias in node.names)
    return found


def _inside_top_level_try(tree, node):
    return any(isinstance(top, ast.Try) and node in ast.walk(top) for top in tree.body)


def test_every_module_and_package_has_a_tier():
    unknown = set(_units()) - set(TIERS)
    assert not unknown, f"modules missing from the tier table of DESIGN.md: {sorted(unknown)}"
    missing = set(TIERS) - set(_units())
    assert not missing, f"the tier table names modules that do not exist: {sorted(missing)}"


@pytest.mark.parametrize("unit, path", _files(), ids=[str(p.relative_to(PACKAGE)) for _, p in _files()])
def test_imports_only_point_down_the_tiers(unit, path):
    tier = TIERS[unit]
    name = path.relative_to(PACKAGE.parent)
    for inner, package, at_top in _imports(path):
        if inner is not None:
            if inner == unit:
                continue        # one module of a package importing another of the same package
            inner_tier = PACKAGE_TIER if inner == "__init__" else TIERS.get(inner)
            assert inner_tier is not None, f"{name} imports an unknown dlcore module {inner!r}"
            assert inner_tier < tier, (
                f"{name} (tier {tier}) imports {inner} (tier {inner_tier}): imports must point down"
            )
        elif at_top and package not in sys.stdlib_module_names:
            assert package in THIRD_PARTY[tier], (
                f"{name} (tier {tier}) imports {package} at the top; tier {tier} may import "
                f"{sorted(THIRD_PARTY[tier])} (import optional extras inside the function that needs them)"
            )


def test_package_init_imports_tiers_0_to_4_only():
    for inner, package, at_top in _imports(PACKAGE / "__init__.py"):
        if inner is not None:
            assert TIERS.get(inner, 99) <= 4, f"dlcore/__init__.py imports {inner} (tier {TIERS.get(inner)})"
        else:
            assert package in sys.stdlib_module_names or package == "numpy", package


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_550_lines(path):
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    assert n_lines <= MAX_LINES, (
        f"{path.relative_to(PACKAGE.parent)} has {n_lines} lines; split its topic into a package of "
        f"modules of at most about 500 lines (DESIGN.md)"
    )


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
    assert sorted(_imports(path, package=("dlcore",)), key=str) == sorted([
        (None, "json", True), (None, "numpy", True), ("losses", "dlcore", True), ("layers", "dlcore", True),
        ("__init__", "dlcore", True), ("network", "dlcore", True), ("_checks", "dlcore", True), ("optim", "dlcore", True),
        (None, "matplotlib", False),
    ], key=str)


def test_the_import_checker_resolves_imports_inside_a_package(tmp_path):
    path = tmp_path / "sample.py"
    path.write_text(
        "from .style import new_figure\nfrom . import output\nfrom .. import datasets, Network\n"
        "from ..train import train\nfrom ..datasets.toy import blobs\nfrom matplotlib.figure import Figure\n",
        encoding="utf-8",
    )
    assert sorted(_imports(path, package=("dlcore", "plotting")), key=str) == sorted([
        ("plotting", "dlcore", True), ("plotting", "dlcore", True), ("datasets", "dlcore", True),
        ("__init__", "dlcore", True), ("train", "dlcore", True), ("datasets", "dlcore", True),
        (None, "matplotlib", True),
    ], key=str)


def test_files_in_a_package_have_the_packages_tier():
    units = _units()
    assert PACKAGE / "plotting" / "style.py" in units["plotting"]
    assert PACKAGE / "widgets" / "panel.py" in units["widgets"]
    assert _package_of(PACKAGE / "plotting" / "style.py") == ("dlcore", "plotting")
    assert _package_of(PACKAGE / "plotting" / "__init__.py") == ("dlcore", "plotting")
    assert _package_of(PACKAGE / "train.py") == ("dlcore",)
