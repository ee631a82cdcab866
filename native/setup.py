"""Builds the optional C reader. `optional=True`: without a C compiler or libyaml's headers the build is
skipped with a warning, the install still succeeds, and the game uses the Python reader (slower on huge
files, identical results)."""

from setuptools import Extension, setup

setup(
    ext_modules=[Extension("crossing_paths_yaml", ["crossing_paths_yaml.c"], libraries=["yaml"], optional=True)],
    py_modules=[],
)
