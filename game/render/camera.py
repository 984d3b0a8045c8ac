"""The child's camera picture behind the game, softened so the game art stands out.

Conversion happens once per new camera frame (not per draw) and entirely in cv2/numpy: mirror,
half-desaturate, darken, resize to the window — then `pygame.image.frombuffer`
wraps the bytes and, with a display open, one `convert()` to the display's pixel format makes
every later blit a plain copy.  `prepare` does all that for the picture the tracker is still
working on, so when its pose arrives the frame is drawn without converting anything.  With no
picture (mouse mode, synthetic motion) a friendly backdrop is drawn instead, rendered once per
window size.
"""

from __future__ import annotations

import cv2
import numpy as np
import pygame

from game.theme import Theme

# Softening: out = (colour * (1 - DESATURATE) + grey * DESATURATE) * DIM + LIFT
DESATURATE = 0.5
DIM = 0.62
LIFT = 12.0
GREY_BGR = (0.114, 0.587, 0.299)  # cv2's BGR -> grey weights
# The same formula as one 3x4 matrix for cv2.transform: a third of the cost of a grey round
# trip plus addWeighted at 1280x720 (benchmarks/pipeline.py).
SOFTEN_MATRIX = np.hstack([
    (1.0 - DESATURATE) * DIM * np.eye(3) + DESATURATE * DIM * np.tile(GREY_BGR, (3, 1)),
    np.full((3, 1), LIFT),
]).astype(np.float32)
SOFTEN_MATRIX.setflags(write=False)
# The same for RGB pictures (the tracker's, tracking.tracker.Latest.image): grey weights reversed.
SOFTEN_MATRIX_RGB = np.ascontiguousarray(SOFTEN_MATRIX[::-1, [2, 1, 0, 3]])
SOFTEN_MATRIX_RGB.setflags(write=False)
INPUT_FORMATS = ("bgr", "rgb_mirrored")


def soften(image_bgr: np.ndarray, size: tuple[int, int], mirror: bool, rgb: bool = False) -> np.ndarray:
    """The picture as the screen shows it: (h, w, 3) uint8, contiguous, at `size` (w, h), in
    the channel order it came in (BGR, or RGB with `rgb`): no colour conversion pass."""
    img = image_bgr
    if img.ndim == 2:
        img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    elif img.shape[2] == 4:
        img = cv2.cvtColor(img, cv2.COLOR_BGRA2BGR)
    if mirror:
        img = cv2.flip(img, 1)
    mixed = cv2.transform(img, SOFTEN_MATRIX_RGB if rgb else SOFTEN_MATRIX)  # grey mix, dim, lift: one pass
    w, h = size
    if (mixed.shape[1], mixed.shape[0]) != (w, h):
        interp = cv2.INTER_LINEAR if w >= mixed.shape[1] else cv2.INTER_AREA
        mixed = cv2.resize(mixed, (w, h), interpolation=interp)
    return np.ascontiguousarray(mixed)


def draw_backdrop(surface: pygame.Surface, theme: Theme) -> None:
    """A calm sky with soft hills: what the child plays in when there is no camera picture."""
    w, h = surface.get_size()
    top, bottom = np.array(theme.bg, float), np.array(theme.bg2, float)
    ramp = np.linspace(0.0, 1.0, h)[:, None]
    rows = (top * (1 - ramp) + bottom * ramp).astype(np.uint8)  # (h, 3)
    column = np.ascontiguousarray(np.repeat(rows[None, :, :], 1, axis=0))  # (1, h, 3) x-major
    strip = pygame.surfarray.make_surface(column)
    surface.blit(pygame.transform.scale(strip, (w, h)), (0, 0))
    hill_far = tuple(int(c * 0.55 + b * 0.45) for c, b in zip(theme.grass, theme.bg2, strict=True))
    pygame.draw.ellipse(surface, hill_far, (-w * 0.2, h * 0.78, w * 0.8, h * 0.5))
    pygame.draw.ellipse(surface, hill_far, (w * 0.45, h * 0.74, w * 0.8, h * 0.5))
    hill_near = tuple(int(c * 0.7 + b * 0.3) for c, b in zip(theme.grass, theme.bg, strict=True))
    pygame.draw.ellipse(surface, hill_near, (w * 0.1, h * 0.86, w * 0.9, h * 0.4))
    rng = np.random.default_rng(7)  # fixed: the same twinkle-free stars every time
    for _ in range(40):
        x, y = int(rng.uniform(0, w)), int(rng.uniform(0, h * 0.6))
        r = int(rng.integers(1, 3))
        pygame.draw.circle(surface, (200, 210, 240), (x, y), r)


