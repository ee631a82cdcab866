"""The projector's decision on one screen at 150 % and 200 % text (tests/test_projector_decision_layout.py says
what is checked). A file of its own so that the test runner can give it a worker of its own: each case lays out
every decision of the library."""

from __future__ import annotations

import pytest

from tests.test_projector_decision_layout import BIG_TEXT, every_library_decision_fits


@pytest.mark.parametrize(("size", "scale"), BIG_TEXT, ids=[f"{w}x{h}-{s}" for (w, h), s in BIG_TEXT])
def test_every_library_decision_fits_one_projector_screen_at_big_text(tmp_path, size, scale):
    every_library_decision_fits(tmp_path, size, scale)
