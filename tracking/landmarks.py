"""Named landmark indices, so activity code says `Body.LEFT_WRIST` and never a bare 15.

The numbering is MediaPipe's own (pose: 33 points, hands: 21 points), which keeps recordings,
the estimators and the synthetic bodies interchangeable.  "Left" always means the child's own
left side, whatever the mirroring of the picture.
"""

from __future__ import annotations

from enum import IntEnum


class Body(IntEnum):
    NOSE = 0
    LEFT_EYE_INNER = 1
    LEFT_EYE = 2
    LEFT_EYE_OUTER = 3
    RIGHT_EYE_INNER = 4
    RIGHT_EYE = 5
    RIGHT_EYE_OUTER = 6
    LEFT_EAR = 7
    RIGHT_EAR = 8
    MOUTH_LEFT = 9
    MOUTH_RIGHT = 10
    LEFT_SHOULDER = 11
    RIGHT_SHOULDER = 12
    LEFT_ELBOW = 13
    RIGHT_ELBOW = 14
    LEFT_WRIST = 15
    RIGHT_WRIST = 16
    LEFT_PINKY = 17
    RIGHT_PINKY = 18
    LEFT_INDEX = 19
    RIGHT_INDEX = 20
    LEFT_THUMB = 21
    RIGHT_THUMB = 22
    LEFT_HIP = 23
    RIGHT_HIP = 24
    LEFT_KNEE = 25
    RIGHT_KNEE = 26
    LEFT_ANKLE = 27
    RIGHT_ANKLE = 28
    LEFT_HEEL = 29
    RIGHT_HEEL = 30
    LEFT_FOOT_INDEX = 31
    RIGHT_FOOT_INDEX = 32


class HandPoint(IntEnum):
    WRIST = 0
    THUMB_CMC = 1
    THUMB_MCP = 2
    THUMB_IP = 3
    THUMB_TIP = 4
    INDEX_MCP = 5
    INDEX_PIP = 6
    INDEX_DIP = 7
    INDEX_TIP = 8
    MIDDLE_MCP = 9
    MIDDLE_PIP = 10
    MIDDLE_DIP = 11
    MIDDLE_TIP = 12
    RING_MCP = 13
    RING_PIP = 14
    RING_DIP = 15
    RING_TIP = 16
    PINKY_MCP = 17
    PINKY_PIP = 18
    PINKY_DIP = 19
    PINKY_TIP = 20


BODY_COUNT = 33
HAND_COUNT = 21

# Pairs drawn as the skeleton the child sees over their picture.
BODY_BONES: tuple[tuple[Body, Body], ...] = (
    (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER),
    (Body.LEFT_SHOULDER, Body.LEFT_ELBOW),
    (Body.LEFT_ELBOW, Body.LEFT_WRIST),
    (Body.RIGHT_SHOULDER, Body.RIGHT_ELBOW),
    (Body.RIGHT_ELBOW, Body.RIGHT_WRIST),
    (Body.LEFT_SHOULDER, Body.LEFT_HIP),
    (Body.RIGHT_SHOULDER, Body.RIGHT_HIP),
    (Body.LEFT_HIP, Body.RIGHT_HIP),
    (Body.LEFT_HIP, Body.LEFT_KNEE),
    (Body.LEFT_KNEE, Body.LEFT_ANKLE),
    (Body.RIGHT_HIP, Body.RIGHT_KNEE),
    (Body.RIGHT_KNEE, Body.RIGHT_ANKLE),
    (Body.LEFT_ANKLE, Body.LEFT_FOOT_INDEX),
    (Body.RIGHT_ANKLE, Body.RIGHT_FOOT_INDEX),
)

HAND_BONES: tuple[tuple[HandPoint, HandPoint], ...] = (
    (HandPoint.WRIST, HandPoint.THUMB_CMC),
    (HandPoint.THUMB_CMC, HandPoint.THUMB_MCP),
    (HandPoint.THUMB_MCP, HandPoint.THUMB_IP),
    (HandPoint.THUMB_IP, HandPoint.THUMB_TIP),
    (HandPoint.WRIST, HandPoint.INDEX_MCP),
    (HandPoint.INDEX_MCP, HandPoint.INDEX_PIP),
    (HandPoint.INDEX_PIP, HandPoint.INDEX_DIP),
    (HandPoint.INDEX_DIP, HandPoint.INDEX_TIP),
    (HandPoint.INDEX_MCP, HandPoint.MIDDLE_MCP),
    (HandPoint.MIDDLE_MCP, HandPoint.MIDDLE_PIP),
    (HandPoint.MIDDLE_PIP, HandPoint.MIDDLE_DIP),
    (HandPoint.MIDDLE_DIP, HandPoint.MIDDLE_TIP),
    (HandPoint.MIDDLE_MCP, HandPoint.RING_MCP),
    (HandPoint.RING_MCP, HandPoint.RING_PIP),
    (HandPoint.RING_PIP, HandPoint.RING_DIP),
    (HandPoint.RING_DIP, HandPoint.RING_TIP),
    (HandPoint.RING_MCP, HandPoint.PINKY_MCP),
    (HandPoint.WRIST, HandPoint.PINKY_MCP),
    (HandPoint.PINKY_MCP, HandPoint.PINKY_PIP),
    (HandPoint.PINKY_PIP, HandPoint.PINKY_DIP),
    (HandPoint.PINKY_DIP, HandPoint.PINKY_TIP),
)

# Mirror partner of every body landmark (used when the picture is flipped for the screen).
BODY_MIRROR: tuple[int, ...] = (
    0, 4, 5, 6, 1, 2, 3, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15, 18, 17, 20, 19, 22, 21,
    24, 23, 26, 25, 28, 27, 30, 29, 32, 31,
)
