"""README's two commands set up a bare machine: `make serve` needs only Python, `make test`
installs Chromium, Node.js/npm, Java and git when they are missing; Python packages are installed
with their hashes, the site's apart from the tests'."""

import ast
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

REQUIREMENTS = ROOT / "requirements"
PIN = re.compile(r"([A-Za-z0-9._-]+)==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})+)")


def pins(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """Each package of a pip-compile'd file: its exact version and the hashes it may have."""
    logical = re.sub(r"\s*\\\n\s*", " ", path.read_text(encoding="utf-8"))
    found = {}
    for line in logical.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("--hash") else line.strip()
        if not line:
            continue
        match = PIN.fullmatch(line)
        assert match, f"{path.name}: not an exact pin with hashes: {line!r}"
        found[match[1].lower()] = (match[2], frozenset(re.findall(r"sha256:([0-9a-f]{64})", match[3])))
    return found


def top_level(path: Path) -> dict[str, str]:
    """The packages a .in file asks for itself, with their versions."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return dict(line.lower().split("==") for line in lines if line and not line.startswith("-"))


def test_every_python_package_is_pinned_exactly_with_its_hashes():
    site, tests = pins(REQUIREMENTS / "site.txt"), pins(REQUIREMENTS / "tests.txt")
    assert site and tests
    for name, version in top_level(REQUIREMENTS / "site.in").items():
        assert site[name][0] == version, name
    for name, version in top_level(REQUIREMENTS / "tests.in").items():
        assert tests[name][0] == version, name


def test_the_site_needs_no_test_tool_and_the_tests_install_the_site_as_it_is_built():
    site, tests = pins(REQUIREMENTS / "site.txt"), pins(REQUIREMENTS / "tests.txt")
    assert not set(top_level(REQUIREMENTS / "tests.in")) & set(site)
    assert {name: tests.get(name) for name in site} == site


def make_dry_run(tmp_path: Path, target: str) -> str:
    """The commands `make <target>` would run on a fresh clone (no .venv, no node_modules)."""
    for name in ("Makefile", "package-lock.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(REQUIREMENTS, tmp_path / "requirements")
    result = subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True, text=True, check=True)
    return result.stdout


def pip_installs(commands: str) -> list[str]:
    return [line for line in commands.splitlines() if " -m pip install " in line]


@pytest.mark.build
@pytest.mark.parametrize("target", ["serve", "build"])
def test_serving_and_building_install_only_the_site_with_hashes(tmp_path, target):
    commands = make_dry_run(tmp_path, target)
    assert [line.split(" -r ")[-1] for line in pip_installs(commands)] == ["requirements/site.txt"]
    assert all("--require-hashes" in line for line in pip_installs(commands))
    assert not re.search(r"\b(npm|chromium|java|default-jre-headless|nodejs)\b", commands), commands


@pytest.mark.build
def test_testing_installs_the_tests_packages_with_hashes_and_the_checkers(tmp_path):
    commands = make_dry_run(tmp_path, "test")
    assert [line.split(" -r ")[-1] for line in pip_installs(commands)] == ["requirements/site.txt", "requirements/tests.txt"]
    assert all("--require-hashes" in line for line in pip_installs(commands))
    assert "npm ci" in commands


def run_on_a_bare_machine(tmp_path: Path, targets: list[str], python_has_venv: bool) -> list[str]:
    """Run `make <targets>` where no Chromium, npm or Java is on the PATH (and, unless
    `python_has_venv`, a python3 without venv), with an apt-get that records what it is asked."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt-get.log"
    fakes = {
        "apt-get": f'#!/bin/sh\necho "$*" >> {log}\n',
        "sudo": '#!/bin/sh\nexec "$@"\n',
        "python3": '#!/bin/sh\ncase "$*" in *ensurepip*) exit 1 ;; esac\n',  # Python 3.11.5+, without venv
    }
    for name, script in fakes.items():
        (bin_dir / name).write_text(script, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    if python_has_venv:
        (bin_dir / "python3").unlink()
        (bin_dir / "python3").symlink_to(Path(sys.executable).resolve())
    for tool in ("sh", "id"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    env = {"PATH": str(bin_dir), "CHROMIUM": str(tmp_path / "no-chromium"), "HOME": str(tmp_path)}
    subprocess.run([shutil.which("make"), "--no-print-directory", *targets], cwd=tmp_path, env=env, check=True)
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.mark.build
def test_the_test_command_installs_chromium_node_java_and_git_on_a_bare_debian_machine(tmp_path):
    asked = run_on_a_bare_machine(tmp_path, ["test-tools"], python_has_venv=True)
    assert asked == ["update -qq", "install -y -qq chromium nodejs npm default-jre-headless git"]


@pytest.mark.build
def test_both_commands_install_python_venv_where_debian_ships_python_without_it(tmp_path):
    (tmp_path / "without").mkdir()
    asked = run_on_a_bare_machine(tmp_path / "without", ["python-venv"], python_has_venv=False)
    assert asked == ["update -qq", "install -y -qq python3-venv"]
    (tmp_path / "with").mkdir()
    assert run_on_a_bare_machine(tmp_path / "with", ["python-venv"], python_has_venv=True) == []


@pytest.mark.build
def test_a_python_older_than_the_site_needs_stops_the_set_up_with_a_message(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    old_python = bin_dir / "python3"
    old_python.write_text('#!/bin/sh\ncase "$*" in *version_info*) exit 1 ;; -V) echo Python 3.11.2 ;; esac\n', encoding="utf-8")
    old_python.chmod(0o755)
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copytree(REQUIREMENTS, tmp_path / "requirements")
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    result = subprocess.run(["make", "serve"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "python3 is Python 3.11.2; the site needs 3.11.5 or newer" in result.stderr
    assert not (tmp_path / ".venv").exists()


@pytest.mark.build
def test_nothing_is_installed_where_the_tools_are_there(tmp_path):
    env_path = os.environ["PATH"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt-get.log"
    (bin_dir / "apt-get").write_text(f'#!/bin/sh\necho "$*" >> {log}\n', encoding="utf-8")
    (bin_dir / "apt-get").chmod(0o755)
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    env = {**os.environ, "PATH": f"{bin_dir}:{env_path}"}
    subprocess.run(["make", "--no-print-directory", "test-tools", "python-venv"], cwd=tmp_path, env=env, check=True)
    assert not log.exists()


def test_ci_runs_readmes_test_command_and_installs_only_make_itself():
    commands = [
        line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    assert commands[-1] == "make test"
    installs = [line for line in commands if "apt-get install" in line]
    assert len(installs) == 1 and installs[0].endswith("apt-get install -y -qq make; }")


def imported_modules(paths: list[Path]) -> set[str]:
    """The top-level modules that a set of Python files imports."""
    modules = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules


def test_the_site_packages_hold_everything_the_build_imports():
    """`make serve` installs requirements/site.txt alone: every package that the hooks and the
    aigov package import must be there, not only in the tests' file."""
    build_code = [
        ROOT / "scripts" / "site_hooks.py",
        ROOT / "scripts" / "build_site.py",
        *sorted((ROOT / "scripts" / "aigov").glob("*.py")),
    ]
    distributions = importlib.metadata.packages_distributions()
    local = {"aigov", "site_hooks"}
    third_party = {module for module in imported_modules(build_code) - local if module not in sys.stdlib_module_names}
    needed = {distribution.lower().replace("_", "-") for module in third_party for distribution in distributions[module]}
    site = {name.replace("_", "-") for name in pins(REQUIREMENTS / "site.txt")}
    assert needed and needed <= site, needed - site
