"""The pygame-ce app: scenes, widgets, drawing of activity state, audio, input intents, the CLI."""
