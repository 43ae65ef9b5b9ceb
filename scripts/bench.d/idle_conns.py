#!/usr/bin/env python3
"""Opens COUNT keep-alive connections to 127.0.0.1:PORT, sends one GET on each, reads the
whole response (must be 200 with a Content-Length), prints "ready COUNT" and holds the
connections open until SIGTERM or --hold seconds pass. Used by scripts/bench
to measure a server's memory per idle connection. Exits 1 if any connection fails.

usage: idle_conns.py PORT PATH COUNT [--header 'Name: value']... [--hold 60] [--timeout 60]
"""
import argparse
import errno
import selectors
import signal
import socket
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("path")
    ap.add_argument("count", type=int)
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--window", type=int, default=256, help="connections being set up at once")
    ap.add_argument("--hold", type=float, default=60, help="longest time to hold the connections")
    ap.add_argument("--timeout", type=float, default=60, help="longest time to set them all up")
    args = ap.parse_args()

    request = (f"GET {args.path} HTTP/1.1\r\nHost: 127.0.0.1:{args.port}\r\n"
               + "".join(h + "\r\n" for h in args.header) + "\r\n").encode()
    sel = selectors.DefaultSelector()
    held = []
    started = done = 0
    deadline = time.monotonic() + args.timeout

    def fail(msg):
        print(f"idle_conns: {msg} (after {done} connections)", file=sys.stderr)
        sys.exit(1)

    def start():
        nonlocal started
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        err = s.connect_ex(("127.0.0.1", args.port))
        if err not in (0, errno.EINPROGRESS):
            fail(f"connect: {errno.errorcode.get(err, err)}")
        st = {"sock": s, "out": request, "in": b"", "need": None}
        sel.register(s, selectors.EVENT_WRITE, st)
        started += 1

    while done < args.count:
        while started < args.count and started - done < args.window:
            start()
        if time.monotonic() > deadline:
            fail("timed out")
        for key, ev in sel.select(timeout=1):
            st = key.data
            s = st["sock"]
            if ev & selectors.EVENT_WRITE:
                try:
                    n = s.send(st["out"])
                except OSError as e:
                    fail(f"send: {e}")
                st["out"] = st["out"][n:]
                if not st["out"]:
                    sel.modify(s, selectors.EVENT_READ, st)
                continue
            try:
                chunk = s.recv(65536)
            except BlockingIOError:
                continue
            except OSError as e:
                fail(f"recv: {e}")
            if not chunk:
                fail("connection closed by server")
            st["in"] += chunk
            if st["need"] is None:
                head_end = st["in"].find(b"\r\n\r\n")
                if head_end < 0:
                    continue
                head = st["in"][:head_end].decode("latin-1").split("\r\n")
                if not head[0].startswith("HTTP/1.1 200"):
                    fail(f"unexpected status: {head[0]}")
                length = None
                for line in head[1:]:
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    fail("response without Content-Length")
                st["need"] = head_end + 4 + length
            if len(st["in"]) >= st["need"]:
                sel.unregister(s)
                held.append(s)
                st["in"] = b""
                done += 1

    print(f"ready {len(held)}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    time.sleep(args.hold)
    for s in held:
        s.close()


if __name__ == "__main__":
    main()
