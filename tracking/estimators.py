"""MediaPipe estimators (`mediapipe.solutions`, models shipped in the 0.10.21 wheel): pose, hands.

Mirroring and sides, worked out once here so nobody else has to:

- The camera image is unmirrored: the child's left hand appears on the image's *right*.
- Pose labels landmarks by the person's anatomy on the picture it is given, so on the
  unmirrored image LEFT_WRIST is the child's own left wrist.  We keep the labels and mirror
  x (x -> 1 - x) so coordinates match the mirrored screen.  z is MediaPipe's own.
- Hands' handedness "assumes the input image is mirrored" (MediaPipe docs): on an unmirrored
  picture its "Left" is the person's right.  So Hands runs on the mirrored picture, where its
  coordinates are already screen coordinates and its "Left" is the child's own left hand.
  If both hands come back with the same label, the one further left on screen is "left".

Only the models an activity needs run (`needs` = body | hands | both).  Pose must use
model_complexity=1: complexity 0 and 2 are not in the wheel and would try to download.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import numpy as np

from tracking.camera_image import CameraImage
from tracking.frame import Hand
from tracking.landmarks import BODY_COUNT, HAND_COUNT, HandPoint
from tracking.quiet import quiet_stderr

Needs = Literal["body", "hands", "both"]
NEEDS: tuple[str, ...] = ("body", "hands", "both")


class EstimatorError(ValueError):
    """An estimator was asked for something it cannot do offline (one plain line)."""


@dataclass(frozen=True)
class Estimate:
    body: np.ndarray | None = None  # (33, 4) mirrored like the screen
    hands: tuple[Hand, ...] = ()


class Estimator(Protocol):
    needs: str

    def process(self, image: CameraImage) -> Estimate: ...

    def prepare(self, image: CameraImage) -> None:
        """Make the picture's conversions `process` will use (the tracker's grabber calls it,
        so they are done while the model is busy with the previous frame)."""
        ...

    def close(self) -> None: ...


def _import_mediapipe() -> Any:
    os.environ.setdefault("GLOG_minloglevel", "2")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import mediapipe as mp

    try:
        from absl import logging as absl_logging

        absl_logging.set_verbosity(absl_logging.ERROR)
    except ImportError:  # pragma: no cover - absl ships with mediapipe
        pass
    return mp


def _warm_up_picture() -> CameraImage:
    from tracking.testclips import person_photo

    try:
        canvas = np.full((480, 640, 3), 128, np.uint8)
        photo = person_photo()
        h, w = photo.shape[:2]
        scale = min(400 / h, 400 / w)
        import cv2

        small = cv2.resize(photo, (int(w * scale), int(h * scale)))
        y, x = 480 - small.shape[0], (640 - small.shape[1]) // 2
        canvas[y:, x : x + small.shape[1]] = small
        return CameraImage(canvas)
    except (OSError, ValueError):
        return _blank_picture()


def _blank_picture() -> CameraImage:
    return CameraImage(np.full((480, 640, 3), 128, np.uint8))


def pose_from_landmarks(landmarks: Any) -> np.ndarray:
    """MediaPipe pose landmarks (unmirrored picture) -> (33, 4) mirrored like the screen."""
    rows = [(1.0 - p.x, p.y, p.z, p.visibility) for p in landmarks.landmark]
    if len(rows) != BODY_COUNT:
        raise ValueError(f"expected {BODY_COUNT} pose landmarks, got {len(rows)}")
    return np.array(rows, dtype=np.float64)


def hands_from_results(multi_landmarks: Any, multi_handedness: Any) -> tuple[Hand, ...]:
    """MediaPipe hands on the *mirrored* picture -> Hands with the child's own sides."""
    if not multi_landmarks:
        return ()
    found: list[tuple[np.ndarray, str, float]] = []
    for lms, handed in zip(multi_landmarks, multi_handedness or (), strict=False):
        points = np.array([(p.x, p.y, p.z) for p in lms.landmark], dtype=np.float64)
        if points.shape != (HAND_COUNT, 3):
            continue
        cls = handed.classification[0]
        side = "left" if str(cls.label).lower() == "left" else "right"
        found.append((points, side, float(cls.score)))
    if len(found) == 2 and found[0][1] == found[1][1]:
        found.sort(key=lambda f: float(f[0][int(HandPoint.WRIST), 0]))
        found = [(found[0][0], "left", found[0][2]), (found[1][0], "right", found[1][2])]
    return tuple(Hand(points, side, score) for points, side, score in found)  # type: ignore[arg-type]


