"""Packaging glue: ship the top-level resources/ folder inside the wheel as liaison_app/resources.

Metadata lives in pyproject.toml; this file only maps folders, which pyproject alone cannot do
for a data folder that sits beside the package (the layout is fixed by the product owner).
"""
from setuptools import find_packages, setup

packages = find_packages(include=["liaison_app", "liaison_app.*"])
packages.append("liaison_app.resources")

setup(
    packages=packages,
    package_dir={"liaison_app.resources": "resources"},
    package_data={
        "liaison_app.resources": ["*", "**/*"],
        "liaison_app.store": ["migrations/*.py", "migrations/*.mako", "migrations/versions/*.py"],
    },
    include_package_data=False,
)
