#!/usr/bin/env python3
"""A webhook receiver for Gatehouse's tests: verifies each delivery's X-Gatehouse-Signature.

usage: webhook_receiver.py PORT_FILE LOG_FILE SECRET [--fail N] [--port P] [--hang]

Listens on loopback port P (default: a free one; written to PORT_FILE), answers the first N deliveries with 500, then 200.
Every request is appended to LOG_FILE as one JSON line: {"status", "verified", "event", "delivery", "body"}.
With --hang it accepts connections and never answers.
"""
import hashlib
import hmac
import http.server
import json
import socket
import sys
import os
import signal
import threading

port_file, log_file, secret = sys.argv[1], sys.argv[2], sys.argv[3].encode()
fail = int(sys.argv[sys.argv.index("--fail") + 1]) if "--fail" in sys.argv else 0
hang = "--hang" in sys.argv
port = int(sys.argv[sys.argv.index("--port") + 1]) if "--port" in sys.argv else 0
# The test process may have passed SIGTERM down blocked or ignored; a receiver must die when told to.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, signal.SIG_DFL)
lock = threading.Lock()
seen = 0


def announce(port):
    with open(port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(port_file + ".tmp", port_file)


def log(entry):
    with lock, open(log_file, "a") as f:
        f.write(json.dumps(entry) + "\n")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global seen
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        verified = hmac.compare_digest(expected, self.headers.get("X-Gatehouse-Signature", ""))
        with lock:
            seen += 1
            number = seen
        status = 400 if not verified else (500 if number <= fail else 200)
        log({"status": status, "verified": verified, "event": self.headers.get("X-Gatehouse-Event"),
             "delivery": self.headers.get("X-Gatehouse-Delivery"), "body": body.decode()})
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


if hang:
    listener = socket.socket()
    listener.bind(("127.0.0.1", port))
    listener.listen(16)
    announce(listener.getsockname()[1])
    held = []
    while True:
        connection, _ = listener.accept()
        held.append(connection)
        log({"status": None, "verified": None, "event": None, "delivery": None, "body": ""})
else:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    announce(server.server_address[1])
    server.serve_forever()
