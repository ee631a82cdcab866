"""The phone page in a real browser: Debian's headless chromium driven by Playwright (its own browser
download cannot work here, so `executable_path` names the system one; `.ci/run` installs chromium).

A phone joins through the address with the room code, votes, changes its vote, reloads and finds it kept,
sees voting close and the reveal, with every change announced in the aria-live region. The page has no
horizontal scroll at 360x740, 320x568 and at 200 % zoom, keeps its contrast in dark mode, still votes as a
plain form with scripts off, and shows a `<script>` in an option as text. Loopback only: the browser is
told to make no other traffic (no sync, no component updates, no QUIC) and the server listens on 127.0.0.1.
Screenshots go to $CROSSING_PATHS_SHOTS when set (to look at them), else to the test's tmp folder."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from game.phones import page as phone_page
from tests.support import phones as support

CHROMIUM = os.environ.get("CROSSING_PATHS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_MS = 5000  # every wait is bounded: the page polls every 1.5 s
HOSTILE = '<script>window.__ran=1</script><img src=x onerror="window.__ran=2">Accept it'
LONG = "Decline-and-tell-your-manager-straight-away-in-writing-with-the-date" * 2  # one long unbroken word

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -r "
                               "requirements.txt): the phone page's browser tests need it")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no chromium at {CHROMIUM}: install it (apt-get install chromium) to run the phone page's "
                "browser tests", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    # launch() gives chromium a fresh, empty user-data-dir of its own each run (and removes it after);
    # each test then opens a new context: its own cookies, as a separate phone
    with sync_api.sync_playwright() as pw:
        try:
            chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True, timeout=20_000)
        except sync_api.Error as exc:
            pytest.skip(f"chromium at {CHROMIUM} would not start: {str(exc).splitlines()[0]}")
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def rig(tmp_path, monkeypatch):
    scenario = tmp_path / "group.yaml"
    text = support.GROUP.read_text(encoding="utf-8")
    # JSON strings are YAML double-quoted scalars: the option texts go in exactly as written
    text = text.replace("{text: Accept it,", "{text: " + json.dumps(HOSTILE) + ",", 1)
    text = text.replace("{text: Decline and tell your manager,", "{text: " + json.dumps(LONG) + ",", 1)
    scenario.write_text(text, encoding="utf-8")
    monkeypatch.setattr(support, "GROUP", scenario)
    # the page polls every 1.5 s; here 0.3 s (still under the server's 5 requests a second), so a change on
    # the projector (voting closed, the reveal) reaches the phone without the test waiting out a whole poll
    monkeypatch.setattr(phone_page, "POLL_MS", 300)
    rig = support.Rig(tmp_path).start()
    rig.to_decision()
    yield rig
    rig.stop()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("CROSSING_PATHS_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_context(browser, **options):
    """A fresh context per phone: its own cookie jar."""
    return browser.new_context(**options)


def frames_until(rig, done, seconds: float = 5.0) -> bool:
    """Run the game's frame (apply posted votes, publish the view) until `done()` or time runs out."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        rig.frame()
        if done():
            return True
        time.sleep(0.02)
    return False


def base(rig) -> str:
    return f"http://127.0.0.1:{rig.port}"


def state(page) -> str:
    return page.locator("#state").inner_text()


def wait_state(page, words: str) -> None:
    page.wait_for_function("w => document.getElementById('state').textContent.includes(w)", arg=words,
                           timeout=WAIT_MS)


