"""A throwaway SMTP server on a local port, for tests of e-mail delivery through Django's real
SMTP backend. It can be up (accepting messages), down (nothing listens: connection refused),
busy (answers 421), dropping connections mid-conversation, or hanging (accepts the connection
and never answers, like a server that has stopped responding)."""

import contextlib
import email
import email.policy
import socket
import threading
from email.message import EmailMessage


class FakeSMTPServer:
    MODES = ("up", "down", "busy", "drops", "hangs")

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.connections = 0
        self._mode = "up"
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._listener = None
        self.port = 0
        self._listen()

    # Control -----------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return self._mode

    @mode.setter
    def mode(self, mode: str) -> None:
        assert mode in self.MODES, mode
        if mode == "down":
            self._stop_listening()
        elif mode != "down" and self._listener is None:
            self._listen()
        if mode != "hangs":
            self._released.set()  # hung conversations end
        else:
            self._released.clear()
        self._mode = mode

    def close(self) -> None:
        self._released.set()
        self._stop_listening()

    def _stop_listening(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes the thread in accept()
            self._listener.close()
            self._listener = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # Serving -----------------------------------------------------------------------------

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))  # the same port when it comes back up
        listener.listen(8)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener) -> None:
        while True:
            try:
                conn, _address = listener.accept()
            except OSError:  # closed: the server is down
                return
            self.connections += 1
            threading.Thread(target=self._converse, args=(conn,), daemon=True).start()

    def _converse(self, conn) -> None:
        # The other side may go away at any moment.
        with conn, conn.makefile("rb") as reader, contextlib.suppress(OSError):
            self._session(conn, reader)

    def _session(self, conn, reader) -> None:
        def say(line: str) -> None:
            conn.sendall(line.encode() + b"\r\n")

        if self._mode == "hangs":
            self._released.wait(120)
            return
        if self._mode == "busy":
            say("421 fake.example Service not available, try again later")
            return
        say("220 fake.example ESMTP")
        while line := reader.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                if self._mode == "drops":
                    return  # the connection breaks in the middle of the conversation
                say("250-fake.example")
                say("250-8BITMIME")
                say("250 SMTPUTF8")
            elif command.startswith(("MAIL FROM", "RCPT TO", "RSET", "NOOP")):
                say("250 OK")
            elif command == "DATA":
                say("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := reader.readline()) not in (b".\r\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                with self._lock:
                    self.messages.append(
                        email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                    )
                say("250 OK: queued")
            elif command == "QUIT":
                say("221 Bye")
                return
            else:
                say("502 Command not implemented")
