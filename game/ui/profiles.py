"""Display profiles (desktop, projector) from game/data/profiles.yaml: how big type and controls are."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from game import paths
from game.engine import datafile

log = logging.getLogger("crossing_paths.ui")

PROFILES_FILE = paths.DATA / "profiles.yaml"


@dataclass(frozen=True)
class Profile:
    id: str
    title: str
    body: float  # body text size as a fraction of the window height
    min_body_px: int
    measure_ch: float  # the longest line of running text, in average characters
    line_height: float
    heading: float
    title_size: float
    small: float
    target_em: float  # smallest height of a control
    margin_em: float
    discussion: str  # "present" or "prominent"

    @property
    def projector(self) -> bool:
        return self.discussion == "prominent"


@cache
def load_profiles(path: Path = PROFILES_FILE) -> dict[str, Profile]:
    return datafile.table(datafile.read(path), "profiles", Profile)


def profile(profile_id: str) -> Profile:
    profiles = load_profiles()
    if profile_id not in profiles:
        log.warning("unknown display profile %r; using desktop", profile_id)
        return profiles["desktop"]
    return profiles[profile_id]