class PoseEstimator:
    """MediaPipe Pose in tracking mode on the unmirrored picture."""

    needs = "body"

    def __init__(self, model_complexity: int = 1, min_detection_confidence: float = 0.5,
                 min_tracking_confidence: float = 0.5, quiet: bool = True) -> None:
        if model_complexity != 1:
            raise EstimatorError(
                f"pose model_complexity {model_complexity} is not available offline: only the Full "
                "model (complexity 1) ships with mediapipe 0.10.21; Lite (0) and Heavy (2) would "
                "be downloaded at run time"
            )
        mp = _import_mediapipe()
        with quiet_stderr(quiet):
            self._pose = mp.solutions.pose.Pose(
                static_image_mode=False,
                model_complexity=1,
                smooth_landmarks=False,  # tracking.smoothing does it, once, and can be switched off
                enable_segmentation=False,
                min_detection_confidence=min_detection_confidence,
                min_tracking_confidence=min_tracking_confidence,
            )
            # Warm up on a person (first runs are slow and chatty), then start tracking afresh:
            # reset() restarts the graph, and one blank picture opens it again, still quietly.
            self._pose.process(_warm_up_picture().rgb)
            self._pose.reset()
            self._pose.process(_blank_picture().rgb)

    def prepare(self, image: CameraImage) -> None:
        _ = image.pose_rgb

    def process(self, image: CameraImage) -> Estimate:
        results = self._pose.process(image.pose_rgb)
        if results.pose_landmarks is None:
            return Estimate()
        return Estimate(body=pose_from_landmarks(results.pose_landmarks))

    def close(self) -> None:
        self._pose.close()


class HandsEstimator:
    """MediaPipe Hands (up to two) in tracking mode on the mirrored picture."""

    needs = "hands"

    def __init__(self, model_complexity: int = 1, max_hands: int = 2,
                 min_detection_confidence: float = 0.5, min_tracking_confidence: float = 0.5,
                 quiet: bool = True) -> None:
        if model_complexity not in (0, 1):
            raise EstimatorError(f"hands model_complexity must be 0 or 1, got {model_complexity}")
        if not 1 <= max_hands <= 2:
            raise EstimatorError(f"max_hands must be 1 or 2, got {max_hands}")
        mp = _import_mediapipe()
        with quiet_stderr(quiet):
            self._hands = mp.solutions.hands.Hands(
                static_image_mode=False,
                max_num_hands=max_hands,
                model_complexity=model_complexity,
                min_detection_confidence=min_detection_confidence,
                min_tracking_confidence=min_tracking_confidence,
            )
            self._hands.process(_warm_up_picture().mirrored_rgb)
            self._hands.reset()
            self._hands.process(_blank_picture().mirrored_rgb)

    def prepare(self, image: CameraImage) -> None:
        _ = image.mirrored_rgb

    def process(self, image: CameraImage) -> Estimate:
        results = self._hands.process(image.mirrored_rgb)
        return Estimate(hands=hands_from_results(results.multi_hand_landmarks,
                                                 results.multi_handedness))

    def close(self) -> None:
        self._hands.close()


class CombinedEstimator:
    """Runs only the models `needs` asks for and merges their answers."""

    def __init__(self, needs: str = "body", pose_complexity: int = 1, hands_complexity: int = 1,
                 max_hands: int = 2, quiet: bool = True) -> None:
        if needs not in NEEDS:
            raise EstimatorError(f"needs must be one of {', '.join(NEEDS)}, got {needs!r}")
        self.needs = needs
        self.pose = PoseEstimator(pose_complexity, quiet=quiet) if needs in ("body", "both") else None
        self.hands = (
            HandsEstimator(hands_complexity, max_hands, quiet=quiet)
            if needs in ("hands", "both") else None
        )

    def prepare(self, image: CameraImage) -> None:
        for est in (self.pose, self.hands):
            if est is not None:
                est.prepare(image)

    def process(self, image: CameraImage) -> Estimate:
        body = self.pose.process(image).body if self.pose else None
        hands = self.hands.process(image).hands if self.hands else ()
        return Estimate(body=body, hands=hands)

    def close(self) -> None:
        for est in (self.pose, self.hands):
            if est is not None:
                est.close()


def make_estimator(needs: str = "body", **options: Any) -> CombinedEstimator:
    return CombinedEstimator(needs, **options)
