"""Display profiles (desktop, projector) from game/data/profiles.yaml: how big type and controls are."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from game import paths
from game.engine.yamlsafe import read_file

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
    doc = read_file(path)
    if doc.data is None:
        raise ValueError(f"{path}: " + "; ".join(d.message for d in doc.diagnostics))
    out = {}
    for pid, p in doc.data["profiles"].items():
        out[pid] = Profile(id=pid, title=p["title"], body=float(p["body"]), min_body_px=int(p["min_body_px"]),
                           measure_ch=float(p["measure_ch"]), line_height=float(p["line_height"]),
                           heading=float(p["heading"]), title_size=float(p["title_size"]), small=float(p["small"]),
                           target_em=float(p["target_em"]), margin_em=float(p["margin_em"]),
                           discussion=str(p["discussion"]))
    return out


def profile(profile_id: str) -> Profile:
    profiles = load_profiles()
    if profile_id not in profiles:
        log.warning("unknown display profile %r; using desktop", profile_id)
        return profiles["desktop"]
    return profiles[profile_id]
