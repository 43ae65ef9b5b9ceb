#!/usr/bin/env python3
"""Drives Farol's editor over HTTP and measures how soon a published change is live.

usage: publish_latency.py PORT --user NAME --password PW [--new-password PW2] [--slug S]
                          [--lang L] [--runs N] [--all-runs N] [--interval-ms 10] [--timeout 10]

Signs in at /editor/sign-in (changing the password first when the account must, as accounts
made by `farol user add` do), then RUNS times: saves the translation SLUG/LANG with a unique
marker appended to its body, publishes it (POST .../t/LANG/publish) and polls the public page
/LANG/c/SLUG every INTERVAL ms until the marker is there (at most TIMEOUT s). ALL_RUNS times
more it saves every language of SLUG with a marker and publishes them at once (POST
/editor/campaigns/SLUG/publish-all), polling until all pages show their marker.

Prints one line per run and, last, a summary; times in milliseconds:
  run N kind=one publish_ms=P latency_ms=L from_start_ms=S polls=K
  RESULT runs=N median_ms=.. max_ms=.. median_from_start_ms=.. max_from_start_ms=..
latency_ms counts from the publish POST's response to the first GET that shows the marker;
from_start_ms from the moment the POST was sent. Exits 1 when a step fails or a marker never
shows. Standard library only.
"""
import argparse
import html
import http.client
import re
import statistics
import sys
import time
import urllib.parse
import uuid

LANGS = ["pt-BR", "es", "en", "fr", "ht", "ar"]


def die(msg):
    print(f"publish_latency: {msg}", file=sys.stderr)
    sys.exit(1)


class Client:
    """One keep-alive connection and one cookie, like one browser tab."""

    def __init__(self, port):
        self.port = port
        self.origin = f"http://127.0.0.1:{port}"
        self.cookie = ""
        self.conn = None

    def _connect(self):
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def request(self, method, path, fields=None):
        headers = {"Accept-Language": "en"}
        body = None
        if self.cookie:
            headers["Cookie"] = self.cookie
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
        for attempt in (0, 1):
            if self.conn is None:
                self._connect()
            try:
                self.conn.request(method, path, body=body, headers=headers)
                res = self.conn.getresponse()
                data = res.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        if res.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        for value in res.headers.get_all("Set-Cookie") or []:
            pair = value.split(";", 1)[0]
            self.cookie = "" if "max-age=0" in value.lower() else pair
        return res.status, res.headers, data.decode("utf-8", "replace")

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, fields)


def attr(page, name):
    m = re.search(r'<input[^>]*\bname="%s"[^>]*\bvalue="([^"]*)"' % re.escape(name), page)
    return html.unescape(m.group(1)) if m else None


def textarea(page, name):
    m = re.search(r'<textarea[^>]*\bname="%s"[^>]*>(.*?)</textarea>' % re.escape(name), page, re.S)
    return html.unescape(m.group(1)) if m else None


def csrf_of(client, path):
    status, _, page = client.get(path)
    if status != 200:
        die(f"GET {path} answered {status}")
    token = attr(page, "csrf")
    if not token:
        die(f"no csrf token on {path}")
    return token, page


def sign_in(client, user, password, new_password):
    client.get("/editor/sign-in")
    status, _, _ = client.post("/editor/sign-in", {"name": user, "password": password, "next": "/editor/"})
    if status != 303 or not client.cookie:
        die(f"sign-in answered {status}")
    # Accounts made by the CLI must change their password first: the editor's home redirects there.
    status, headers, _ = client.get("/editor/")
    if status == 303 and "/editor/account/password" in (headers.get("Location") or ""):
        if not new_password:
            die("the account must change its password: pass --new-password")
        token, _ = csrf_of(client, "/editor/account/password")
        status, _, _ = client.post("/editor/account/password", {
            "current": password, "password": new_password, "repeat": new_password, "csrf": token})
        if status != 303:
            die(f"password change answered {status}")
        status, _, _ = client.get("/editor/")
    if status != 200:
        die(f"GET /editor/ after sign-in answered {status}")


