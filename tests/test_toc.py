"""The table of contents and the stored chapters agree with what is on disk."""

import json
from pathlib import Path

import yaml

from conftest import ROOT

CHAPTERS = ROOT / "chapters"
# A chapter notebook is stored with its outputs; three widget animations at
# dpi 72 x 20 frames fit comfortably under this (see DESIGN.md).
MAX_NOTEBOOK_MB = 2.0


def toc_files():
    """Every `file:` entry of _toc.yml (and its root), without suffix, in reading order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return files


def source_of(entry):
    """The file a toc entry names: `chapters/05_x` is `chapters/05_x.ipynb` or `.md`."""
    path = ROOT / entry
    for candidate in (path, path.with_suffix(".ipynb"), path.with_suffix(".md")):
        if candidate.is_file():
            return candidate
    return None


def chapter_notebooks():
    return sorted(CHAPTERS.glob("[0-9][0-9]_*.ipynb"))


def test_every_toc_entry_exists():
    missing = [entry for entry in toc_files() if source_of(entry) is None]
    assert missing == [], "_toc.yml lists files that do not exist"


def test_every_chapter_notebook_is_in_the_toc():
    listed = {source_of(entry) for entry in toc_files()}
    unlisted = [path.name for path in chapter_notebooks() if path not in listed]
    assert unlisted == [], "chapter notebooks missing from _toc.yml"


def test_chapters_are_listed_in_numeric_order():
    chapters = [Path(entry).name for entry in toc_files() if entry.startswith("chapters/")]
    assert chapters == sorted(chapters)


def test_the_front_matter_and_appendices_are_there():
    files = toc_files()
    assert files[0] == "book/intro"
    for page in ("book/how_to_use", "book/glossary", "book/references", "book/api"):
        assert page in files


def test_chapters_are_stored_executed():
    # The book is built from the stored outputs (execute_notebooks: off), so a
    # chapter saved without running would publish a page with no outputs.
    for path in chapter_notebooks():
        notebook = json.loads(path.read_text(encoding="utf-8"))
        unrun = [
            i for i, cell in enumerate(notebook["cells"])
            if cell["cell_type"] == "code" and cell["source"]
            and cell.get("execution_count") is None
            and "skip-execution" not in cell.get("metadata", {}).get("tags", [])
        ]
        assert unrun == [], f"{path.name}: code cells stored without running (run `make notebooks`)"


def test_chapters_are_small_enough_to_store():
    for path in chapter_notebooks():
        size_mb = path.stat().st_size / 1e6
        assert size_mb < MAX_NOTEBOOK_MB, (
            f"{path.name} is {size_mb:.1f} MB; lower the animations' frames or dpi "
            "(dlcore.plotting.ANIMATION_DPI, MAX_FRAMES)"
        )
