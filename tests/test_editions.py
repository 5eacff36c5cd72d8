"""The reader's edition (`make book`) shows every solution behind a toggle; the course
edition (`make course`) has none, in its pages or in the notebooks it offers for download."""

import html
import json
import re

import pytest

from conftest import ROOT, SITE

pytestmark = pytest.mark.site

COURSE = ROOT / "_build" / "course" / "_build" / "html"
NOTEBOOKS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))


def plain(text):
    """Letters and digits only: markup, highlighting, quotes and spacing differ between a notebook and its page."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def page_text(site, notebook):
    page = (site / "chapters" / f"{notebook.stem}.html").read_text(encoding="utf-8")
    return plain(html.unescape(re.sub(r"<[^>]+>", "", page)))


def solution_lines(notebook):
    """A few telling lines of each solution: its longest code or text lines."""
    cells, inside, found = json.loads(notebook.read_text(encoding="utf-8"))["cells"], False, []
    for cell in cells:
        source = "".join(cell["source"])
        if source.startswith(":::{solution-start}"):
            inside, lines = True, []
        elif source.startswith(":::{solution-end}"):
            inside = False
            found.append(sorted(lines, key=len)[-1])
        elif inside:
            lines += [" ".join(line.split()) for line in source.splitlines() if len(line.strip()) > 20]
    return found


def exercise_lines(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [" ".join("".join(cell["source"]).split(":label:", 1)[1].split("\n", 2)[2].split()[:6])
            for cell in cells if "".join(cell["source"]).startswith(":::{exercise}")]


def _without_math(line):
    return "$" not in line and "`" not in line and "**" not in line


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def chapter(request):
    for site in (SITE, COURSE):
        if not (site / "index.html").is_file():
            pytest.fail(f"No built site at {site}: run `make book` and `make course` first.")
    return request.param


def test_the_readers_edition_has_every_solution_behind_a_toggle(chapter):
    text = page_text(SITE, chapter)
    solutions = solution_lines(chapter)
    assert len(solutions) >= 4
    for line in solutions:
        assert plain(line) in text, f"solution line missing from the page: {line!r}"
    page = (SITE / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    assert page.count('class="solution dropdown') == len(solutions)


def test_the_course_edition_has_the_exercises_and_no_solution(chapter):
    text = page_text(COURSE, chapter)
    for line in solution_lines(chapter):
        assert plain(line) not in text, f"solution text in the course edition: {line!r}"
    assert plain("Solution to") not in text
    for start in filter(_without_math, exercise_lines(chapter)):
        assert plain(start) in text, f"exercise missing from the course edition: {start!r}"


def test_the_course_editions_downloads_have_no_solution_cells(chapter):
    for site, has_solutions in ((SITE, True), (COURSE, False)):
        notebook = json.loads((site / "_sources" / "chapters" / chapter.name).read_text(encoding="utf-8"))
        starts = [c for c in notebook["cells"] if "".join(c["source"]).startswith(":::{solution-start}")]
        assert bool(starts) == has_solutions
