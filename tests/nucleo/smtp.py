"""A minimal SMTP server for fault tests: accepts every message and keeps it."""

import socketserver
import threading


class _Manejador(socketserver.StreamRequestHandler):
    def responder(self, linea):
        self.wfile.write(linea.encode() + b"\r\n")

    def handle(self):
        self.responder("220 prueba ESMTP")
        while linea := self.rfile.readline():
            orden = linea.decode(errors="replace").strip().upper()
            if orden.startswith(("EHLO", "HELO")):
                self.responder("250 prueba")
            elif orden.startswith("DATA"):
                self.responder("354 fin con <CRLF>.<CRLF>")
                partes = []
                while (parte := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    partes.append(parte)
                self.server.mensajes.append(b"".join(partes).decode(errors="replace"))
                self.responder("250 aceptado")
            elif orden.startswith("QUIT"):
                self.responder("221 adios")
                return
            else:
                self.responder("250 ok")


class ServidorSMTP(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, puerto):
        super().__init__(("127.0.0.1", puerto), _Manejador)
        self.mensajes = []
        self._hilo = threading.Thread(target=self.serve_forever, daemon=True)
        self._hilo.start()

    def detener(self):
        self.shutdown()
        self.server_close()