class Translation:
    """The editor's form for one translation, with its text as first read."""

    def __init__(self, client, slug, lang):
        self.client, self.slug, self.lang = client, slug, lang
        self.path = f"/editor/campaigns/{slug}/t/{lang}"
        _, page = csrf_of(client, self.path)
        self.title, self.summary, self.body = attr(page, "title"), textarea(page, "summary"), textarea(page, "body")
        if self.title is None or self.summary is None or self.body is None:
            die(f"{self.path}: no title, summary or body field")
        self.body = self.body.rstrip("\n")

    def save(self, marker):
        token, page = csrf_of(self.client, self.path)
        base = attr(page, "base")
        fields = {"title": self.title, "summary": self.summary, "body": f"{self.body}\n\n{marker}\n",
                  "base": base, "csrf": token}
        status, headers, _ = self.client.post(self.path, fields)
        location = headers.get("Location") or ""
        if status != 303 or "done=saved" not in location:
            die(f"save of {self.path} answered {status} {location}")
        return token


def wait_for(poller, pages, started, interval, timeout):
    """Polls each (path, marker) until all show their marker; time of the last, and the number of GETs."""
    pending = dict(pages)
    polls = 0
    deadline = started + timeout
    while True:
        for path in list(pending):
            status, _, body = poller.get(path)
            polls += 1
            if status == 200 and pending[path] in body:
                del pending[path]
        now = time.monotonic()
        if not pending:
            return now, polls
        if now > deadline:
            die(f"not live within {timeout} s: {', '.join(pending)}")
        time.sleep(max(0.0, interval - (time.monotonic() - now)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("port", type=int)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--new-password", default="")
    ap.add_argument("--slug", default="gen-0001")
    ap.add_argument("--lang", default="es")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--all-runs", type=int, default=1)
    ap.add_argument("--interval-ms", type=float, default=10)
    ap.add_argument("--timeout", type=float, default=10)
    args = ap.parse_args()
    interval = args.interval_ms / 1000

    editor = Client(args.port)
    poller = Client(args.port)
    sign_in(editor, args.user, args.password, args.new_password)
    one = Translation(editor, args.slug, args.lang)
    every = [one if lang == args.lang else Translation(editor, args.slug, lang) for lang in LANGS]
    results = {"one": [], "all": []}
    plan = ["one"] * args.runs + ["all"] * args.all_runs
    for n, kind in enumerate(plan, 1):
        targets = [one] if kind == "one" else every
        pages = {}
        token = None
        for t in targets:
            marker = f"bench-marker-{uuid.uuid4().hex[:16]}"
            token = t.save(marker)
            pages[f"/{t.lang}/c/{t.slug}"] = marker
        action = f"{one.path}/publish" if kind == "one" else f"/editor/campaigns/{args.slug}/publish-all"
        time.sleep(0.2)  # the saves' own work is done; the publish starts from a quiet server
        t0 = time.monotonic()
        status, headers, _ = editor.post(action, {"csrf": token})
        t1 = time.monotonic()
        location = headers.get("Location") or ""
        if status != 303 or ("done=publish" not in location):
            die(f"POST {action} answered {status} {location}")
        t2, polls = wait_for(poller, pages, t1, interval, args.timeout)
        r = ((t1 - t0) * 1000, (t2 - t1) * 1000, (t2 - t0) * 1000)
        results[kind].append(r)
        print(f"run {n} kind={kind} publish_ms={r[0]:.1f} latency_ms={r[1]:.1f} from_start_ms={r[2]:.1f} polls={polls}",
              flush=True)
        time.sleep(0.5)  # let the publisher's release of memory finish before the next run
    for kind, rs in results.items():
        if not rs:
            continue
        lat = [r[1] for r in rs]
        full = [r[2] for r in rs]
        print(f"RESULT kind={kind} runs={len(rs)} median_ms={statistics.median(lat):.1f} max_ms={max(lat):.1f} "
              f"median_from_start_ms={statistics.median(full):.1f} max_from_start_ms={max(full):.1f}", flush=True)


if __name__ == "__main__":
    main()