class CameraLayer:
    """Holds the current softened picture.  `input_format` "bgr": the picture comes as the
    camera saw it (tracking.sources.base: BGR, not mirrored) and `mirror` flips it like a
    mirror; "rgb_mirrored": as the tracker gives it (tracking.tracker.Latest.image: RGB,
    already mirrored), shown as is.  Either way one cv2 pass per new frame, no cvtColor."""

    def __init__(self, theme: Theme | None = None, mirror: bool = True,
                 input_format: str = "bgr") -> None:
        if input_format not in INPUT_FORMATS:
            raise ValueError(f"input_format must be one of {', '.join(INPUT_FORMATS)}, not {input_format!r}")
        self.theme = theme or Theme.default()
        self.mirror = mirror
        self.input_format = input_format
        self.conversions = 0  # how many pictures were converted (tests: once per new seq)
        self._seq: int | None = None
        self._size: tuple[int, int] | None = None
        self._pixels: np.ndarray | None = None  # keeps the buffer alive for frombuffer
        self._surface: pygame.Surface | None = None
        self._backdrop: pygame.Surface | None = None
        self._source: np.ndarray | None = None
        self._next: tuple[np.ndarray, np.ndarray | None, pygame.Surface, tuple[int, int]] | None = None

    @property
    def has_image(self) -> bool:
        return self._surface is not None

    def set_size(self, size: tuple[int, int]) -> None:
        """The window size; a resize reconverts the last picture once."""
        if size != self._size:
            self._size = size
            self._backdrop = None
            self._next = None
            if self._source is not None:
                self._pixels, self._surface = self._convert(self._source)

    def set_image(self, image_bgr: np.ndarray | None, seq: int) -> None:
        """Take the tracker's newest picture; converts only when `seq` is new, and not at all
        when that very picture was prepared already."""
        if image_bgr is None:
            self._seq, self._source, self._surface, self._pixels = seq, None, None, None
            return
        if seq == self._seq and self._surface is not None:
            return
        self._seq = seq
        self._source = image_bgr
        ready = self._next
        if ready is not None and ready[0] is image_bgr and ready[3] == self._size:
            self._source, self._pixels, self._surface, _ = ready
            self._next = None
        elif self._size is not None:
            self._pixels, self._surface = self._convert(image_bgr)

    def prepare(self, image: np.ndarray | None) -> None:
        """Convert a picture that `set_image` will be given soon (the one the tracker is working
        on), so taking it then costs nothing.  Call it outside update and draw."""
        if image is None or self._size is None or image is self._source:
            return
        if self._next is not None and self._next[0] is image:
            return
        pixels, surface = self._convert(image)
        self._next = (image, pixels, surface, self._size)

    def _convert(self, image_bgr: np.ndarray) -> tuple[np.ndarray | None, pygame.Surface]:
        assert self._size is not None
        rgb = self.input_format == "rgb_mirrored"
        pixels: np.ndarray | None = soften(image_bgr, self._size, self.mirror and not rgb, rgb=rgb)
        assert pixels is not None
        h, w = pixels.shape[:2]
        surface = pygame.image.frombuffer(pixels.data, (w, h), "RGB" if rgb else "BGR")
        if pygame.display.get_surface() is not None:
            surface, pixels = surface.convert(), None  # a copy: blits are now plain copies
        self.conversions += 1
        return pixels, surface

    def draw(self, surface: pygame.Surface) -> None:
        self.set_size(surface.get_size())
        if self._surface is not None:
            surface.blit(self._surface, (0, 0))
            return
        if self._backdrop is None or self._backdrop.get_size() != surface.get_size():
            self._backdrop = pygame.Surface(surface.get_size())
            draw_backdrop(self._backdrop, self.theme)
        surface.blit(self._backdrop, (0, 0))
