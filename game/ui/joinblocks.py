"""How the room joins phone voting, drawn for the projector: the QR code of the join link, the short address
and the room code. Large on the join slide, small in a corner of every decision slide for latecomers.

The QR code is black on white in every theme (a dark-theme QR, light on dark, is one many phone cameras
refuse), with its quiet zone, and every module is a whole number of pixels: no smoothing, so it stays
crisp and scannable from the back of the room."""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import Block, Canvas, Panel, Stack, Text
from .look import Look

DARK, LIGHT = (0, 0, 0), (255, 255, 255)


@dataclass(frozen=True)
class Join:
    """What the room needs to join: from the phone server while phone voting is on (no session data)."""

    address: str  # http://LAN-IP:PORT, to type
    code: str  # the 4-character room code
    qr: tuple[tuple[bool, ...], ...]  # the join link (address + code) as dark modules, quiet zone included
    reachable: bool = True  # False: loopback only, phones cannot reach this computer


class QrBlock(Block):
    """A QR code `size_em` wide at most (less when the column is narrower), in whole-pixel modules."""

    def __init__(self, matrix: tuple[tuple[bool, ...], ...], size_em: float):
        super().__init__()
        self.matrix, self.size_em = matrix, size_em

    def _side(self, look: Look, width: int) -> int:
        n = max(1, len(self.matrix))
        module = max(1, min(width, look.em(self.size_em)) // n)
        return module * n

    def layout(self, look: Look, width: int) -> None:
        self.w = self.h = self._side(look, width)

    def natural_width(self, look: Look, max_width: int) -> int:
        return self._side(look, max_width)

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        n = max(1, len(self.matrix))
        module = self.w // n
        cv.surface.fill(LIGHT, (x, y, self.w, self.h))  # the quiet zone is in the matrix: white all round
        for r, row in enumerate(self.matrix):
            for c, dark in enumerate(row):
                if dark:
                    cv.surface.fill(DARK, (x + c * module, y + r * module, module, module))


def join_slide(join: Join) -> Block:
    """The waiting slide's body: the code to scan, and what to type when a camera will not."""
    words = Stack([Text("Vote from your phone", "title", "heading"),
                   Text("Scan the code, or open this address in the phone's browser:", "body", "text"),
                   Text(join.address, "heading", "heading", bold=True),
                   Text("Room code", "label", "muted"),
                   Text(spaced(join.code), "title", "heading", bold=True),
                   Text("No app, no account, no name. Your vote stays on this computer.", "body", "muted"),
                   None if join.reachable else
                   Text("This computer is on no network: phones cannot reach it. Vote by hand.", "body", "text")],
                  gap=0.6)
    return JoinBeside(words, QrBlock(join.qr, 22))


def join_corner(join: Join) -> Block:
    """Small, for a decision slide: latecomers scan or type and join."""
    return Panel(Stack([QrBlock(join.qr, 7), Text(f"Phones: {join.address}", "small", "text"),
                        Text(f"Room code {join.code}", "small", "heading", bold=True)], gap=0.3),
                 bg="surface", border="border", pad=0.4)


def spaced(code: str) -> str:
    return " ".join(code)  # "K 7 P Q": each character read alone from the back of the room


class JoinBeside(Block):
    """The words on the left, the QR code on the right as large as the height and the width allow."""

    def __init__(self, words: Block, qr: QrBlock):
        super().__init__()
        self.words, self.qr = words, qr

    def layout(self, look: Look, width: int) -> None:
        gap = look.em(2)
        qr_w = self.qr.natural_width(look, max(look.em(8), width // 2 - gap))
        if width - qr_w - gap < look.em(14):  # narrow: the code under the words
            self.words.layout(look, width)
            self.qr.layout(look, width)
            self.kids = [(self.words, 0, 0), (self.qr, 0, self.words.h + gap)]
            self.w, self.h = width, self.words.h + gap + self.qr.h
            return
        self.words.layout(look, width - qr_w - gap)
        self.qr.layout(look, qr_w)
        self.kids = [(self.words, 0, 0), (self.qr, width - self.qr.w, 0)]
        self.w, self.h = width, max(self.words.h, self.qr.h)

