"""Estimators: offline-only model choices, and the mirroring/sides conversions."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from tracking.estimators import (
    CombinedEstimator,
    EstimatorError,
    HandsEstimator,
    PoseEstimator,
    hands_from_results,
    pose_from_landmarks,
)
from tracking.landmarks import Body, HandPoint


@pytest.mark.parametrize("complexity", [0, 2])
def test_pose_models_that_would_download_are_refused(complexity: int) -> None:
    with pytest.raises(EstimatorError, match=f"complexity {complexity} .*download"):
        PoseEstimator(model_complexity=complexity)


def test_bad_hands_and_needs_are_refused() -> None:
    with pytest.raises(EstimatorError, match="0 or 1"):
        HandsEstimator(model_complexity=2)
    with pytest.raises(EstimatorError, match="max_hands"):
        HandsEstimator(max_hands=3)
    with pytest.raises(EstimatorError, match="needs must be one of body, hands, both"):
        CombinedEstimator("feet")


def _lm(x: float, y: float, z: float = 0.0, visibility: float = 1.0) -> SimpleNamespace:
    return SimpleNamespace(x=x, y=y, z=z, visibility=visibility)


def test_pose_keeps_labels_and_mirrors_x() -> None:
    # On the unmirrored camera picture the child's left wrist is on the picture's right.
    points = [_lm(0.5, 0.5) for _ in range(33)]
    points[Body.LEFT_WRIST] = _lm(0.8, 0.4, -0.2, 0.9)
    body = pose_from_landmarks(SimpleNamespace(landmark=points))
    assert body.shape == (33, 4)
    assert body[Body.LEFT_WRIST].tolist() == pytest.approx([0.2, 0.4, -0.2, 0.9])  # screen left


def _hand(x: float, label: str, score: float = 0.9) -> tuple[SimpleNamespace, SimpleNamespace]:
    lms = SimpleNamespace(landmark=[_lm(x, 0.5) for _ in range(21)])
    handed = SimpleNamespace(classification=[SimpleNamespace(label=label, score=score)])
    return lms, handed


def test_hands_labels_on_the_mirrored_picture_are_the_childs_own() -> None:
    (l1, h1), (l2, h2) = _hand(0.3, "Left"), _hand(0.7, "Right", 0.8)
    hands = hands_from_results([l1, l2], [h1, h2])
    assert [(h.side, h.score) for h in hands] == [("left", 0.9), ("right", 0.8)]
    assert hands[0].points[HandPoint.WRIST, 0] == pytest.approx(0.3)  # no second mirroring


def test_two_hands_with_the_same_label_are_split_by_screen_side() -> None:
    (l1, h1), (l2, h2) = _hand(0.7, "Left"), _hand(0.2, "Left")
    hands = hands_from_results([l1, l2], [h1, h2])
    assert {h.side: float(h.points[0, 0]) for h in hands} == {"left": 0.2, "right": 0.7}


def test_no_hands() -> None:
    assert hands_from_results(None, None) == ()
    assert np.asarray(hands_from_results([], [])).size == 0
