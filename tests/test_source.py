"""dlcore.source: the library's code shown in a chapter, as it is in the installed files."""

import inspect

import pytest

from dlcore import Dense, Network, datasets, show_source
from dlcore.source import Source


def test_the_listing_is_the_code_of_the_installed_function():
    listing = show_source(Network.forward)
    assert listing.name == "Network.forward" and listing.path == "dlcore/network.py"
    lines = listing.text.splitlines()
    assert lines[0] == "def forward(self, X):"                   # dedented out of the class
    assert "    A = self.check_X(X)" in lines
    assert lines[-1] == "    return A"


def test_the_notebook_gets_plain_text_to_compare_and_markdown_to_show():
    bundle = show_source(datasets.circles)._repr_mimebundle_()
    assert bundle["text/plain"].splitlines()[0] == "# dlcore/datasets/toy.py: circles"
    assert bundle["text/plain"].endswith(show_source(datasets.circles).text)
    markdown = bundle["text/markdown"]
    assert markdown.startswith("`dlcore/datasets/toy.py`: `circles`\n\n```python\ndef circles(")
    assert markdown.rstrip().endswith("```")


def test_a_listing_is_read_from_the_file_each_time(monkeypatch):
    # what makes nbval catch a chapter whose stored listing no longer matches the library
    before = show_source(Dense.backward_from_dZ).text
    lines, start = inspect.getsourcelines(Dense.backward_from_dZ)
    changed = [line.replace("dZ.sum(axis=0)", "dZ.mean(axis=0)") for line in lines]
    monkeypatch.setattr(inspect, "getsourcelines", lambda obj: (changed, start))
    after = show_source(Dense.backward_from_dZ).text
    assert after != before and "dZ.mean(axis=0)" in after


def test_a_fence_longer_than_any_backticks_in_the_code():
    source = Source(Network.forward)
    source.text = 'x = "````"\n'
    assert "`````python" in source._repr_mimebundle_()["text/markdown"]


def test_properties_and_classes_show_too():
    assert show_source(Dense.W).text.startswith("@property\ndef W(self):")
    assert show_source(Source).text.startswith("class Source:")


def test_a_value_instead_of_a_function_gets_a_message_that_says_what_to_pass():
    with pytest.raises(TypeError, match=r"Pass the function itself, without calling it"):
        show_source(3.0)


def test_a_part_of_a_function_from_one_line_to_another():
    listing = show_source(datasets.circles, start_at="y = _two_class_labels", end_at="return X, y")
    lines = listing.text.splitlines()
    assert lines[0].startswith("y = _two_class_labels") and lines[-1] == "return X, y"
    assert '"""' not in listing.text                         # the docstring is left out


@pytest.mark.parametrize("where", [{"start_at": "no such line"}, {"end_at": "no such line"}])
def test_a_part_that_is_no_longer_in_the_code_is_an_error(where):
    with pytest.raises(ValueError, match="has the code changed"):
        show_source(datasets.circles, **where)


def test_jupyterlab_and_colab_get_coloured_html_with_the_same_code():
    import html as html_module
    import re as re_module

    listing = show_source(Network.forward)
    page = listing._repr_mimebundle_()["text/html"]
    assert "<code>dlcore/network.py</code>" in page and "style=" in page       # colours written in
    text = html_module.unescape(re_module.sub(r"<[^>]+>", "", page.split("</p>", 1)[1]))
    assert text.strip() == listing.text.strip()
