"""Counted nouns in plain English ("1 activity", "2 activities"), for the report, the command
line and the grown-ups' screen alike.  No imports: the command line loads it at no cost."""

from __future__ import annotations


def plural(n: float, one: str, many: str | None = None) -> str:
    """ "1 activity", "2 activities", "0 jumps" (whole numbers shown without decimals)."""
    many = many if many is not None else (one[:-1] + "ies" if one.endswith("y") and one[-2:-1] not in "aeiou" else one + "s")
    shown = f"{n:g}" if isinstance(n, float) else str(n)
    return f"{shown} {one if n == 1 else many}"


__all__ = ["plural"]
