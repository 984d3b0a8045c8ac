"""Get ready tells the child what to do from what the tracker sees (step back, come closer,
more light, show your hands / body) and is quiet once they are in place."""

from __future__ import annotations

import numpy as np

from game.scenes.ready import placement_cue
from tracking.frame import PoseFrame
from tracking.synthetic.body import BodyPose, Placement, render_body
from tracking.synthetic.hand import HandPlace, HandShape, render_hand


def _frame(body: np.ndarray | None = None, hands: tuple = ()) -> PoseFrame:  # type: ignore[type-arg]
    return PoseFrame(seq=0, t=0.0, body=body, hands=hands, image_size=(640, 480), source="synthetic")


def test_in_place_is_quiet() -> None:
    assert placement_cue(_frame(render_body(BodyPose(), Placement())), "body", seated=False) is None


def test_too_close_steps_back() -> None:
    near = render_body(BodyPose(), Placement(height=1.4, floor=1.25))  # feet below the picture
    near[[27, 28, 29, 30, 31, 32], 3] = 0.05  # the tracker cannot see the feet
    assert placement_cue(_frame(near), "body", seated=False) == "step_back"


def test_far_away_comes_closer() -> None:
    assert placement_cue(_frame(render_body(BodyPose(), Placement(height=0.3))), "body", seated=False) == "come_closer"


def test_a_dark_room_asks_for_light() -> None:
    dim = render_body(BodyPose(), Placement(), visibility=0.25)
    assert placement_cue(_frame(dim), "body", seated=False) == "more_light"


def test_nobody_or_no_hands() -> None:
    assert placement_cue(None, "body", seated=False) == "show_body"
    assert placement_cue(_frame(), "body", seated=False) == "show_body"
    assert placement_cue(_frame(), "hands", seated=False) == "show_hands"
    hand = render_hand(HandShape(), HandPlace())
    assert placement_cue(_frame(hands=(hand,)), "hands", seated=False) is None
