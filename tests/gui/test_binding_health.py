"""Guard against a Qt binding that mismanages references (PySide6 6.12.0 on Python 3.11).

Such a binding drops a reference to None on every call of a void method; the
atlas then dies at exit, or mid-session after enough clicks. This test fails
fast if a dependency update brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene


def test_void_calls_do_not_leak_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    scene = QGraphicsScene()
    items = [QGraphicsRectItem(0, 0, 5, 5) for _ in range(200)]
    before = sys.getrefcount(None)
    for item in items:
        scene.addItem(item)
        item.setPos(3, 4)
        item.setToolTip("x")
        item.update()
    assert sys.getrefcount(None) - before > -50
