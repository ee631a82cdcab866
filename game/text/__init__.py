"""The terminal player's parts: plain-text rendering (screen-reader friendly: no colour, no box drawing),
line wrapping, the play session, and the transcript runner the tests use. No pygame here."""
