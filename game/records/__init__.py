"""A learner's own records: every finished playthrough, exports, xAPI statements and CPD reflections.

Pure Python (no pygame). The desktop game and the terminal player write records through `game.play`;
`python main.py results ...` reads them.
"""
