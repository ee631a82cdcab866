"""The terminal player's parts: plain-text rendering (screen-reader friendly: no colour, no box drawing),
line wrapping and the terminal play loop. No pygame here."""
