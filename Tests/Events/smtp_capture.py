#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for Gatehouse's mail tests: captures every message it accepts.

usage: smtp_capture.py PORT_FILE OUT_DIR [--port P] [--auth USER:PASSWORD] [--starttls CERT KEY] [--refuse ADDRESS]

Listens on 127.0.0.1 port P (default: a free one; written to PORT_FILE once it accepts connections). Each
accepted message becomes OUT_DIR/NNNN.json: {"mail_from", "rcpt_tos", "data"}. With --auth, AUTH is required
and only that user and password pass; with --starttls, STARTTLS is offered and required (certificate and key
in PEM). --refuse answers RCPT TO for that address with 550.
"""
import json
import os
import signal
import socket
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

port_file, out_dir = sys.argv[1], sys.argv[2]
args = sys.argv[3:]


def option(name, count=1):
    if name not in args:
        return None
    index = args.index(name)
    values = args[index + 1:index + 1 + count]
    return values if count > 1 else values[0]


signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, signal.SIG_DFL)
port = int(option("--port") or 0)
if port == 0:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
auth = option("--auth")
starttls = option("--starttls", 2)
refused = set(a for i, a in enumerate(args) if i > 0 and args[i - 1] == "--refuse")
lock = threading.Lock()
count = 0


class Capture:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in refused:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        global count
        with lock:
            count += 1
            number = count
        entry = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                 "data": envelope.original_content.decode("utf-8", "replace"), "tls": session.ssl is not None}
        path = os.path.join(out_dir, "%04d.json" % number)
        with open(path + ".tmp", "w") as f:
            json.dump(entry, f)
        os.rename(path + ".tmp", path)
        return "250 OK: queued"


def authenticator(server, session, envelope, mechanism, auth_data):
    user, password = auth.split(":", 1)
    ok = auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok, handled=False)


parameters = {}
if auth:
    parameters.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(starttls))
if starttls:
    import ssl
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(starttls[0], starttls[1])
    parameters.update(tls_context=context, require_starttls=True)
os.makedirs(out_dir, exist_ok=True)
controller = Controller(Capture(), hostname="127.0.0.1", port=port, **parameters)
controller.start()
with open(port_file + ".tmp", "w") as f:
    f.write(str(port))
os.rename(port_file + ".tmp", port_file)
while True:
    time.sleep(3600)
