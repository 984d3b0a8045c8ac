"""Errors a person can act on.  The CLI prints them as one line and exits with code 2."""


class CliError(Exception):
    """A problem with what the user asked for (bad file, missing camera, ...)."""
