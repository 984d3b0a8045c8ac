"""Pure activity logic: PoseFrames in, events, views and results out.

Imports only the standard library, numpy and `tracking` types (a test enforces it)."""
