"""The book to take along: the archive `make book` writes, opened from disk (run `make book` first).

Unpacks ``_build/deep-learning-basics.zip`` into a temporary folder and opens
its pages in headless Chromium from ``file://`` URLs, as a reader who
double-clicks ``index.html`` does: no JavaScript errors, no request to any
http(s) host, math typeset by the site's own MathJax, an animation that plays,
navigation between pages, search, and MathJax's speech explorer (whose rules
Chromium would refuse to read from disk with XMLHttpRequest; see
``book/_ext/offline_site.py``). Screenshots go to ``_build/screenshots/archive/``.
"""

import json
import re
import zipfile
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, play_animation

pytestmark = pytest.mark.site

ARCHIVE = ROOT / "_build" / "deep-learning-basics.zip"
TOP = "deep-learning-basics"

# Resolves to true once MathJax (if the page loads it) has typeset the page, to false if it
# has not within the given milliseconds (it waits for ever on a file it cannot read).
WAIT_FOR_MATHJAX = """(ms) => (window.MathJax && MathJax.startup && MathJax.startup.promise)
    ? Promise.race([MathJax.startup.promise.then(() => true),
                    new Promise(resolve => setTimeout(() => resolve(false), ms))])
    : true"""
MATHJAX_TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def archive():
    if not ARCHIVE.is_file():
        pytest.fail(f"No archive at {ARCHIVE}. Run `make book` first.")
    with zipfile.ZipFile(ARCHIVE) as opened:
        yield opened


@pytest.fixture(scope="module")
def book(archive, tmp_path_factory):
    """The archive unpacked into a temporary folder: the folder a reader opens."""
    folder = tmp_path_factory.mktemp("archive")
    archive.extractall(folder)
    return folder / TOP


def _chapter_pages(book):
    return sorted(path for path in (book / "chapters").glob("*.html"))


@pytest.fixture(scope="module")
def math_page(book):
    """A chapter page with formulas, picked from the unpacked HTML (one without animations if any)."""
    with_math = [p for p in _chapter_pages(book) if re.search(r'class="math[ "]', p.read_text(encoding="utf-8"))]
    assert with_math, "no chapter page in the archive holds a formula"
    still = [p for p in with_math if 'class="animation"' not in p.read_text(encoding="utf-8")]
    return (still or with_math)[0]


@pytest.fixture(scope="module")
def animation_page(book):
    """A chapter page with an animation, picked from the unpacked HTML."""
    animated = [p for p in _chapter_pages(book) if 'class="animation"' in p.read_text(encoding="utf-8")]
    assert animated, "no chapter page in the archive holds an animation"
    return animated[0]


@pytest.fixture(scope="module")
def shots(screenshot_dir):
    folder = screenshot_dir / "archive"
    folder.mkdir(exist_ok=True)
    return folder


class DiskVisit:
    """One page opened from a file:// URL in its own browser context, with what went wrong recorded."""

    def __init__(self, browser, path, query="", init_script=None, lands_on=None):
        self.external_requests = []
        self.page_errors = []
        self.console_errors = []
        self.failed_requests = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        # Refuse (and record) anything for another host; file:, data: and blob: stay on the disk.
        self.context.route(re.compile(r"^(https?|wss?|ftp)://"), self._refuse)
        if init_script:
            self.context.add_init_script(init_script)
        self.page = self.context.new_page()
        self.page.on("request", self._request)
        self.page.on("websocket", lambda socket: self.external_requests.append(socket.url))
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("console", self._console)
        self.page.on("requestfailed", lambda request: self.failed_requests.append(f"{request.url}: {request.failure}"))
        self.page.goto(path.as_uri() + query, wait_until="load")
        if lands_on:  # a page that sends the reader on (index.html: a meta refresh)
            self.page.wait_for_url(lands_on)
            self.page.wait_for_load_state("load")
        self.mathjax_done = self.page.evaluate(WAIT_FOR_MATHJAX, MATHJAX_TIMEOUT_MS)

    def _refuse(self, route):
        self.external_requests.append(route.request.url)
        route.abort()

    def _request(self, request):
        if urlsplit(request.url).scheme not in ("file", "data", "blob", "about"):
            self.external_requests.append(request.url)

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(f"{message.text} (at {message.location.get('url', '?')})")

    def assert_clean(self):
        assert self.mathjax_done, f"MathJax had not finished typesetting the page after {MATHJAX_TIMEOUT_MS} ms"
        assert self.external_requests == [], "the page asked another host for these; from disk it must need none"
        assert self.page_errors == [], "JavaScript errors on the page"
        assert self.console_errors == [], "console errors"
        assert self.failed_requests == [], "files of the unpacked book that could not be read"

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    opened = []

    def open_page(path, **kwargs):
        opened.append(DiskVisit(browser, path, **kwargs))
        return opened[-1]

    yield open_page
    for page_visit in opened:
        page_visit.close()


# --- the archive itself ---------------------------------------------------------------


