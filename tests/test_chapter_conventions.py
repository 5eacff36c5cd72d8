"""How every chapter is put together, so that it reads right in JupyterLab, Colab and on the site.

- The first code cell installs the book's library where it is missing (Colab) and does nothing elsewhere.
- Library code is shown with ``show_source`` from a code cell, never with ``literalinclude``.
- Each exercise is a sphinx-exercise ``exercise`` with the label ``ex-<chapter>-<n>``, followed by its
  solution between ``solution-start`` and ``solution-end``; the solution's cells are collapsed in
  JupyterLab (``source_hidden``, ``outputs_hidden``) and its code starts with a plain ``# Solution``
  line, the one line JupyterLab shows of a collapsed cell.
- ``check("<chapter>.<n>", ...)`` refers to an exercise of its own chapter that has a stored answer; such an
  exercise is followed by an open cell where the reader puts the answer (``answer_2_4 = ...``) and checks it.
- No execution time stamps: a re-run changes only what really changed.
"""

import json
import re
import tomllib

import pytest
import yaml
from IPython.core.inputtransformer2 import TransformerManager

from conftest import ROOT
from dlcore.exercises import ANSWERS

NOTEBOOKS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
IDS = [path.stem for path in NOTEBOOKS]


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def text(cell):
    return "".join(cell["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_the_first_code_cell_installs_the_book_where_it_is_missing(path):
    first = next(cell for cell in cells(path) if cell["cell_type"] == "code")
    source = text(first)
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # what it installs: this book's distribution, from the repository the site's buttons name
    assert f'"{project["name"]}[book] @ git+{config["repository"]["url"]}"' in source
    assert first["metadata"].get("tags") == ["remove-cell"]          # not on the site: it is for notebooks
    # where the library is installed (here, and wherever the tests run) it does nothing
    magics = []

    class Shell:
        def run_line_magic(self, name, line):
            magics.append((name, line))

    exec(TransformerManager().transform_cell(source), {"get_ipython": Shell})
    assert magics == []
    # and where it is missing, it runs pip
    exec(TransformerManager().transform_cell(source.replace('find_spec("dlcore")', 'find_spec("no_such_module")')),
         {"get_ipython": Shell})
    assert magics and magics[0][0] == "pip"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_library_code_is_shown_from_a_code_cell(path):
    markdown = [text(cell) for cell in cells(path) if cell["cell_type"] == "markdown"]
    assert not any("{literalinclude}" in m for m in markdown), "use show_source(...) in a code cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_exercise_has_a_collapsed_solution_right_after_it(path):
    chapter = int(path.name[:2])
    all_cells = cells(path)
    labels = []
    i = 0
    while i < len(all_cells):
        source = text(all_cells[i]).lstrip()
        if all_cells[i]["cell_type"] == "markdown" and source.startswith(":::{exercise}"):
            label = re.search(r"^:label: (\S+)$", source, re.M).group(1)
            labels.append(label)
            if all_cells[i + 1]["cell_type"] == "code":     # a cell for the reader's answer, open
                starter = all_cells[i + 1]
                assert re.search(r'^check\("\d+\.\d+", answer_\d+_\d+\)$', text(starter), re.M), label
                assert "= ..." in text(starter) or "(..., ...)" in text(starter), f"{label}: give the reader a ... to fill"
                assert "jupyter" not in starter["metadata"], f"{label}: the reader's cell must stay open"
                i += 1
            start = text(all_cells[i + 1])
            assert start.startswith(f":::{{solution-start}} {label}\n"), f"{label}: no solution right after it"
            assert ":class: dropdown" in start                     # behind a toggle on the site
            j = i + 2
            solution = []
            while not text(all_cells[j]).startswith(":::{solution-end}"):
                solution.append(all_cells[j])
                j += 1
            assert solution, f"{label}: an empty solution"
            for cell in solution:
                hidden = cell["metadata"].get("jupyter", {})
                assert hidden.get("source_hidden") is True, f"{label}: a solution cell open in JupyterLab"
                if cell["cell_type"] == "code":
                    assert hidden.get("outputs_hidden") is True, f"{label}: a solution's output open in JupyterLab"
                    assert text(cell).split("\n", 1)[0] == "# Solution", f"{label}: the collapsed line gives it away"
            i = j
        i += 1
    assert labels == [f"ex-{chapter}-{n}" for n in range(1, len(labels) + 1)]
    assert len(labels) >= 4


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_checks_name_an_exercise_of_their_chapter_that_has_an_answer(path):
    chapter = int(path.name[:2])
    sources = [text(cell) for cell in cells(path)]
    exercises = {int(n) for s in sources for n in re.findall(rf"^:label: ex-{chapter}-(\d+)$", s, re.M)}
    for key in re.findall(r'check\("(\d+)\.(\d+)"', "\n".join(sources)):
        assert int(key[0]) == chapter and int(key[1]) in exercises, f"check({'.'.join(key)}) in {path.name}"
        assert ".".join(key) in ANSWERS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_execution_time_stamps_are_stored(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    stamped = [i for i, cell in enumerate(notebook["cells"]) if "execution" in cell["metadata"]]
    assert stamped == [], f"cells {stamped} carry execution time stamps; `make notebooks` stores none"
