"""Fixtures for the tracking tests: a short clip of a real person (built once per session)."""

from __future__ import annotations

import pytest

from tracking.testclips import ClipTruth, make_person_clip


@pytest.fixture(scope="session")
def person_clip(tmp_path_factory: pytest.TempPathFactory) -> ClipTruth:
    """45 frames, 640x480, 30 fps: Grace Hopper's portrait sliding right (raw) and growing."""
    return make_person_clip(tmp_path_factory.mktemp("clips") / "person.mp4", frames=45)
