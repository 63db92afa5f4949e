"""The package list, which pyproject.toml cannot say alone: the repository keeps the
migrations (db/) and the resources (resources/) at its top level, and the wheel carries them
inside the ``otop_desktop`` package (``otop_desktop/migrations``, ``otop_desktop/resources``),
where otop_desktop.paths finds them through importlib.resources. Everything else is in
pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["otop_desktop*", "ui*"]),
        "otop_desktop.migrations",
        "otop_desktop.migrations.versions",
        "otop_desktop.resources",
    ],
    package_dir={
        "otop_desktop.migrations": "db",
        "otop_desktop.migrations.versions": "db/versions",
        "otop_desktop.resources": "resources",
    },
    package_data={
        "otop_desktop.migrations": ["alembic.ini", "script.py.mako"],
        # The compiled catalogs only (the .ts sources stay in the repository).
        "otop_desktop.resources": ["i18n/*.qm", "help/*/*", "icons/*"],
    },
)
