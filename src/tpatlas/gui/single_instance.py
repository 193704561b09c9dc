"""One running copy per data folder: a second start brings the first window to the front.

The lock file (QLockFile, freed by the OS if the holder dies) decides who runs;
a local socket named after the data folder carries the "come to the front"
message. Only the holder opens the databases, so no two copies ever contend.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

MESSAGE = b"activate\n"
TIMEOUT_MS = 2000


def server_name(lock_path: Path) -> str:
    digest = hashlib.sha256(str(lock_path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"tpatlas-{digest}"


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, lock_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._name = server_name(lock_path)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True if this process is now the one running copy."""
        if not self._lock.tryLock(0):
            return False
        QLocalServer.removeServer(self._name)  # a socket left by a copy that crashed
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        server.listen(self._name)
        self._server = server
        return True

    def notify_running(self) -> bool:
        """Ask the running copy to come to the front; False if it cannot be reached."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(MESSAGE)
        sent = socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return sent

    def _on_connection(self) -> None:
        if self._server is None:
            return
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket.bytesAvailable():
                self._read(socket)
            else:  # the message follows: read it when it comes, within a moment
                socket.waitForReadyRead(TIMEOUT_MS)
                self._read(socket)
            socket.disconnectFromServer()

    def _read(self, socket: QLocalSocket) -> None:
        if MESSAGE.strip() in bytes(socket.readAll().data()):
            self.activation_requested.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()
