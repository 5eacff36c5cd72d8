"""The workflows in .github/workflows/ run the README's own commands.

The README's quick start shows the two commands anyone needs in a ```bash
block: one builds the book, one runs every test. These checks read them from
README.md (never a copy here), so that changing a command in the README without
changing the workflows (or the other way round) fails:

- every workflow file parses;
- the test workflow runs on every push and pull request, on Ubuntu with Python
  3.11 from actions/setup-python, and one of its steps runs exactly the test command;
- the publishing workflow runs on the main branch only, runs exactly the book
  command, uploads _build/html with actions/upload-pages-artifact and deploys it
  with actions/deploy-pages, with the permissions and concurrency Pages needs;
- every action is pinned to a version.
"""

import re

import pytest
import yaml

from conftest import ROOT

README = ROOT / "README.md"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))


def _readme_commands():
    """(book command, test command), as README.md's quick start shows them."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"^```bash\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    assert block, "README.md has no ```bash block"
    commands = [line.strip() for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]
    # The bullets above the block say which command does what.
    roles = {}
    for role, phrase in (("book", "builds the web book"), ("test", "runs every test")):
        bullet = re.search(rf"^- `([^`]+)` {phrase}", text, flags=re.MULTILINE)
        assert bullet, f"README.md no longer says which command {phrase} (a bullet '- `...` {phrase}')"
        roles[role] = bullet.group(1).strip()
        assert roles[role] in commands, (
            f"the README's bullet names {roles[role]!r}, but its ```bash block runs {commands}"
        )
    return roles["book"], roles["test"]


BOOK_COMMAND, TEST_COMMAND = _readme_commands()


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _triggers(workflow):
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    if isinstance(triggers, str):
        return {triggers: None}
    if isinstance(triggers, list):
        return {name: None for name in triggers}
    return dict(triggers or {})


def _steps(workflow):
    for job_name, job in (workflow.get("jobs") or {}).items():
        for step in job.get("steps") or []:
            yield job_name, job, step


def _runs(workflow, command):
    """The jobs with a step whose whole `run:` is exactly this command."""
    return [job for _, job, step in _steps(workflow) if str(step.get("run", "")).strip() == command]


def _uses(workflow, action):
    return [(job, step) for _, job, step in _steps(workflow) if str(step.get("uses", "")).split("@")[0] == action]


def _workflows_running(command):
    return [path for path in WORKFLOWS if _runs(_load(path), command)]


def test_the_readme_shows_two_different_commands():
    assert BOOK_COMMAND and TEST_COMMAND and BOOK_COMMAND != TEST_COMMAND


def test_there_are_workflows():
    assert WORKFLOWS, "no workflow files in .github/workflows/"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_parses(path):
    workflow = _load(path)
    assert isinstance(workflow, dict), f"{path.name} is not a YAML mapping"
    assert workflow.get("name"), f"{path.name} has no name"
    assert _triggers(workflow), f"{path.name} has no `on:` triggers"
    jobs = workflow.get("jobs")
    assert isinstance(jobs, dict) and jobs, f"{path.name} has no jobs"
    for job_name, job in jobs.items():
        assert job.get("runs-on"), f"job {job_name} of {path.name} says no runner"
        assert job.get("steps"), f"job {job_name} of {path.name} has no steps"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_version(path):
    for job_name, _job, step in _steps(_load(path)):
        uses = step.get("uses")
        if uses:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", uses), (
                f"{path.name}, job {job_name}: {uses!r} is not pinned to a major version (or a commit)"
            )


def test_the_test_workflow_runs_the_readmes_test_command_on_every_push_and_pull_request():
    found = _workflows_running(TEST_COMMAND)
    assert found, f"no workflow has a step that runs exactly the README's test command, {TEST_COMMAND!r}"
    for path in found:
        workflow = _load(path)
        triggers = _triggers(workflow)
        for event in ("push", "pull_request"):
            assert event in triggers, f"{path.name} does not run on {event}"
            assert not (triggers[event] or {}).get("branches"), f"{path.name} runs on {event} to some branches only"
        for job in _runs(workflow, TEST_COMMAND):
            assert "ubuntu" in str(job.get("runs-on")), f"{path.name} runs the tests on {job.get('runs-on')}, not Ubuntu"
            setup = [step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/setup-python@")]
            assert setup, f"{path.name} does not set up Python with actions/setup-python"
            assert str(setup[0].get("with", {}).get("python-version")) == "3.11", "the tests must run on Python 3.11"


def test_the_publishing_workflow_builds_with_the_readmes_book_command_and_deploys_html_from_main_only():
    deploying = [path for path in WORKFLOWS if _uses(_load(path), "actions/deploy-pages")]
    assert len(deploying) == 1, f"expected one workflow that deploys to GitHub Pages, found {[p.name for p in deploying]}"
    path = deploying[0]
    workflow = _load(path)

    triggers = _triggers(workflow)
    assert set(triggers) <= {"push", "workflow_dispatch"}, f"{path.name} also runs on {set(triggers) - {'push', 'workflow_dispatch'}}"
    assert (triggers.get("push") or {}).get("branches") == ["main"], f"{path.name} must publish pushes to main only"
    if "workflow_dispatch" in triggers:  # can be started on any branch: every job must check
        for job_name, job in workflow["jobs"].items():
            assert re.sub(r"\s", "", str(job.get("if", ""))) in (
                "github.ref=='refs/heads/main'", "${{github.ref=='refs/heads/main'}}"
            ), f"job {job_name} of {path.name} would also run on other branches when started by hand"

    assert _runs(workflow, BOOK_COMMAND), f"{path.name} does not run exactly the README's book command, {BOOK_COMMAND!r}"
    uploads = _uses(workflow, "actions/upload-pages-artifact")
    assert uploads, f"{path.name} does not upload the site with actions/upload-pages-artifact"
    for job, step in uploads:
        assert str((step.get("with") or {}).get("path", "")).rstrip("/") == "_build/html", "the uploaded site must be _build/html"
        steps = job["steps"]
        book_step = next(i for i, s in enumerate(steps) if str(s.get("run", "")).strip() == BOOK_COMMAND)
        assert book_step < steps.index(step), "the site is uploaded before the book command built it"

    permissions = dict(workflow.get("permissions") or {})
    for job, _step in _uses(workflow, "actions/deploy-pages"):
        permissions.update(job.get("permissions") or {})
        assert (job.get("environment") or {}).get("name") == "github-pages", "deploy-pages needs the github-pages environment"
    assert permissions.get("pages") == "write" and permissions.get("id-token") == "write", (
        f"{path.name} needs `pages: write` and `id-token: write` to deploy, has {permissions}"
    )
    assert workflow.get("concurrency"), f"{path.name} sets no concurrency: two publications could overlap"
