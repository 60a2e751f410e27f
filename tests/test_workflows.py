"""The GitHub Actions workflows and Dependabot's configuration pass actionlint and zizmor with no
findings, and are hardened: only jobs that install and run nothing may write."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


@pytest.mark.build
def test_actionlint_finds_nothing():
    result = subprocess.run([str(BIN / "actionlint"), *map(str, WORKFLOWS)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.build
def test_zizmor_finds_nothing():
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", str(ROOT / ".github")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actions_are_pinned_and_permissions_least_privilege():
    assert WORKFLOWS
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        for action in re.findall(r"uses:\s*(\S+)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), (path.name, action)
        workflow = yaml.safe_load(text)
        assert workflow["permissions"] == {}, path.name
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, (path.name, name)
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, (path.name, name)


def workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def actions_of(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def commands_of(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def writes(job: dict) -> bool:
    return "write" in job["permissions"].values()


# What a job that holds a write permission may run: the published files come to it as an
# artifact, and it hands them on. No checkout, no set-up, no package manager, no project code.
PUBLISHING_ACTIONS = {"actions/deploy-pages", "actions/download-artifact"}
PUBLISHING_COMMAND = re.compile(r"gh release create [^\n;&|]*")


def test_only_jobs_that_install_and_run_nothing_may_write():
    for path in WORKFLOWS:
        for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items():
            if not writes(job):
                continue
            assert set(actions_of(job)) <= PUBLISHING_ACTIONS, (path.name, name, actions_of(job))
            assert all(PUBLISHING_COMMAND.fullmatch(command) for command in commands_of(job)), (path.name, name)


def test_jobs_that_install_or_build_hold_no_write_permission_and_every_job_has_a_time_out():
    for path in WORKFLOWS:
        for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items():
            assert isinstance(job.get("timeout-minutes"), int) and job["timeout-minutes"] <= 60, (path.name, name)
            runs_project = any(re.search(r"\b(make|pip|npm|python|apt-get)\b", command) for command in commands_of(job))
            sets_up = any(action.startswith("actions/setup-") for action in actions_of(job))
            if runs_project or sets_up:
                assert not writes(job), (path.name, name)


def test_pages_are_deployed_from_main_as_the_artifact_of_a_tested_build():
    jobs = workflow("site.yml")["jobs"]
    deploy, build = jobs["deploy"], jobs["build"]
    assert set(deploy["needs"]) == {"test", "build"}
    assert deploy["concurrency"]["group"] == "pages"
    assert "refs/heads/main" in deploy["if"] and deploy["if"] == build["if"]
    assert actions_of(deploy) == ["actions/deploy-pages"]
    assert set(deploy["permissions"]) == {"pages", "id-token"}
    assert "actions/upload-pages-artifact" in actions_of(build)
    assert commands_of(build) == ["make build"]
    assert build["steps"][-1]["with"]["path"] == "site"


def test_a_release_attaches_the_artifact_of_a_tested_build():
    jobs = workflow("release.yml")["jobs"]
    release, build = jobs["release"], jobs["build"]
    assert set(release["needs"]) == {"test", "build"}
    assert commands_of(jobs["test"]) == ["make test"]
    assert commands_of(build) == ["make build"]
    uploaded = next(step["with"] for step in build["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    downloaded = next(step["with"] for step in release["steps"] if step.get("uses", "").startswith("actions/download-artifact@"))
    assert uploaded["name"] == downloaded["name"]
    assert uploaded["path"].rstrip("/") == "site/downloads"
    assert commands_of(release)[0].startswith(f'gh release create "$GITHUB_REF_NAME" {downloaded["path"]}/*')


def test_dependabot_proposes_updates_of_every_pinned_kind():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "npm", "github-actions"}
    assert all(update["directory"] == "/" for update in config["updates"])
