"""The story map, for trainers: the scenario's graph with a computed layered layout (game/ui/mapdraw.py),
the way this playthrough took, and "play from here" on any node.

Keys: arrows move between nodes (the view follows), Shift+arrows and Page Up/Down pan, + and − zoom, 0 fits
the whole map, Home goes to the start, End to where the playthrough is, Enter (or Space) plays from the
focused node, Tab reaches the buttons, Esc goes back. Mouse: drag to pan, the wheel zooms about the pointer,
click a node to play from it; the buttons do the rest. The panel under the buttons says everything about the
focused node in words: its kind, its ending's outcome, where the playthrough passed it and every way on
with its condition and flags.

Playing from a node asks first, then starts the run part-way there as `play --from NODE` does; a node the
playthrough passed starts with the flags and scores it had on arriving there.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.engine import storymap
from game.engine.maptrail import Trail, trail
from game.engine.state import StartedAt
from game.engine.wording import MINUS

from .. import catalog
from ..blocks import Block, Button, Flow, Panel, Stack, Text
from ..intents import Confirm, Intent, Pop, StartScenario
from ..look import Look
from ..mapdraw import Marks, paint
from ..mapview import Camera, World, fit_zoom
from ..page import Page, PageScreen
from ..parts import header

MAP = "map"  # the focus id of the map itself (the nodes), beside the buttons' ids
ZOOM_STEP = 1.25
DRAG_SLOP = 6  # pixels a press may move and still count as a click
KEYS = f"Keys: arrows move between nodes, Shift+arrows pan, + and {MINUS} zoom, 0 fits, Enter plays from the node."


def _way(words: str) -> str:
    """A choice's words before ' to: <scene>': "Decline the request, " rather than "Decline the request., "; a
    shortened choice ("Tell…") or a question ends as it is, followed by a space."""
    if words.endswith(("…", "?", "!")):
        return words + " "
    return words.removesuffix(".") + ", "


class MapArea(Block):
    """The body: as tall as the window leaves it, painting the map, with a strip of buttons along its foot and
    the details panel above them (ordinary buttons and blocks: the page finds, focuses and clicks them). The
    panel drops its last lines, then itself, rather than cover more than half the map."""

    def __init__(self, screen: MapScreen, tools: Block, details: list[Block] | None):
        super().__init__()
        self.screen, self.tools, self.details = screen, tools, details
        self.strip = 0

    def layout(self, look: Look, width: int) -> None:
        self.w = width
        h = self.screen.viewport.h
        head = self.screen._page.header
        if self.screen.fixed_header is None and head is not None:  # a header too tall to stay put scrolls
            h -= head.h + look.em(1.0 + 1.2)  # with the body (in a panel, a gap above the body): leave it room
        self.h = max(look.em(8), h)
        gap = look.em(0.5)
        self.tools.layout(look, width)
        self.strip = self.screen.strip = self.tools.h + 2 * gap
        self.kids = [(self.tools, 0, self.h - self.tools.h - gap)]
        lines = list(self.details or [])
        self.screen.panel = pygame.Rect(0, 0, 0, 0)
        while lines:
            panel = Panel(Stack(lines, gap=0.25), pad=0.6)
            panel.layout(look, min(width, look.em(34)))
            if panel.h <= (self.h - self.strip) // 2:
                # in the bottom corner away from the focused node, so that it never hides it
                x = width - panel.w if self.screen.node_on_left() else 0
                self.kids.append((panel, x, self.h - self.strip - panel.h))
                self.screen.panel = pygame.Rect(x, self.h - self.strip - panel.h, panel.w, panel.h)
                break
            lines.pop()

    def paint(self, cv, x: int, y: int) -> None:
        screen = self.screen
        area = screen.map_area
        screen.paint_map(cv.surface, area, cv.record)
        strip = pygame.Rect(area.x, area.bottom - self.strip, area.w, self.strip)
        cv.surface.fill(cv.look.theme.background, strip)
        pygame.draw.rect(cv.surface, cv.look.theme.border, (strip.x, strip.y, strip.w, cv.look.metrics.border))
        super().paint(cv, x, y)


class MapScreen(PageScreen):
    name = "map"
    initial_focus = MAP

    def __init__(self, env, path: Path | None = None, focus: str | None = None):
        super().__init__(env)
        session = env.session
        self.problem = ""
        if path is None and session is None:  # nothing to draw: say so rather than fail
            path, self.problem = Path("no scenario"), "no scenario is being played"
        self.path = Path(path) if path is not None else session.path
        mine = session is not None and Path(session.path) == self.path
        scenario = session.story.scenario if mine else None
        if scenario is None and not self.problem:
            entry = catalog.check(self.path)
            scenario = entry.scenario if not entry.errors else None
            if scenario is None:
                self.problem = "; ".join(entry.errors[:3]) or "it cannot be read"
        self.session = session if mine else None
        self.map = storymap.build(scenario) if scenario is not None else None
        self.trail = trail(self.map, session.story.state) if mine and self.map else Trail()
        self.cam = Camera()
        self.world: World | None = None
        self.node: str | None = None  # the focused node's key
        self._focus_id = focus  # the node id to focus first (a map drawn again after a save), if it is there
        self.hover_node: str | None = None
        self.details_on = True
        self._keys_in_header = False
        self._drag: tuple[tuple[int, int], tuple[float, float], bool] | None = None
        self._area = pygame.Rect(0, 0, 0, 0)
        self._placed_for: tuple | None = None
        self.strip = 0  # the height of the buttons' strip along the map's foot (the map shows above it)
        self.panel = pygame.Rect(0, 0, 0, 0)  # the details panel, in the map area's own coordinates

    # --- what the page shows ----------------------------------------------------------------------------

    def build(self, look: Look) -> Page:
        title = self.map.title if self.map else self.path.name
        # the keys under the title when they fit on one line there (else at the foot of the details panel)
        room = self.env.size[0] - 2 * look.metrics.margin - look.em(8)
        self._keys_in_header = look.font("small").size(KEYS)[0] <= room
        page_header = header("Story map", KEYS if self._keys_in_header else None,
                             [Button("Back", Pop(), "back", full=False)], context=storymap.shorten(title, 60))
        if self.map is None:
            return Page(header=page_header, body=Text(f"This scenario cannot be drawn: {self.problem}"))
        world = self.world
        if world is None or world.look is not look:
            self.world = world = World(self.map, look)
        if self.node is None or self.node not in world.boxes:
            here = world.by_id.get(self._focus_id or "") or world.by_id.get(self.trail.here or "")
            self.node = here.node.key if here else (self.map.nodes[0].key if self.map.nodes else None)
        def tool(label: str, action, id_: str) -> Button:
            return Button(label, action, id_, full=False, role="small")

        tools = Flow([tool("Play from here", self.play_focused, "play"),
                      tool("Zoom in", lambda: self.zoom_by(ZOOM_STEP), "zoom-in"),
                      tool("Zoom out", lambda: self.zoom_by(1 / ZOOM_STEP), "zoom-out"),
                      tool("Fit", self.fit, "fit"),
                      tool("Hide details" if self.details_on else "Details", self.toggle_details, "details")],
                     gap=0.4, align="center")
        details = self._details() if self.details_on else None
        return Page(header=page_header, body=MapArea(self, tools, details), width_em=10_000, pad_em=0,
                    gutter=False)

    def _details(self) -> list[Block]:
        box = self.world.boxes.get(self.node) if self.node else None
        if box is None:
            return [Text("No node", "small")]
        node = box.node
        kind = {"scene": "Scene", "routing": "Routing", "ending": "Ending",
                "missing": "Missing"}[node.kind]
        lines: list[Block] = [Text(f"{node.title}", "body", "heading", bold=True),
                              Text(f"{kind} · id {node.id}" + "".join(f" · {x}" for x in node.lines), "small")]
        step = self.trail.order.get(node.id)
        if step is not None:
            lines.append(Text("You are here." if self.trail.here == node.id else
                              f"Your playthrough passed here (step {step}).", "small", "text", bold=True))
        ways = [e for e in self.map.edges if e.source == node.key]
        names = {n.key: n.title for n in self.map.nodes}
        for e in ways[:6]:
            words = e.tooltip if e.kind != "next" else "continue"
            extra = [f"sets {', '.join(e.sets)}" if e.sets else "", f"clears {', '.join(e.clears)}" if e.clears else ""]
            tail = "; ".join(x for x in extra if x)
            lines.append(Text(f"{_way(storymap.shorten(words, 90))}to: {names.get(e.target, e.target)}"
                              + (f" ({tail})" if tail else ""), "small", "muted", measure=False))
        if len(ways) > 6:
            lines.append(Text(f"… and {len(ways) - 6} more ways on", "small", "muted"))
        if not self._keys_in_header:
            lines.append(Text(KEYS, "small", "muted"))
        return lines

    # --- the view ---------------------------------------------------------------------------------------

    def _layout(self) -> None:
        super()._layout()
        body = self._body
        # the map takes the window's whole width (the buttons and the panel keep to the page's margins)
        self._area = pygame.Rect(0, self.viewport.y + self.body_top, self._size[0], body.h)
        if self.world is not None and self._placed_for != (self._area.size, id(self.world)):
            before = self._placed_for
            self._placed_for = (self._area.size, id(self.world))
            if before is None:
                self._first_view(self._area)
            elif before[1] == id(self.world):  # only the map area changed size: the same middle stays in view
                self.cam.x += (before[0][0] - self._area.w) / 2 / self.cam.zoom
                self.cam.y += (before[0][1] - self._area.h) / 2 / self.cam.zoom
            else:  # laid out again (the window's size or the text size changed): the same zoom, on the node
                self.show(self.node, centre=True)

    @property
    def map_area(self) -> pygame.Rect:
        return self._area.move(0, -self.scroll)

    def paint_map(self, surface: pygame.Surface, area: pygame.Rect, record: bool = True) -> None:
        if self.world is None:
            return
        marks = Marks(self.trail, self.node, self.focus_id == MAP, self.hover_node)
        paint(surface, area, self.world, self.cam, marks, record)

    def _first_view(self, area: pygame.Rect) -> None:
        """The whole map when it is readable so; else full size around where the playthrough is."""
        if fit_zoom(self.world.size, self._seen(area)) >= 0.6:
            self.fit()
        else:
            self.cam.zoom = 1.0
            self.show(self.node, centre=True)

    def _seen(self, area: pygame.Rect) -> pygame.Rect:
        """The part of the map area not under the buttons' strip, nor under the details panel when that is
        most of the width (big text); a narrower panel is stepped round by `show`."""
        bottom = area.h - self.strip
        if self.panel.w > area.w // 2:
            bottom = self.panel.top
        return pygame.Rect(area.x, area.y, area.w, max(1, bottom))

    def focused_id(self) -> str | None:
        box = self.world.boxes.get(self.node) if self.world is not None and self.node else None
        return box.node.id if box is not None else None

    def node_on_left(self) -> bool:
        box = self.world.boxes.get(self.node) if self.world is not None and self.node else None
        if box is None or not self._area.w:
            return False
        return self.cam.rect(self._area, box.rect).centerx < self._area.centerx

    def _changed(self) -> None:
        self._layer_key = None  # the map moved: paint the layer again
        self.touch()
        if self.panel.w and (self.panel.x > 0) != self.node_on_left():
            self.refresh()  # the focused node crossed the middle: the details panel changes corner

    def fit(self) -> None:
        if self.world is None or not self._area.w:
            return
        self.cam.fit(self.world.size, self._seen(self._area))
        self._changed()

    def zoom_by(self, factor: float, about: tuple[int, int] | None = None) -> None:
        if not self._area.w:
            return
        self.cam.zoom_about(factor, about or self._area.center, self._area)  # the point under the pointer stays
        self._changed()

    def pan(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) screen pixels (positive: to see more to the right / below)."""
        self.cam.pan(dx, dy)
        self._changed()

    def show(self, key: str | None, centre: bool = False) -> None:
        """Pan so that node `key` is in view, never behind the details panel (in the middle when `centre`)."""
        box = self.world.boxes.get(key) if self.world and key else None
        area = self._area
        if box is None or not area.w:
            return
        margin = self.env.look(self.env.size).em(1.5)
        self.cam.reveal(box.rect, area, self._seen(area), margin, self.panel.move(area.x, area.y), centre)
        self._changed()

    def focus_node(self, key: str | None, reveal: bool = True) -> None:
        if key is None:
            return
        changed = key != self.node or self.focus_id != MAP
        self.node, self.focus_id = key, MAP
        if reveal:
            self.show(key)
        if changed:
            self.refresh()  # the details panel tells the new node
            box = self.world.boxes.get(key)
            if box is not None and self.on_focus is not None:
                self.on_focus(Button(f"{box.node.title}. {self.speech_of(key)}", None, MAP))

    def speech_of(self, key: str) -> str:
        box = self.world.boxes[key]
        return ", ".join(box.node.lines) if box.node.lines else box.node.kind

    def toggle_details(self) -> None:
        self.details_on = not self.details_on
        self.refresh()

    def step_node(self, direction: str) -> bool:
        """Move the node focus to the nearest node that way (as the page moves between buttons)."""
        found = self.world.nearest(self.node, direction) if self.world is not None and self.node else None
        if found is None:
            return False
        self.focus_node(found)
        return True

    # --- intents ----------------------------------------------------------------------------------------

    def play_focused(self) -> Intent | None:
        return self.play_from(self.node)

    def play_from(self, key: str | None) -> Intent | None:
        box = self.world.boxes.get(key) if self.world and key else None
        if box is None or box.node.kind == "missing":
            return None
        node = box.node
        start, how = StartedAt(node=node.id), "with no flags set and every score at 0, as play --from does"
        if self.session is not None and node.id in self.trail.order:
            from game.reload import start_on_arrival

            found = start_on_arrival(self.session.story, node.id)
            if found is not None:
                start = found
                flags = ", ".join(found.flags) or "none"
                how = f"with the flags ({flags}) and scores your playthrough had on arriving there"
        detail = (f"The run starts part-way, at '{node.id}', {how}; its debrief says it started part-way. "
                  "The playthrough you are in stays in its autosave.")
        return Confirm(f"Play from “{node.title}”?", "Play from here", StartScenario(self.path, start), detail)

    # --- events -----------------------------------------------------------------------------------------

    def _collect_targets(self) -> None:
        keep_map = self.focus_id in (MAP, None)  # None: just opened, and the map comes first
        super()._collect_targets()
        if keep_map or self.focus_id is None:
            self.focus_id = MAP

    def cycle_focus(self, step: int) -> None:
        ids = [MAP, *(t.button.id for t in self.targets)]
        i = ids.index(self.focus_id) if self.focus_id in ids else 0
        new = ids[(i + step) % len(ids)]
        if new == MAP:
            self.focus_node(self.node, reveal=False)
            self._changed()
        else:
            was_map = self.focus_id == MAP
            self.set_focus(new)
            if was_map:
                self._changed()

    def handle_event(self, event: pygame.event.Event) -> Intent | None:
        if self._size is None:
            self.ensure(self.env.size)
        if self.world is None:
            return super().handle_event(event)
        if event.type == pygame.KEYDOWN:
            return self._map_key(event)
        if event.type == pygame.MOUSEWHEEL:
            pos = pygame.mouse.get_pos()
            about = pos if self._area.collidepoint(pos) else None
            self.zoom_by(ZOOM_STEP ** (1 if event.y > 0 else -1), about)
            return None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self._area.collidepoint(event.pos) \
                and self.target_at(event.pos) is None:
            self._drag = (event.pos, (self.cam.x, self.cam.y), False)
            return None
        if event.type == pygame.MOUSEMOTION:
            return self._motion_map(event)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self._drag is not None:
            moved = self._drag[2]
            self._drag = None
            if moved:
                return None
            box = self.world.node_at(self.cam.to_world(self._area, event.pos))
            if box is None:
                return None
            self.focus_node(box.node.key, reveal=False)
            return self.play_from(box.node.key)
        return super().handle_event(event)

    def _motion_map(self, event: pygame.event.Event) -> Intent | None:
        if self._drag is not None:
            (sx, sy), (cx, cy), moved = self._drag
            dx, dy = event.pos[0] - sx, event.pos[1] - sy
            if moved or abs(dx) > DRAG_SLOP or abs(dy) > DRAG_SLOP:
                self._drag = ((sx, sy), (cx, cy), True)
                self.cam.x, self.cam.y = cx - dx / self.cam.zoom, cy - dy / self.cam.zoom
                self._changed()
            return None
        over = None
        if self._area.collidepoint(event.pos) and self.target_at(event.pos) is None:
            box = self.world.node_at(self.cam.to_world(self._area, event.pos))
            over = box.node.key if box else None
        if over != self.hover_node:
            self.hover_node = over
            self._changed()
        return super().handle_event(event)

    def _map_key(self, event: pygame.event.Event) -> Intent | None:
        action = self.env.keymap.action(event)
        step = self._area.h // 4 or 100
        if action == "zoom_in":
            self.zoom_by(ZOOM_STEP)
        elif action == "zoom_out":
            self.zoom_by(1 / ZOOM_STEP)
        elif action == "fit":
            self.fit()
        elif action in ("page_up", "page_down"):
            self.pan(0, (self._area.h - step) * (1 if action == "page_down" else -1))
        elif self.focus_id != MAP:
            if action == "up" and self.target(self.focus_id) is not None and not self.move_focus("up"):
                self.focus_node(self.node)  # up from the buttons: back to the map
                return None
            return self._key(action)
        elif action in ("up", "down", "left", "right"):
            if event.mod & pygame.KMOD_SHIFT:
                dx = {"left": -step, "right": step}.get(action, 0)
                self.pan(dx, {"up": -step, "down": step}.get(action, 0))
            else:
                self.step_node(action)
        elif action == "home":
            self.focus_node(self.map.nodes[0].key if self.map.nodes else None)
        elif action == "end":
            here = self.world.by_id.get(self.trail.here or "")
            self.focus_node(here.node.key if here else None)
        elif action == "activate":
            return self.play_from(self.node)
        else:
            return self._key(action)
        return None

    def speech(self) -> str:
        if self.map is None:
            return f"Story map. This scenario cannot be drawn: {self.problem}"
        return (f"Story map of {self.map.title}: {len(self.map.nodes)} nodes. Arrows move between nodes, Enter "
                "plays from the focused one, plus and minus zoom, zero fits, Tab reaches the buttons.")
