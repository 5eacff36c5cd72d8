"""The built book, as a reader's browser sees it (run `make book` first).

Serves ``_build/html`` on 127.0.0.1 and opens every page in headless Chromium:
no JavaScript errors, no request to any other host (the site must work with
no network), math typeset by MathJax, alt text on every image, every
chapter animation playing when its play button is pressed, and no serious
or critical WCAG 2.1 A/AA violation found by axe-core (the engine of
Lighthouse's accessibility audit) in the light theme or the dark one.
Screenshots of every page go to ``_build/screenshots/site/``.
"""

import functools
import http.server
import re
import threading
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, SITE, play_animation

pytestmark = pytest.mark.site

# Console errors that are accepted, as (substring, reason). Keep this empty
# unless a message is understood, harmless and cannot be fixed in the book.
ALLOWED_CONSOLE_ERRORS = []

PAGES = sorted(
    path.relative_to(SITE).as_posix()
    for path in SITE.rglob("*.html")
    if not path.relative_to(SITE).parts[0].startswith("_")  # _static/, _sources/: assets, not pages
) if SITE.is_dir() else []
CHAPTER_PAGES = [path for path in PAGES if path.startswith("chapters/")]


def _built_html(path):
    return (SITE / path).read_text(encoding="utf-8")


# Chosen from the built HTML, so that each check runs exactly where it applies
# (a page without formulas has nothing to typeset; chapter 5 shows small
# multiples instead of animations) and no test has to skip.
MATH_PAGES = [path for path in PAGES if re.search(r'class="math[ "]', _built_html(path))]
ANIMATION_PAGES = [path for path in CHAPTER_PAGES if 'class="animation"' in _built_html(path)]

# Resolves once MathJax (if the page loads it) has typeset the page.
WAIT_FOR_MATHJAX = """() => (window.MathJax && MathJax.startup && MathJax.startup.promise)
    ? MathJax.startup.promise.then(() => true) : true"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def site_url():
    if not (SITE / "index.html").is_file():
        pytest.fail(f"No built site at {SITE}. Run `make book` first.")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class PageVisit:
    """One page opened in its own browser context, with everything that went wrong recorded."""

    def __init__(self, browser, base_url, path):
        self.base = urlsplit(base_url)
        self.path = path
        self.external_requests = []
        self.console_errors = []
        self.page_errors = []
        self.failed_requests = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("requestfailed", self._request_failed)
        self.page.on("response", self._response)
        self.page.goto(f"{base_url}/{path}", wait_until="networkidle")
        self.page.evaluate(WAIT_FOR_MATHJAX)

    def _route(self, route):
        # Record and refuse every request that leaves the site.
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == self.base.netloc:
            route.continue_()
        else:
            self.external_requests.append(route.request.url)
            route.abort()

    def _console(self, message):
        if message.type == "error" and not any(
            allowed in message.text for allowed, _reason in ALLOWED_CONSOLE_ERRORS
        ):
            self.console_errors.append(f"{message.text} (at {message.location.get('url', '?')})")

    def _request_failed(self, request):
        if urlsplit(request.url).netloc == self.base.netloc:
            self.failed_requests.append(f"{request.url}: {request.failure}")

    def _response(self, response):
        if response.status >= 400 and urlsplit(response.url).netloc == self.base.netloc:
            self.failed_requests.append(f"{response.url}: HTTP {response.status}")


@pytest.fixture(scope="module")
def visits(browser, site_url):
    """Opens each page once (on first use) and keeps it open for all the checks of this module."""
    opened = {}

    def visit(path):
        if path not in opened:
            opened[path] = PageVisit(browser, site_url, path)
        return opened[path]

    yield visit
    for page_visit in opened.values():
        page_visit.context.close()


def _screenshot_name(path):
    return path.replace("/", "__").replace(".html", ".png")


def test_the_site_has_the_book_pages():
    if not SITE.is_dir():
        pytest.fail(f"No built site at {SITE}. Run `make book` first.")
    assert "book/intro.html" in PAGES, f"Pages found in {SITE}: {PAGES}"
    assert "book/api.html" in PAGES
    assert CHAPTER_PAGES, "no chapter pages were built"
    assert set(MATH_PAGES) >= {"book/how_to_use.html"} | set(CHAPTER_PAGES), "pages expected to hold formulas hold none"
    assert ANIMATION_PAGES, "no chapter page holds an animation"


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_without_errors(visits, path, screenshot_dir):
    page_visit = visits(path)
    (screenshot_dir / "site").mkdir(exist_ok=True)
    page_visit.page.screenshot(path=str(screenshot_dir / "site" / _screenshot_name(path)))
    assert page_visit.external_requests == [], "the page asked another host for these; it must work offline"
    assert page_visit.page_errors == [], "JavaScript errors on the page"
    assert page_visit.console_errors == [], "console errors (ALLOWED_CONSOLE_ERRORS lists accepted ones)"
    assert page_visit.failed_requests == [], "requests to the site itself that failed"


@pytest.mark.parametrize("path", MATH_PAGES)
def test_math_is_typeset(visits, path):
    page = visits(path).page
    n_math = page.locator("span.math, div.math").count()
    assert n_math > 0, "the built page holds formulas, but the browser finds none"
    raw = page.evaluate(
        """() => [...document.querySelectorAll('span.math, div.math')]
                 .filter(el => !el.querySelector('mjx-container'))
                 .map(el => el.textContent.slice(0, 80))"""
    )
    assert raw == [], f"{len(raw)} of {n_math} formulas were left as raw TeX"


@pytest.mark.parametrize("path", PAGES)
def test_every_image_has_alt_text(visits, path):
    missing = visits(path).page.evaluate(
        """() => [...document.querySelectorAll('img')]
                 .filter(img => !(img.getAttribute('alt') || '').trim())
                 .map(img => (img.id || '') + ' ' + (img.getAttribute('src') || '').slice(0, 60))"""
    )
    assert missing == [], "images without alt text"


@pytest.mark.parametrize("path", ANIMATION_PAGES)
def test_chapter_animations_play(visits, path, screenshot_dir):
    page_visit = visits(path)
    page = page_visit.page
    players = page.locator("div.animation")
    assert players.count() > 0, "the built page holds an animation, but the browser finds none"
    (screenshot_dir / "site").mkdir(exist_ok=True)
    for i in range(players.count()):
        player = players.nth(i)
        play_animation(page, player)
        player.screenshot(path=str(screenshot_dir / "site" / f"animation{i}__{_screenshot_name(path)}"))
    assert page_visit.page_errors == []


@pytest.mark.parametrize("path", CHAPTER_PAGES)
def test_chapter_code_and_printed_text_fit_their_boxes_without_scrolling(visits, path):
    # At the 1280-pixel-wide window of these tests (both sidebars open). Opens the folded cells ("Show code cell source") too: a reader may unfold them.
    overflowing = visits(path).page.evaluate(
        """() => {
            document.querySelectorAll('details').forEach(d => d.open = true);
            return [...document.querySelectorAll('div.cell_input pre, div.cell_output pre')]
                .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
                .map(pre => pre.innerText.split('\\n').reduce((a, b) => b.length > a.length ? b : a, ''));
        }"""
    )
    assert overflowing == [], "code lines wider than their box (the longest line of each block)"


# --- Accessibility (WCAG 2.1 A and AA), light and dark ---------------------------------

# axe-core comes from npm with the site's other assets (book/package.json, as a
# devDependency) and the test injects it into the page: it is never copied into
# the published site.
AXE_JS = ROOT / "book" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("critical", "serious")
# The book follows the reader's system preference (`default_mode: auto` in
# _config.yml): the dark theme is what a reader whose system is dark sees.
THEMES = ["light", "dark"]


def _axe_violations(page, tags):
    if not page.evaluate("() => Boolean(window.axe)"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
                   .then(results => results.violations)""",
        tags,
    )


