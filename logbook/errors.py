"""The one error the logbook raises for things a person must act on (the CLI prints it as one line)."""


class LogbookError(Exception):
    """A logbook problem explained in one line, with what to do about it."""
