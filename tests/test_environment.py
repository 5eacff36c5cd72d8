"""The environment reproduces: exact versions in the lock files, installed from them, loose lists beside them.

``requirements.in`` and ``requirements-test.in`` say what the book needs;
``make lock`` turns them into ``requirements.lock`` and ``requirements-test.lock``
(every package pinned with ``==``); ``requirements.txt`` and
``requirements-test.txt``, which `make`, Binder and JupyterHubs install, point at
the locks; ``runtime.txt`` gives Binder the Python version the tests run on.
"""

import re
import sys
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT


def lines(name):
    return [line.split("#", 1)[0].strip() for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
            if line.split("#", 1)[0].strip()]


def pins(name):
    """{package: version} of a lock file; fails on any line that is not an exact pin."""
    pinned = {}
    for line in lines(name):
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        assert match, f"{name}: not an exact pin: {line!r}"
        pinned[canonicalize_name(match.group(1))] = match.group(2)
    return pinned


@pytest.mark.parametrize("installed, lock", [("requirements.txt", "requirements.lock"),
                                             ("requirements-test.txt", "requirements-test.lock")])
def test_what_is_installed_is_the_lock(installed, lock):
    assert f"-r {lock}" in lines(installed)
    assert pins(lock)


@pytest.mark.parametrize("loose, lock", [("requirements.in", "requirements.lock"),
                                         ("requirements-test.in", "requirements-test.lock")])
def test_every_loose_requirement_is_locked_at_a_version_it_allows(loose, lock):
    pinned = pins(lock)
    for line in lines(loose):
        if line.startswith("-"):
            continue
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is in {loose} but not in {lock}: run `make lock`"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"{lock} pins {requirement.name}=={pinned[name]}, which {loose} does not allow ({requirement.specifier})"
        )


def test_the_two_locks_agree_on_every_package_they_share():
    reader, test = pins("requirements.lock"), pins("requirements-test.lock")
    differ = {name: (reader[name], test[name]) for name in reader.keys() & test.keys() if reader[name] != test[name]}
    assert differ == {}


def test_this_environment_is_the_locked_one():
    # The tests run in the environment the README's commands install; a package
    # upgraded or installed by hand shows here.
    expected = {**pins("requirements.lock"), **pins("requirements-test.lock")}
    wrong = {}
    for name, version in expected.items():
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            found = None
        if found != version:
            wrong[name] = (version, found)
    assert wrong == {}, "installed versions differ from the lock (run `make venv`, or `make lock` on purpose)"


def test_binder_gets_the_tested_python():
    (runtime,) = lines("runtime.txt")
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}"