def _describe(violation, n_targets=3):
    targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
    more = f" and {len(targets) - n_targets} more" if len(targets) > n_targets else ""
    return (f"{violation['id']} ({violation['impact']}, {len(targets)} elements): "
            f"{violation['help']}; e.g. {', '.join(targets[:n_targets])}{more}")


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_accessibility_violations(visits, path, theme, screenshot_dir):
    # With every folded code cell opened, as a reader may open them.
    if not AXE_JS.is_file():
        pytest.fail(f"No axe-core at {AXE_JS}. Run `make book` (it installs book/package.json with npm ci).")
    page = visits(path).page
    try:
        page.emulate_media(color_scheme=theme)
        page.wait_for_function("theme => document.documentElement.dataset.theme === theme", arg=theme)
        background = page.evaluate(
            """() => {
                document.querySelectorAll('details').forEach(d => d.open = true);
                // Measure colours after the theme's transitions and the opened cells' fade-in.
                document.getAnimations().forEach(a => { try { a.finish(); } catch (e) { /* endless */ } });
                window.scrollTo(0, 0);
                const rgb = getComputedStyle(document.body).backgroundColor.match(/[0-9.]+/g).map(Number);
                return (rgb[0] + rgb[1] + rgb[2]) / 3;
            }"""
        )
        assert (background < 60) if theme == "dark" else (background > 200), (
            f"the page's background (mean RGB {background:.0f}) is not {theme}: the theme did not switch")
        (screenshot_dir / "site").mkdir(exist_ok=True)
        page.screenshot(path=str(screenshot_dir / "site" / f"{theme}__{_screenshot_name(path)}"))
        figures = page.locator("div.cell_output:has(img)")
        if theme == "dark" and figures.count():
            figures.first.screenshot(path=str(screenshot_dir / "site" / f"dark_figure__{_screenshot_name(path)}"))
        violations = _axe_violations(page, WCAG_TAGS)
    finally:
        page.emulate_media(color_scheme="light")  # as the page was opened, for the other tests
    blocking = [_describe(v) for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert blocking == [], f"WCAG 2.1 A/AA violations in the {theme} theme:\n" + "\n".join(blocking)