def test_archive_holds_the_site_the_notebooks_and_a_readme(archive):
    names = archive.namelist()
    print(f"\n{ARCHIVE.relative_to(ROOT)}: {ARCHIVE.stat().st_size / 1e6:.1f} MB, {len(names)} files")
    assert names == sorted(names), "entries are not sorted (the archive would differ from build to build)"
    assert all(name.startswith(f"{TOP}/") for name in names), "everything unpacks into one folder"
    assert len({info.date_time for info in archive.infolist()}) == 1, "entries carry different time stamps"
    for required in ("index.html", "README.txt", "search.html", "searchindex.js", "_static/mathjax/tex-mml-chtml.js"):
        assert f"{TOP}/{required}" in names, f"{required} is missing from the archive"

    notebooks = sorted(path.name for path in (ROOT / "chapters").glob("*.ipynb"))
    assert notebooks, "the repository has no chapter notebooks"
    packed = sorted(name.rsplit("/", 1)[1] for name in names if re.fullmatch(rf"{TOP}/chapters/[^/]+\.ipynb", name))
    assert packed == notebooks, "the archive's chapters/ must hold exactly the chapter notebooks"
    for name in packed:
        notebook = json.loads(archive.read(f"{TOP}/chapters/{name}"))
        assert notebook.get("nbformat") == 4 and notebook.get("cells"), f"{name} is not a notebook"
        assert f"{TOP}/chapters/{name.removesuffix('.ipynb')}.html" in names, f"{name} has no page beside it"

    readme = archive.read(f"{TOP}/README.txt").decode("utf-8")
    for phrase in ("index.html", "chapters/", "jupyter lab", "Search"):
        assert phrase in readme, f"README.txt does not mention {phrase!r}"


def test_every_link_between_pages_points_to_a_file_in_the_archive(book):
    broken = []
    for page in sorted(book.rglob("*.html")):
        relative = page.relative_to(book)
        if relative.parts[0] in ("_static", "_sources"):
            continue
        for target in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto:, data: ...: not files
                continue
            resolved = (page.parent / unquote(target)).resolve()
            if target.startswith("/") or not resolved.is_file():
                broken.append(f"{relative.as_posix()} -> {target}")
    assert broken == [], "links that lead nowhere once the book is on disk"


# --- the book opened from disk ---------------------------------------------------------


def test_index_opens_the_introduction_from_disk(visit, book, shots):
    page_visit = visit(book / "index.html", lands_on=re.compile(r"^file://.*/book/intro\.html$"))
    page = page_visit.page
    page.screenshot(path=str(shots / "index.png"))
    assert page.locator("h1").first.inner_text().strip(), "the introduction shows no title"
    page_visit.assert_clean()


def test_navigation_between_pages_from_disk(visit, book, animation_page, shots):
    page_visit = visit(book / "book" / "intro.html")
    page = page_visit.page
    target = animation_page.name
    page.locator(f"nav a[href$='{target}']").first.click()
    page.wait_for_url(re.compile(rf"^file://.*/chapters/{re.escape(target)}$"))
    page.wait_for_load_state("load")
    assert page.evaluate(WAIT_FOR_MATHJAX, MATHJAX_TIMEOUT_MS), "MathJax did not finish on the chapter page"
    page.locator(".bd-sidebar-primary a[href$='intro.html']").first.click()  # and back, from the sidebar
    page.wait_for_url(re.compile(r"^file://.*/book/intro\.html$"))
    page.wait_for_load_state("load")
    page.screenshot(path=str(shots / "navigation__back_at_intro.png"))
    page_visit.assert_clean()


def test_math_is_typeset_from_disk(visit, math_page, shots):
    page_visit = visit(math_page)
    page = page_visit.page
    n_math = page.locator("span.math, div.math").count()
    assert n_math > 0, "the built page holds formulas, but the browser finds none"
    assert page.locator("mjx-container").count() > 0, "MathJax typeset nothing"
    raw = page.evaluate(
        """() => [...document.querySelectorAll('span.math, div.math')]
                 .filter(el => !el.querySelector('mjx-container'))
                 .map(el => el.textContent.slice(0, 80))"""
    )
    page.locator("div.math").first.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"math__{math_page.stem}.png"))
    assert raw == [], f"{len(raw)} of {n_math} formulas were left as raw TeX"
    page_visit.assert_clean()


def test_animation_plays_from_disk(visit, animation_page, shots):
    page_visit = visit(animation_page)
    page = page_visit.page
    player = page.locator("div.animation").first
    play_animation(page, player)
    player.screenshot(path=str(shots / f"animation__{animation_page.stem}.png"))
    page_visit.assert_clean()


def test_search_lists_pages_from_disk(visit, book, shots):
    # The index is a script (searchindex.js), so search works from disk; the text
    # summaries under each result would need fetch(), and are left out there.
    page_visit = visit(book / "search.html", query="?q=neuron")
    page = page_visit.page
    page.wait_for_function("() => document.querySelectorAll('#search-results li a').length > 0", timeout=10_000)
    page.wait_for_load_state("networkidle")  # a summary's fetch() would fail by now
    page.screenshot(path=str(shots / "search.png"))
    page_visit.assert_clean()


def test_speech_explorer_works_from_disk(visit, math_page, shots):
    # A reader who once ticked MathJax's Accessibility > Activate has it stored (MathJax keeps
    # menu settings in localStorage): every page then loads the speech rules while typesetting.
    # From disk, Chromium refuses the XMLHttpRequest MathJax uses for them, and without the
    # build's script copies no formula on any page would be typeset.
    page_visit = visit(
        math_page,
        init_script="localStorage.setItem('MathJax-Menu-Settings', JSON.stringify({explorer: true}))",
    )
    page = page_visit.page
    page_visit.assert_clean()  # typeset, with no error reading the speech rules
    page.wait_for_function(
        "() => document.querySelectorAll('mjx-container [data-semantic-speech], mjx-container[data-semantic-speech]').length > 0", timeout=20_000
    )
    raw = page.evaluate(
        "() => [...document.querySelectorAll('span.math, div.math')].filter(el => !el.querySelector('mjx-container')).length"
    )
    page.locator("div.math").first.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"speech__{math_page.stem}.png"))
    assert raw == 0, "formulas left as raw TeX with the speech explorer on"
    page_visit.assert_clean()
