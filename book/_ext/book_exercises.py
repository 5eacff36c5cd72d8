"""Exercises numbered by chapter, and the course edition without their solutions.

**Numbers.** sphinx-exercise numbers exercises through the whole book (the
first of chapter 2 would be "Exercise 5"). Here each chapter counts its own,
after its number: the first exercise of ``chapters/02_functions`` is
"Exercise 2.1", the name ``dlcore.exercises.check("2.1", ...)`` uses.

**The course edition.**

``make course`` builds the book with ``BOOK_EDITION=course`` in the environment
(into ``_build/course/``); ``make book`` builds the reader's edition, where
each solution waits behind a toggle. In the course edition:

- every solution is removed from the pages: sphinx-exercise's ``solution``
  directives and the gated ``solution-start`` … ``solution-end`` blocks with
  the code cells inside them (sphinx-exercise's own ``hide_solutions`` option
  leaves the gated ones half removed, and fails the build);
- the notebooks the site offers for download (``_sources/``) lose the same
  cells, so a student who downloads a chapter gets the exercises only.

The notebooks in the repository keep their solutions, and nbval checks them.
"""

import json
import os
import re
from pathlib import Path

from sphinx.transforms import SphinxTransform
from sphinx_exercise.nodes import solution_node

EDITIONS = ("reader", "course")


class RemoveSolutions(SphinxTransform):
    """Drop every solution from the page, after sphinx-exercise has gathered the gated ones (priority 10)."""

    default_priority = 20

    def apply(self):
        if self.config.book_edition != "course":
            return
        for node in list(self.document.findall(solution_node)):
            node.parent.remove(node)


def strip_solutions(notebook):
    """The notebook without its solution cells: each from a ``solution-start`` to its ``solution-end``."""
    kept, inside = [], False
    for cell in notebook["cells"]:
        text = "".join(cell["source"]).lstrip()
        if cell["cell_type"] == "markdown" and text.startswith(":::{solution-start}"):
            inside = True
        if not inside:
            kept.append(cell)
        if cell["cell_type"] == "markdown" and text.startswith(":::{solution-end}"):
            inside = False
    return {**notebook, "cells": kept}


def _strip_downloads(app, exception):
    if exception is not None or app.config.book_edition != "course":
        return
    for path in Path(app.outdir, "_sources").rglob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(strip_solutions(notebook), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _number_by_chapter(app, env):
    """Renumber each chapter's exercises (chapter, 1), (chapter, 2), ... in the order Sphinx found them."""
    for docname, numbers in env.toc_fignumbers.items():
        chapter = re.match(r"chapters/(\d+)_", docname)
        exercises = numbers.get("exercise")
        if chapter and exercises:
            in_order = sorted(exercises, key=lambda ids: exercises[ids])
            numbers["exercise"] = {ids: (int(chapter.group(1)), k) for k, ids in enumerate(in_order, 1)}
    return []


def _check_edition(app, config):
    if config.book_edition not in EDITIONS:
        raise ValueError(f"BOOK_EDITION must be one of {EDITIONS}, got {config.book_edition!r}.")


def setup(app):
    app.add_config_value("book_edition", os.environ.get("BOOK_EDITION", "reader"), "env")
    app.connect("config-inited", _check_edition)
    app.connect("env-get-updated", _number_by_chapter, priority=900)   # after Sphinx numbers them (500)
    app.add_transform(RemoveSolutions)
    app.connect("build-finished", _strip_downloads)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
