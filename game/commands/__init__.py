"""Subcommands of `wigglequest`, one module per area (see game.cli.COMMAND_MODULES)."""
