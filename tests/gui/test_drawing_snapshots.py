"""Each view's drawing against a kept reference image, so an unintended change to the art shows.

After an intended change to a drawing, run the tests once with
TPATLAS_UPDATE_SNAPSHOTS=1 to rewrite the references, and look at them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from tpatlas import resources
from tpatlas.content.validate import load_atlas
from tpatlas.gui.bodymap.drawing import renderer_for
from tpatlas.gui.theme import LIGHT

SNAPSHOTS = Path(__file__).parent / "snapshots"
HEIGHT = 400
CHANNEL_TOLERANCE = 48  # antialiasing differs a little between Qt builds
PIXEL_TOLERANCE = 0.01  # at most 1 % of the pixels may differ by more than that
VIEWS = sorted(load_atlas(resources.content_dir()).views.values(), key=lambda v: v.order)


def render(drawing: str, aspect: float) -> QImage:
    image = QImage(round(HEIGHT * aspect), HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer_for(drawing, LIGHT).render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def differing_share(a: QImage, b: QImage) -> float:
    if a.size() != b.size():
        return 1.0
    step = 2  # every other pixel in each direction is plenty to catch a changed line
    differing = total = 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            total += 1
            if (
                max(abs(pa.red() - pb.red()), abs(pa.green() - pb.green()), abs(pa.blue() - pb.blue()))
                > CHANNEL_TOLERANCE
            ):
                differing += 1
    return differing / total


@pytest.mark.parametrize("view", VIEWS, ids=[v.id for v in VIEWS])
def test_drawing_matches_its_reference(view, qapp) -> None:  # type: ignore[no-untyped-def]
    image = render(view.drawing, view.aspect)
    reference = SNAPSHOTS / f"{view.id}.png"
    if os.environ.get("TPATLAS_UPDATE_SNAPSHOTS"):
        SNAPSHOTS.mkdir(exist_ok=True)
        image.save(str(reference))
    assert reference.exists(), f"no reference image for {view.id}: run with TPATLAS_UPDATE_SNAPSHOTS=1"
    share = differing_share(image, QImage(str(reference)).convertToFormat(QImage.Format.Format_ARGB32))
    assert share <= PIXEL_TOLERANCE, f"{view.id}: {share:.1%} of the drawing changed"


def test_a_changed_line_is_detected(qapp) -> None:  # type: ignore[no-untyped-def]
    view = VIEWS[0]
    image = render(view.drawing, view.aspect)
    changed = image.copy()
    painter = QPainter(changed)
    painter.setPen(QColor("#000000"))
    for offset in range(0, 12):
        painter.drawLine(0, HEIGHT // 2 + offset, changed.width(), HEIGHT // 3 + offset)
    painter.end()
    assert differing_share(image, changed) > PIXEL_TOLERANCE
