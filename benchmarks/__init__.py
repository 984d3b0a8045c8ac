"""Speed and accuracy harnesses.  Each prints a table and a last headline line; none asserts."""
