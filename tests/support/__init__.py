"""What the tests and the bench share but the game does not use: the example cards and the transcript runner."""
