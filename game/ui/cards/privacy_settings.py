"""A privacy-settings panel: one row per setting with its current value and the other options.

A setting that exposes more than the user intends is flagged three ways at once: a warning icon, the words
"At risk" (with the author's note), and a tinted row with a stripe — never by colour alone.

Values and options are drawn flat, as words (the current one ticked and bold), not as drop-downs or radio
buttons: the card is a picture of the app, and controls on it that looked usable did nothing.
"""

from __future__ import annotations

import pygame

from game.engine import wording
from game.engine.model import PrivacySettingsCard, Setting

from . import parts
from .boxes import CardLayout
from .sheet import Sheet
from .style import Rgb, styles

AT_RISK = "At risk"
DEFAULT_RISK = "this shares more than you may mean to"


def layout(card: PrivacySettingsCard, width: int, ctx) -> CardLayout:
    sh = Sheet(ctx, width, card.platform)
    pal, pad = sh.pal, sh.pad
    parts.begin(sh)
    y = parts.app_bar(sh, sh.style.context.get("privacy_settings", "Settings")) + pad
    x, w = pad, sh.width - 2 * pad
    y += sh.text([sh.icon_run("gear", pal.text, sh.type.title), sh.run(card.title, sh.type.title, pal.text)],
                 x, y, w, pal.surface, 1.3)
    risky = sum(s.at_risk for s in card.settings)
    if risky:
        y += sh.gap // 2
        y += sh.text([sh.icon_run("warning", pal.warn_mark, sh.type.small_bold),
                      sh.run(f"{wording.plural(risky, 'setting')} at risk", sh.type.small_bold, pal.text)],
                     x, y, w, pal.surface, 1.3)
    y += sh.gap
    for s in card.settings:
        y += sh.rule(0, y, sh.width)
        y = _row(sh, s, y)
    y += sh.rule(0, y, sh.width)
    if card.note:
        y += pad
        npad = sh.px(0.7)
        body = sh.para([sh.icon_run("info", pal.muted, sh.type.small), sh.run(card.note, sh.type.small, pal.text)],
                       max(1, w - 2 * npad), 1.35)
        panel = pygame.Rect(x, y, w, body.height + 2 * npad)
        sh.fill(panel, pal.raised, sh.px(0.5), pal.outline if sh.hc else None, sh.outline_w if sh.hc else 0)
        sh.put(body, x + npad, y + npad, pal.raised)
        y = panel.bottom
    return parts.finish(sh, y + pad)


def _row(sh: Sheet, s: Setting, y: int) -> int:
    pal, pad = sh.pal, sh.pad
    bg = pal.warn_bg if s.at_risk else pal.surface
    stripe = max(3, sh.px(0.28)) if s.at_risk else 0
    x, w = pad + stripe, sh.width - 2 * pad - stripe
    start = len(sh.boxes)
    sh.fill(pygame.Rect(0, y, sh.width, 0), bg)  # sized below, once the row's height is known
    top = y
    y += sh.gap + sh.gap // 2

    label = sh.para(sh.run(s.label, sh.type.bold, pal.text), w, 1.3)
    chip_runs = [sh.run(s.value, sh.type.bold, pal.text)]
    chip_probe = sh.para(chip_runs, w, 1.15)
    chip_w = chip_probe.width + 2 * sh.px(0.6)
    # with options listed, the current one is marked among them; the drop-down only when it is not there
    show_chip = not s.options or s.value not in s.options
    if not show_chip:
        y += sh.put(label, x, y, bg)
    elif len(label.lines) == 1 and label.width + sh.gap + chip_w <= w and chip_w <= w * 0.6:
        # label on the left, the current value on the right, on one line
        r = _value_chip(sh, x + w - chip_w, y, chip_w, chip_runs, bg)
        sh.put(label, x, y + (r.h - label.height) // 2, bg)
        y = r.bottom
    else:
        y += sh.put(label, x, y, bg) + sh.px(0.2)
        y = _value_chip(sh, x, y, w, chip_runs, bg).bottom
    if s.options:
        y += sh.gap
        y = parts.flow(sh, x, y, w, [_option(sh, o, o == s.value, bg) for o in s.options], sh.gap)
    if s.at_risk:
        y += sh.gap
        y += sh.text([sh.icon_run("warning", pal.warn_mark, sh.type.bold),
                      sh.run(AT_RISK + ": ", sh.type.bold, pal.warn_text),
                      sh.run(s.note or DEFAULT_RISK, sh.type.body, pal.warn_text)], x, y, w, bg, 1.35)
    elif s.note:
        y += sh.px(0.3)
        y += sh.text([sh.icon_run("info", pal.muted, sh.type.small), sh.run(s.note, sh.type.small, pal.muted)],
                     x, y, w, bg, 1.35)
    y += sh.gap + sh.gap // 2
    first = sh.boxes[start]
    sh.boxes[start] = type(first)(pygame.Rect(0, top, sh.width, y - top), first.color)
    if stripe:
        sh.boxes.insert(start + 1, type(first)(pygame.Rect(0, top, stripe, y - top), pal.warn_mark))
    return y


def _value_chip(sh: Sheet, x: int, y: int, w: int, runs: list, bg: Rgb) -> pygame.Rect:
    """The current value, as words on the row (not a drop-down menu: nothing on a card can be used)."""
    return parts.chip(sh, x, y, w, runs, bg)


def _option(sh: Sheet, text: str, chosen: bool, bg: Rgb):
    pal = sh.pal

    def make(x: int, y: int, max_w: int) -> pygame.Rect:
        # the current one ticked, in bold and named so; the others as plain words (no radio buttons)
        font = sh.type.bold if chosen else sh.type.body
        runs = [sh.icon_run("check", pal.accent, font)] if chosen else []
        runs.append(sh.run(text + (" (current)" if chosen else ""), font, pal.text if chosen else pal.muted))
        return parts.chip(sh, x, y, max_w, runs, bg)

    return make


def describe(card: PrivacySettingsCard) -> str:
    st = styles().platform(card.platform)
    risky = sum(s.at_risk for s in card.settings)
    text = f"{st.label}: {card.title}, {wording.plural(len(card.settings), 'setting')}"
    text += f", {risky} at risk." if risky else "."
    for s in card.settings:
        text += f" {s.label}: {s.value}."
        others = [o for o in s.options if o != s.value]
        if others:
            text += " Other options: " + ", ".join(others) + "."
        if s.at_risk:
            text += f" {AT_RISK}: {s.note or DEFAULT_RISK}."
        elif s.note:
            text += f" {s.note}."
    if card.note:
        text += f" Note: {card.note}"
    return text