def no_sideways_scroll(page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")


LIVE_LOG = """
window.__said = [];
document.addEventListener('DOMContentLoaded', function(){
  var live = document.getElementById('live'); if(!live){return;}
  window.__said.push(live.textContent);
  new MutationObserver(function(){ window.__said.push(live.textContent); })
    .observe(live, {childList: true, characterData: true, subtree: true});
});
"""


def test_a_phone_joins_votes_changes_reloads_and_sees_close_and_reveal(browser, rig, shots):
    context = open_context(browser, viewport={"width": 360, "height": 740}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.add_init_script(LIVE_LOG)
        page.set_default_timeout(WAIT_MS)
        page.goto(base(rig) + "/")  # the short address, as typed from the projector: asks for the room code
        page.fill("#room", rig.voting.room_code.lower())  # typed in lower case: still the room
        page.click("button[type=submit]")
        wait_state(page, "Voting is open")
        page.screenshot(path=str(shots / "phone-360x740.png"))
        assert rig.voting.devices == 1

        page.click("#options button[value='2']")
        wait_state(page, "Your vote: 2")
        assert frames_until(rig, lambda: rig.session.counts == (0, 1, 0))
        page.click("#options button[value='3']")
        wait_state(page, "Your vote: 3 — you can change it until voting closes")
        assert frames_until(rig, lambda: rig.session.counts == (0, 0, 1))
        said = page.evaluate("window.__said")  # the screen reader heard each change (the log restarts on reload)
        for words in ("Voting is open", "Your vote: 2", "Your vote: 3"):
            assert any(words in s for s in said), (words, said)

        page.reload()
        wait_state(page, "Your vote: 3")
        assert page.get_attribute("#options button[value='3']", "aria-pressed") == "true"
        assert rig.session.counts == (0, 0, 1) and rig.voting.devices == 1  # the same phone, not a new one

        rig.session.close_voting(3.0)
        rig.frame()
        wait_state(page, "Voting has closed")
        assert page.locator("#options button[value='1']").is_disabled()
        assert page.locator("#result .row").count() == 0  # no split before the reveal
        rig.session.reveal(4.0)
        rig.frame()
        wait_state(page, "The votes are revealed")
        rows = page.locator("#result .row").all_inner_texts()
        assert len(rows) == 3 and "Option 3" in rows[2] and "1 (100" in rows[2]
        page.screenshot(path=str(shots / "phone-revealed-360x740.png"), full_page=True)

        said = page.evaluate("window.__said")
        for words in ("Voting has closed", "The votes are revealed"):
            assert any(words in s for s in said), (words, said)
        assert page.evaluate("window.__ran === undefined")  # the option's <script> never ran
        assert HOSTILE in page.locator("#options button[value='1']").inner_text()  # shown as text
    finally:
        context.close()


@pytest.mark.parametrize(("name", "viewport", "scale"), [
    ("360x740", {"width": 360, "height": 740}, 2),
    ("320x568", {"width": 320, "height": 568}, 2),
    # 200 % zoom on a 360-px phone lays the page out in 180 CSS px at twice the pixels per px
    ("360x740-zoom200", {"width": 180, "height": 370}, 4),
])
def test_no_horizontal_scroll_on_small_screens_and_at_200_percent(browser, rig, shots, name, viewport, scale):
    context = open_context(browser, viewport=viewport, device_scale_factor=scale)
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{base(rig)}/?room={rig.voting.room_code}")
        wait_state(page, "Voting is open")
        page.click("#options button[value='2']")
        wait_state(page, "Your vote: 2")
        width, client = no_sideways_scroll(page)
        page.screenshot(path=str(shots / f"phone-{name}.png"), full_page=True)
        assert width <= client, f"{name}: the page scrolls sideways ({width} > {client})"
        box = page.locator("#options button[value='2']").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= client and box["height"] >= 44  # a thumb's target
    finally:
        context.close()


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


COLOURS = """sel => { const e = document.querySelector(sel), s = getComputedStyle(e);
  const rgb = t => t.match(/\\d+/g).slice(0, 3).map(Number);
  return [rgb(s.color), rgb(s.backgroundColor)]; }"""


def test_dark_mode_keeps_its_contrast(browser, rig, shots):
    context = open_context(browser, viewport={"width": 360, "height": 740}, device_scale_factor=2,
                           color_scheme="dark")
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{base(rig)}/?room={rig.voting.room_code}")
        wait_state(page, "Voting is open")
        page.click("#options button[value='1']")
        wait_state(page, "Your vote: 1")
        page.screenshot(path=str(shots / "phone-dark-360x740.png"), full_page=True)
        text, background = page.evaluate(COLOURS, "body")
        assert luminance(tuple(background)) < 0.1, "dark mode: the page stays light"
        assert contrast(text, background) >= 4.5
        label, fill = page.evaluate(COLOURS, "#options button[value='2']")
        assert contrast(label, fill) >= 4.5
    finally:
        context.close()


def test_with_scripts_off_the_plain_form_still_votes(browser, rig, shots):
    context = open_context(browser, viewport={"width": 320, "height": 568}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{base(rig)}/?room={rig.voting.room_code}")
        assert "Voting is open" in state(page)
        page.click("#options button[value='2']")  # a form post, answered by a redirect back to the page
        page.wait_for_load_state()
        assert frames_until(rig, lambda: rig.session.counts == (0, 1, 0))
        page.goto(f"{base(rig)}/?room={rig.voting.room_code}")
        assert "Your vote: 2" in state(page)
        assert HOSTILE in page.locator("#options button[value='1']").inner_text()
        page.screenshot(path=str(shots / "phone-noscript-320x568.png"), full_page=True)
    finally:
        context.close()
