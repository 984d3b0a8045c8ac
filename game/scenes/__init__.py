"""The game's screens: title, today's path, get ready, play, paused, results, album, grown-ups."""
