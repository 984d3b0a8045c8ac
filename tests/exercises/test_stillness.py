"""The one stillness rule of the body activities' ready gates: standing or sitting still passes,
walking into place does not, and hips out of sight (seated at a table, or flickering) change
nothing."""

from __future__ import annotations

import numpy as np

from exercises.activities._stillness import LIMIT, WINDOW_S, Stillness
from tracking.frame import PoseFrame
from tracking.landmarks import Body
from tracking.synthetic.body import BodyPose, Placement, render_body

FPS = 30.0
HIPS_AND_BELOW = [int(b) for b in Body if b >= Body.LEFT_HIP]


def frames(xs: list[float], seated: bool = False, hide_hips: bool = False,
           noise: float = 0.0) -> list[PoseFrame]:
    rng = np.random.default_rng(3)
    out = []
    for i, x in enumerate(xs):
        body = render_body(BodyPose(seated=seated), Placement(x=x))
        body[:, :2] += rng.normal(0.0, noise, (len(body), 2))
        if hide_hips:
            body[HIPS_AND_BELOW, 3] = 0.05  # under the table
        out.append(PoseFrame(seq=i, t=i / FPS, body=body))
    return out


def verdicts(seq: list[PoseFrame]) -> list[bool]:
    check = Stillness()
    return [check.still(f, f.t) for f in seq]


def test_standing_still_with_tracker_noise_is_still() -> None:
    assert all(verdicts(frames([0.5] * 60, noise=0.003)))


def test_walking_into_place_is_not_still_once_the_window_has_filled() -> None:
    walk = [0.2 + 0.01 * i for i in range(60)]  # ~0.3 image widths a second: a slow walk
    seen = verdicts(frames(walk))
    settled = int(WINDOW_S * FPS)
    assert not any(seen[4 + settled // 2:])
    # ... and, once the child stops, still again after one window.
    stop = verdicts(frames(walk + [walk[-1]] * 40))
    assert stop[-1] and not stop[59]


def test_a_seated_child_with_hidden_hips_is_judged_by_the_shoulders() -> None:
    assert all(verdicts(frames([0.5] * 45, seated=True, hide_hips=True, noise=0.003)))
    shuffling = [0.5 + 0.01 * i for i in range(45)]
    assert not verdicts(frames(shuffling, seated=True, hide_hips=True))[-1]


def test_hips_flickering_in_and_out_of_sight_change_nothing() -> None:
    """A child walking near the camera, hips at the edge of the picture: every third frame
    without them must not make the walk look still (one point is followed throughout)."""
    walk = [0.2 + 0.01 * i for i in range(60)]
    seq = [PoseFrame(seq=i, t=i / FPS, body=f.body) for i, f in enumerate(
        frames(walk[i:i + 1], hide_hips=i % 3 == 0)[0] for i in range(60))]
    assert not any(verdicts(seq)[30:])
    still = [PoseFrame(seq=i, t=i / FPS, body=f.body) for i, f in enumerate(
        frames([0.5], hide_hips=i % 3 == 0)[0] for i in range(60))]
    assert all(verdicts(still))


def test_nobody_in_sight_is_not_still() -> None:
    check = Stillness()
    assert not check.still(PoseFrame(seq=0, t=0.0, body=None), 0.0)
    assert LIMIT > 0
