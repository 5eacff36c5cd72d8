"""Show the library's own code in a chapter: the code that runs, as it is.

A chapter that explains ``Network.forward`` shows it with one code cell::

    show_source(Network.forward)

The cell's output is the function's source, read from the installed
``dlcore`` at the moment the cell runs. It carries three forms: a Markdown
code block, which the published book colours with its theme (light or dark);
HTML with the colours written in, which JupyterLab and Colab show; and the
plain text, which the notebook tests compare with the stored output. So a listing can never drift from the library: change the code and
the chapter's stored output no longer matches until the chapter is run again.
"""

import html
import inspect
import re
import textwrap
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


class Source:
    """The source of a function, class or method of ``dlcore``, ready to display.

    Attributes
    ----------
    name : str
        Its qualified name, e.g. ``"Network.forward"``.
    path : str
        Its file inside the package, e.g. ``"dlcore/network.py"``.
    text : str
        The source, dedented.
    """

    def __init__(self, obj, *, start_at=None, end_at=None):
        obj = inspect.unwrap(obj.fget if isinstance(obj, property) else obj)
        try:
            lines, _ = inspect.getsourcelines(obj)
            file = Path(inspect.getsourcefile(obj)).resolve()
        except (TypeError, OSError):
            raise TypeError(
                f"show_source shows the code of a function, class or method, got {obj!r} "
                f"of type {type(obj).__name__}. Pass the function itself, without calling it: "
                "show_source(Network.forward), not show_source(net.forward(X))."
            ) from None
        try:
            self.path = "dlcore/" + file.relative_to(_PACKAGE).as_posix()
        except ValueError:
            self.path = file.name
        self.name = getattr(obj, "__qualname__", getattr(obj, "__name__", "?"))
        lines = _between(lines, start_at, end_at, self.name)
        self.text = textwrap.dedent("".join(lines))

    def _repr_mimebundle_(self, include=None, exclude=None):
        # A fence longer than any run of backticks in the code, so that none ends it early.
        longest = max((len(run) for run in re.findall(r"`+", self.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return {
            "text/plain": f"# {self.path}: {self.name}\n{self.text}",
            "text/markdown": f"`{self.path}`: `{self.name}`\n\n{fence}python\n{self.text}{fence}\n",
            "text/html": self._html(),
        }

    def _html(self):
        """Colours written into the HTML itself (JupyterLab and Colab have no style sheet for them)."""
        caption = f"<p><code>{html.escape(self.path)}</code>: <code>{html.escape(self.name)}</code></p>"
        try:
            from pygments import highlight      # comes with Jupyter; the listing is plain without it
            from pygments.formatters import HtmlFormatter
            from pygments.lexers import PythonLexer
        except ImportError:
            return f"{caption}<pre>{html.escape(self.text)}</pre>"
        return caption + highlight(self.text, PythonLexer(), HtmlFormatter(noclasses=True, style="default"))

    def __repr__(self):
        return f"# {self.path}: {self.name}\n{self.text}"


def _between(lines, start_at, end_at, name):
    """The lines from the first that contains ``start_at`` to the next that contains ``end_at``."""
    first, last = 0, len(lines)
    if start_at is not None:
        first = next((i for i, line in enumerate(lines) if start_at in line), None)
        if first is None:
            raise ValueError(f"No line of {name} contains start_at={start_at!r}: has the code changed?")
    if end_at is not None:
        end = next((i for i, line in enumerate(lines[first:], first) if end_at in line), None)
        if end is None:
            raise ValueError(f"No line of {name} after the start contains end_at={end_at!r}: has the code changed?")
        last = end + 1
    return lines[first:last]


def show_source(obj, *, start_at=None, end_at=None):
    """Display the source code of ``obj``, a function, class or method of the library.

    Parameters
    ----------
    obj : function, class, method or property
    start_at, end_at : str, optional
        Show only the lines from the first one containing ``start_at`` to
        the next one containing ``end_at`` (both included), to leave out a
        long docstring, say. A line that is no longer there is an error, so
        a listing cannot quietly lose its place when the code changes.

    Returns
    -------
    Source
        Shown by Jupyter as a highlighted listing; ``str(...)`` gives the text.

    Examples
    --------
    >>> from dlcore import Network, show_source
    >>> show_source(Network.forward)      # doctest: +SKIP
    """
    return Source(obj, start_at=start_at, end_at=end_at)
