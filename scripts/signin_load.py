#!/usr/bin/env python3
"""Parallel wrong sign-ins against a local Maillage, while probes measure how fast other pages still answer.

Usage: signin_load.py BASE_URL EMAIL PASSWORD [--attempts N] [--distinct] [--rounds R]
BASE_URL must be on loopback (http://127.0.0.1:PORT). EMAIL/PASSWORD is an account of that server: it signs in once
(before the attacks) so that a signed-in `/compte` can be probed. Each round sends N (at most 500) wrong sign-ins at
once, each after its own GET /connexion (the form's cookie and token): for EMAIL, or with --distinct for N different
unknown e-mails (the address's allowance then admits more checks). Meanwhile three probes loop over `/health`, a
place page and the signed-in `/compte` and record each answer's latency. Prints the sign-ins' statuses and each
probe's p50/p99/max in milliseconds, over the probes sent while the sign-ins were under way. Bounded: at most 500 attempts a round, 5 rounds, 120 s in all.
"""
import argparse
import http.client
import multiprocessing
import re
import sys
import threading
import time
import urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("email")
parser.add_argument("password")
parser.add_argument("--attempts", type=int, default=200)
parser.add_argument("--distinct", action="store_true", help="one unknown e-mail per attempt instead of EMAIL")
parser.add_argument("--rounds", type=int, default=1)
args = parser.parse_args()

url = urllib.parse.urlparse(args.base)
if url.hostname not in ("127.0.0.1", "localhost", "::1") or url.scheme != "http":
    sys.exit("loopback only: http://127.0.0.1:PORT")
attempts = max(1, min(args.attempts, 500))
rounds = max(1, min(args.rounds, 5))
deadline = time.monotonic() + 120


def request(method, path, cookies=None, body=None, timeout=60):
    """One request on a new connection: (status, headers, body, seconds)."""
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    headers = {}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urllib.parse.urlencode(body)
    start = time.monotonic()
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        return response.status, response.getheaders(), data, time.monotonic() - start
    finally:
        connection.close()


def keep_cookies(cookies, headers):
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";")[0]
            key, _, content = pair.partition("=")
            cookies[key] = content


def sign_in_form():
    """A fresh visitor on /connexion: its cookies and form token."""
    cookies = {}
    _, headers, html, _ = request("GET", "/connexion")
    keep_cookies(cookies, headers)
    token = re.search(r'name="_csrf" value="([^"]+)"', html)
    return cookies, token.group(1) if token else ""


# Setup: a signed-in session for the /compte probe, and a place page.
cookies, token = sign_in_form()
status, headers, _, _ = request("POST", "/connexion", cookies, {"email": args.email, "mot_de_passe": args.password, "_csrf": token})
keep_cookies(cookies, headers)
if status != 302:
    sys.exit(f"the account could not sign in ({status})")
signed_in = cookies
_, _, places, _ = request("GET", "/api/v1/places?commune=59172")
place = re.search(r'"id"\s*:\s*"([^"]+)"', places)
place_path = "/lieux/" + urllib.parse.quote(place.group(1)) if place else "/"
paths = ["/health", place_path, "/compte"]


def probe(path, stop, results):
    """Its own process, so that the attackers' threads never delay the measure."""
    samples = []
    while not stop.is_set() and time.monotonic() < deadline:
        started = time.monotonic()
        status, _, _, seconds = request("GET", path, signed_in if path == "/compte" else None)
        samples.append((status, seconds, started))
        time.sleep(0.02)
    results.put((path, samples))


def attack(index, barrier, statuses):
    cookies, token = sign_in_form()
    email = f"personne{index}@exemple.invalid" if args.distinct else args.email
    barrier.wait()
    status, _, _, _ = request("POST", "/connexion", cookies, {"email": email, "mot_de_passe": f"mauvais essai {index}", "_csrf": token})
    statuses.append(status)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


if __name__ == "__main__":
    processes = multiprocessing.get_context("fork")  # the probes inherit the signed-in session
    stop, results = processes.Event(), processes.Queue()
    probers = [processes.Process(target=probe, args=(path, stop, results)) for path in paths]
    for process in probers:
        process.start()
    time.sleep(1)  # a quiet second first
    statuses = []
    window_start = time.monotonic()
    for _ in range(rounds):
        if time.monotonic() > deadline:
            break
        barrier = threading.Barrier(attempts)
        attackers = [threading.Thread(target=attack, args=(i, barrier, statuses)) for i in range(attempts)]
        started = time.monotonic()
        for thread in attackers:
            thread.start()
        for thread in attackers:
            thread.join()
        print(f"round: {attempts} sign-ins answered in {time.monotonic() - started:.1f} s")
    window_end = time.monotonic()
    time.sleep(1)
    stop.set()
    probes = dict(results.get() for _ in probers)
    for process in probers:
        process.join()
    print("sign-in statuses:", {code: statuses.count(code) for code in sorted(set(statuses))})
    for path, samples in probes.items():
        # only the probes sent while the sign-ins were under way
        samples = [(code, seconds) for code, seconds, started in samples if window_start <= started <= window_end]
        if not samples:
            print(f"{path}: no probe during the sign-ins")
            continue
        times = [seconds for _, seconds in samples]
        codes = {code: [c for c, _ in samples].count(code) for code in sorted({c for c, _ in samples})}
        print(f"{path}: {len(times)} probes {codes}, p50 {percentile(times, 0.5):.1f} ms, p99 {percentile(times, 0.99):.1f} ms, max {max(times) * 1000:.1f} ms")
