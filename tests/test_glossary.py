"""Glossary links and citations in the chapters, checked from the sources.

The build catches a ``{term}`` or ``{cite}`` role whose target is missing (a
warning, and ``make book`` fails on warnings). These tests say the same without
building, and check what the build does not:

- every ``{term}`` in a chapter names an entry of ``book/glossary.md``;
- each chapter links its glossary terms (at least ``MIN_TERMS`` of them), and
  each term only once (at its first use in the chapter's text, which is for
  the author to choose: a word can be used in another sense first);
- no term is linked in a heading or on a directive's own lines (an exercise's
  title and options, a closer-look box's title), where a link reads badly, nor
  only in a solution, which the course edition leaves out;
- the glossary stays in alphabetical order;
- every BibTeX key cited in the book exists in ``book/references.bib``, and
  every entry of the .bib is cited somewhere in the book.
"""

import json
import re

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
IDS = [path.stem for path in NOTEBOOKS]
GLOSSARY = ROOT / "book" / "glossary.md"
BIBFILE = ROOT / "book" / "references.bib"
BOOK_PAGES = sorted((ROOT / "book").glob("*.md"))

MIN_TERMS = 5

TERM_ROLE = re.compile(r"\{term\}`([^`]+)`")
# {cite}, {cite:p}, {cite:t}, {cite:yearpar}, ...: the keys are separated by commas.
CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")
BIB_ENTRY = re.compile(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,", re.M)


def markdown_cells(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown"]


def normalise(name):
    """Sphinx looks terms up case-insensitively, with runs of white space as one space."""
    return " ".join(name.split()).lower()


def term_target(role_text):
    """`weights <Weight>` links to "Weight"; `bias` links to "bias"."""
    explicit = re.fullmatch(r"(.*?)\s*<([^<>]+)>\s*", role_text, re.S)
    return normalise(explicit.group(2) if explicit else role_text)


def glossary_terms():
    """The terms of the ```{glossary} block: its lines that are not indented (definitions are)."""
    text = GLOSSARY.read_text(encoding="utf-8")
    block = re.search(r"^```\{glossary\}\n(.*?)^```", text, re.S | re.M)
    assert block, f"{GLOSSARY} has no ```{{glossary}} block"
    return [line for line in block.group(1).splitlines() if line.strip() and not line[0].isspace()]


def bib_keys():
    return [key for _, key in BIB_ENTRY.findall(BIBFILE.read_text(encoding="utf-8"))]


def cited_keys(texts):
    return {key.strip() for text in texts for role in CITE_ROLE.findall(text) for key in role.split(",")}


def chapter_texts():
    return [text for path in NOTEBOOKS for text in markdown_cells(path)]


def book_page_texts():
    return [path.read_text(encoding="utf-8") for path in BOOK_PAGES]


def test_the_role_patterns_read_targets_and_keys_as_sphinx_does():
    # hand-made examples: explicit titles, case, line breaks, several keys
    assert [term_target(t) for t in TERM_ROLE.findall("the {term}`weights <Weight>` and a {term}`Bias`")] == [
        "weight", "bias"]
    assert term_target("decision\nboundary") == "decision boundary"
    text = "{cite:p}`cybenko1989, hornik1991` and {cite:t}`rosenblatt1958`, {cite:yearpar}`collins2002`"
    assert cited_keys([text]) == {"cybenko1989", "hornik1991", "rosenblatt1958", "collins2002"}


def test_the_glossary_is_in_alphabetical_order_without_duplicates():
    terms = glossary_terms()
    assert len(terms) > 40
    names = [normalise(term) for term in terms]
    assert names == sorted(names), "book/glossary.md: keep the entries in alphabetical order"
    assert len(set(names)) == len(names), "book/glossary.md: a term is defined twice"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_linked_term_is_defined_in_the_glossary(path):
    defined = {normalise(term) for term in glossary_terms()}
    targets = [term_target(role) for text in markdown_cells(path) for role in TERM_ROLE.findall(text)]
    missing = sorted(set(targets) - defined)
    assert not missing, (
        f"{path.name} links {missing} with {{term}}, but book/glossary.md does not define them. "
        f"Add an entry to the glossary, or link an existing term: {{term}}`text <Term>`.")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_each_chapter_links_its_terms_and_each_term_only_once(path):
    targets = [term_target(role) for text in markdown_cells(path) for role in TERM_ROLE.findall(text)]
    assert len(set(targets)) >= MIN_TERMS, (
        f"{path.name} links {len(set(targets))} glossary terms; link each term at its first use "
        f"(at least {MIN_TERMS} per chapter).")
    twice = sorted({target for target in targets if targets.count(target) > 1})
    assert not twice, f"{path.name} links {twice} more than once: link a term at its first use only."


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_terms_are_not_linked_in_headings_or_on_directive_lines(path):
    for text in markdown_cells(path):
        for line in text.splitlines():
            stripped = line.lstrip()
            if stripped.startswith(("#", ":::", "```", ":label:", ":class:")):
                assert "{term}" not in line, f"{path.name}: a term linked in a heading or directive line: {line!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_solutions_hold_no_term_links_or_citations(path):
    # The course edition removes the solutions: a link or citation there would vanish with them.
    inside = False
    for text in markdown_cells(path):
        if text.lstrip().startswith(":::{solution-start}"):
            inside = True
        elif text.lstrip().startswith(":::{solution-end}"):
            inside = False
        elif inside:
            assert not TERM_ROLE.search(text) and not CITE_ROLE.search(text), (
                f"{path.name}: a {{term}} or {{cite}} inside a solution; link the term in the chapter's text.")


def test_the_bibliography_has_no_duplicate_keys():
    keys = bib_keys()
    assert len(keys) > 20
    assert len(set(keys)) == len(keys), sorted({key for key in keys if keys.count(key) > 1})


def test_every_key_cited_in_the_chapters_is_in_the_bibliography():
    cited = cited_keys(chapter_texts())
    assert len(cited) >= 20
    missing = sorted(cited - set(bib_keys()))
    assert not missing, f"cited in the chapters but not in book/references.bib: {missing}"


def test_every_key_cited_on_the_book_pages_is_in_the_bibliography():
    missing = sorted(cited_keys(book_page_texts()) - set(bib_keys()))
    assert not missing, f"cited in book/*.md but not in book/references.bib: {missing}"


def test_every_entry_of_the_bibliography_is_cited_somewhere():
    cited = cited_keys(chapter_texts() + book_page_texts())
    uncited = sorted(set(bib_keys()) - cited)
    assert not uncited, (
        f"book/references.bib holds {uncited}, which nothing in the book cites: cite each work where "
        f"its idea appears ({{cite:t}}`key` or {{cite:p}}`key`), or remove the entry.")
