#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the SMTPClient tests: it saves what it receives.

The first line on stdout is the port it listens on (useful with --port 0). It serves until stdin closes
(so it dies with the test process that started it) or until SIGTERM.
Each message is saved in SPOOL as NNNN.eml (the DATA bytes, after SMTP un-dot-stuffing) and NNNN.json
(envelope sender, recipients, MAIL options, and whether the session ran under TLS).
"""
import argparse
import asyncio
import json
import os
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP


class SpoolHandler:
    def __init__(self, spool, fail_with, fail_at, hold_data):
        self.spool, self.fail_with, self.fail_at, self.hold_data = spool, fail_with, fail_at, hold_data
        # Continue the numbering of a spool left by an earlier relay on the same directory.
        self.count = len([name for name in os.listdir(spool) if name.endswith(".json")])

    def failure(self, stage):
        if self.fail_with and self.fail_at == stage:
            return f"{self.fail_with} Failure requested with --fail-with"
        return None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        refusal = self.failure("rcpt")
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        refusal = self.failure("data")
        if refusal:
            return refusal
        self.count += 1
        stem = os.path.join(self.spool, f"{self.count:04d}")
        with open(stem + ".eml", "wb") as raw:
            raw.write(envelope.original_content)
        sidecar = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            # aiosmtpd sets session.ssl only once a STARTTLS handshake has completed.
            "tls": session.ssl is not None,
        }
        with open(stem + ".json", "w") as meta:
            json.dump(sidecar, meta)
        if self.hold_data:
            # The message is saved; the answer is held back, so that a client can be killed in between.
            await asyncio.sleep(self.hold_data)
        return "250 Message accepted for delivery"


async def silent_connection(reader, writer):
    # Accept, then never answer: the client's timeouts are what is under test.
    await reader.read()
    writer.close()


async def serve(args):
    loop = asyncio.get_running_loop()
    if args.silent:
        server = await asyncio.start_server(silent_connection, "127.0.0.1", args.port)
    else:
        tls_context = None
        if args.starttls:
            tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            tls_context.load_cert_chain(*args.starttls)
        handler = SpoolHandler(args.spool, args.fail_with, args.fail_at, args.hold_data)
        server = await loop.create_server(
            lambda: SMTP(handler, hostname="oracle.invalid", tls_context=tls_context),
            "127.0.0.1", args.port)
    print(server.sockets[0].getsockname()[1], flush=True)
    stdin_closed = asyncio.Event()
    threading.Thread(target=lambda: (sys.stdin.buffer.read(), loop.call_soon_threadsafe(stdin_closed.set)),
                     daemon=True).start()
    await stdin_closed.wait()
    server.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (printed on stdout)")
    parser.add_argument("--spool", required=True, help="directory where received messages are saved")
    parser.add_argument("--fail-with", type=int, metavar="CODE", help="answer every RCPT (or DATA) with CODE")
    parser.add_argument("--fail-at", choices=["rcpt", "data"], default="rcpt", help="where --fail-with applies")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"), help="offer STARTTLS with this PEM pair")
    parser.add_argument("--hold-data", type=float, metavar="SECONDS",
                        help="save each message, then wait SECONDS before answering its final dot")
    parser.add_argument("--silent", action="store_true", help="accept connections but never answer")
    args = parser.parse_args()
    os.makedirs(args.spool, exist_ok=True)
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
