"""Art, sounds and voice prompts made by the project (see SOURCES.md); a package so the game can
find them with importlib/pathlib wherever it is installed."""
