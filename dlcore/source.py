"""Show the library's own code in a chapter: the code that runs, as it is.

A chapter that explains ``Network.forward`` shows it with one code cell::

    show_source(Network.forward)

The cell's output is the function's source, read from the installed
``dlcore`` at the moment the cell runs. It carries two forms: a Markdown code
block, which JupyterLab, Colab and the published book all show with syntax
colours, and the plain text, which the notebook tests compare with the stored
output. So a listing can never drift from the library: change the code and
the chapter's stored output no longer matches until the chapter is run again.
"""

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

    def __init__(self, obj):
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
        self.text = textwrap.dedent("".join(lines))

    def _repr_mimebundle_(self, include=None, exclude=None):
        # A fence longer than any run of backticks in the code, so that none ends it early.
        longest = max((len(run) for run in re.findall(r"`+", self.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return {
            "text/plain": f"# {self.path}: {self.name}\n{self.text}",
            "text/markdown": f"`{self.path}`: `{self.name}`\n\n{fence}python\n{self.text}{fence}\n",
        }

    def __repr__(self):
        return f"# {self.path}: {self.name}\n{self.text}"


def show_source(obj):
    """Display the source code of ``obj``, a function, class or method of the library.

    Parameters
    ----------
    obj : function, class, method or property

    Returns
    -------
    Source
        Shown by Jupyter as a highlighted listing; ``str(...)`` gives the text.

    Examples
    --------
    >>> from dlcore import Network, show_source
    >>> show_source(Network.forward)      # doctest: +SKIP
    """
    return Source(obj)
