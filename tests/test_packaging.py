"""The program as a clerk's PC gets it from ``pip install .``: a wheel built from the sources,
installed (not editable) into a venv of its own, run from a folder outside the checkout with
HOME elsewhere. It must find its migrations, translations, help pages and icon as package
data, and pass its own self-test.

Offline and quick: the wheel is built without build isolation (setuptools comes with the test
extra), installed without its dependencies, which the new venv reads from this one's
site-packages (through a .pth line, which does not run this venv's editable-install hook)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

# Builds and installs the program; the engine the suite's registers run on plays no part, so
# the PostgreSQL pass need not do it again.
pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parent.parent
#: What the wheel is built from: the repository's package sources and their data.
SOURCES = ("pyproject.toml", "setup.py", "README.md", "otop_desktop", "ui", "db", "resources")


def run(*command: str | Path, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, f"{command}: {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A venv with the program's wheel installed; the venv and the wheel."""
    folder = tmp_path_factory.mktemp("packaging")
    source = folder / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    pip = (sys.executable, "-m", "pip")
    wheels = folder / "wheels"
    run(
        *pip,
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        wheels,
        source,
        cwd=folder,
        env=env,
    )
    (wheel,) = wheels.glob("otop_desktop-*.whl")
    venv = folder / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=folder, env=env)
    python = venv / "bin" / "python"
    site = Path(
        run(
            python,
            "-c",
            "import sysconfig; print(sysconfig.get_path('purelib'))",
            cwd=folder,
            env=env,
        ).strip()
    )
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run(python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel, cwd=folder, env=env)
    return venv, wheel


def outside(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder outside the checkout to run in, and an environment whose HOME and per-user
    data folder are elsewhere."""
    elsewhere = tmp_path / "elsewhere"
    home = tmp_path / "home"
    elsewhere.mkdir()
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "OTOP_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("PYTHONPATH", None)
    return elsewhere, env


def test_the_wheel_carries_the_data_and_not_the_catalog_sources(
    installed: tuple[Path, Path],
) -> None:
    _venv, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "otop_desktop/migrations/env.py" in names
    assert "otop_desktop/migrations/versions/0001_initial_schema.py" in names
    assert "otop_desktop/resources/i18n/widgets_th.qm" in names
    assert "otop_desktop/resources/help/th/index.html" in names
    assert "otop_desktop/resources/icons/otop-desktop.png" in names
    assert "ui/main_window.py" in names
    assert not [name for name in names if name.endswith(".ts")]


def test_the_installed_program_runs_from_another_folder(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    venv, _wheel = installed
    elsewhere, env = outside(tmp_path)
    where = run(
        venv / "bin" / "python",
        "-c",
        "import otop_desktop.paths as p, ui\n"
        "print(p.__file__, ui.__file__, p.migrations_dir(), p.resources_dir())",
        cwd=elsewhere,
        env=env,
    ).split()
    assert all(Path(path).is_relative_to(venv) for path in where), where

    register = elsewhere / "district.sqlite3"
    run(
        venv / "bin" / "otop-desktop",
        "init",
        "--db",
        register,
        "--district",
        "5013",
        cwd=elsewhere,
        env=env,
    )
    assert register.is_file()

    report = run(venv / "bin" / "otop-desktop-gui", "--self-test", cwd=elsewhere, env=env)
    assert "upgraded to" in report
    assert "the certificate's Thai text reads back" in report
    assert report.rstrip().endswith("self-test passed")
