#!/usr/bin/env python3
"""Replays issue 26's account attacks against a running Maillage, as a stranger and as a coordinator would.

Usage: replay-second-factor.py MAILLAGE_BINARY DATABASE_FILE PORT
Starts `serve` on 127.0.0.1:PORT with a fresh SQLite file, creates two coordinators of CAPH with the command line, then:
  1. Camille turns the second factor on; Bruno (same territory) makes her a reset link; whoever holds it chooses a
     password without any code: does a session open? does that session turn the second factor off with the password alone?
  2. the sign-in return address `/\\t/pirate.example`: where does the browser go?
  3. an invitation asked with `Host: pirate.example` (no --public-url): which host does the link name?
  4. `/compte?message=<script>…`: is the text shown?
  5. Bruno makes a reset link for the member of a structure of his territory (whose orientations he may not read)
Prints one line per attack (« HELD » or « BROKEN ») and stops the server it started.
"""
import hashlib
import hmac
import http.client
import re
import struct
import subprocess
import sys
import time
import urllib.parse

BINARY, DATABASE, PORT = sys.argv[1], sys.argv[2], int(sys.argv[3])
PASSWORD = "une phrase de passe bien longue"
TERRITORY = "200042190"


class Browser:
    """Cookies and the form token of one browser; never follows redirects."""

    def __init__(self):
        self.cookies, self.csrf = {}, None

    def send(self, method, path, fields=None, host=None):
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if host:
            headers["Host"] = host
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields + ([("_csrf", self.csrf)] if self.csrf else []))
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        html = response.read().decode("utf-8", "replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            content = rest.split(";")[0]
            if content:
                self.cookies[name] = content
            else:
                self.cookies.pop(name, None)
        token = re.search(r'name="_csrf" value="([^"]+)"', html)
        if token:
            self.csrf = token.group(1)
        return response.status, response.headers.get("Location"), html


def totp(secret, at=None):
    """RFC 6238 code (SHA-1, 6 digits, 30 s); the key is the secret's text itself, as Maillage gives it (the
    `otpauth://` address carries it in base 32)."""
    key = secret.encode()
    counter = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def create(email, name, role=("--role", "coordinateur", "--territory", TERRITORY)):
    """An account made by the command line; returns the path of its password link."""
    out = subprocess.run([BINARY, "user", "create", "--database", DATABASE, "--email", email, "--name", name, *role],
                         capture_output=True, text=True, check=True).stdout
    return re.search(r"/(?:invitation|reinitialisation)/[A-Za-z0-9_-]{43}", out).group(0)


def choose_password(link):
    browser = Browser()
    browser.send("GET", link)
    status, _, _ = browser.send("POST", link, [("nouveau", PASSWORD), ("confirmation", PASSWORD)])
    assert status == 302, status


def sign_in(email, code=None):
    browser = Browser()
    browser.send("GET", "/connexion")
    fields = [("email", email), ("mot_de_passe", PASSWORD)] + ([("code", code)] if code else [])
    status, _, _ = browser.send("POST", "/connexion", fields)
    assert status == 302, status
    browser.send("GET", "/compte")
    return browser


def main():
    server = subprocess.Popen([BINARY, "serve", "--database", DATABASE, "--port", str(PORT)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(240):
            try:
                if Browser().send("GET", "/health")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        choose_password(create("camille@caph.fr", "Camille"))
        choose_password(create("bruno@caph.fr", "Bruno"))
        # 1. Camille's second factor, and Bruno's reset link for her
        camille = sign_in("camille@caph.fr")
        _, _, form = camille.send("GET", "/compte/second-facteur")
        secret = re.search(r'name="secret" value="([A-Z2-7]{20})"', form).group(1)
        status, _, _ = camille.send("POST", "/compte/second-facteur", [("secret", secret), ("code", totp(secret))])
        assert status in (200, 302), f"turning the second factor on: {status}"
        bruno = sign_in("bruno@caph.fr")
        _, _, people = bruno.send("GET", "/invitations")
        camille_id = re.findall(r"/comptes/(\d+)/reinitialisation", people)[0]
        _, _, notice = bruno.send("POST", f"/comptes/{camille_id}/reinitialisation", [])
        link = re.search(r"/reinitialisation/[A-Za-z0-9_-]{43}", notice).group(0)
        holder = Browser()
        holder.send("GET", link)
        new = "une toute nouvelle phrase de passe"
        status, _, _ = holder.send("POST", link, [("nouveau", new), ("confirmation", new)])
        session = "maillage_session" in holder.cookies
        print(f"reset link without the code: {status}, session opened: {session} →", "BROKEN" if session else "HELD")
        if session:
            holder.send("GET", "/compte")
            status, _, _ = holder.send("POST", "/compte/second-facteur/desactiver", [("mot_de_passe", new)])
            print(f"  that session turns the second factor off with the password alone: {status} →", "BROKEN" if status == 302 else "HELD")
        # 2. the return address
        visitor = Browser()
        visitor.send("GET", "/connexion")
        _, location, _ = visitor.send("POST", "/connexion", [("email", "bruno@caph.fr"), ("mot_de_passe", PASSWORD), ("retour", "/\t/pirate.example")])
        print(f"retour=/\\t/pirate.example: Location {location!r} →", "BROKEN" if "pirate" in (location or "") else "HELD")
        # 3. the links' host
        _, _, invitation = bruno.send("POST", "/invitations", [("email", "nouvelle@exemple.fr"), ("role", "participant"), ("territoire", TERRITORY)],
                                      host="pirate.example")
        made = re.search(r'value="(https?://[^"]*/invitation/)', invitation)
        print(f"invitation asked with Host: pirate.example: {made.group(1) if made else None} →",
              "BROKEN" if made and "pirate" in made.group(1) else "HELD")
        # 4. the account page's message
        _, _, page = bruno.send("GET", "/compte?message=" + urllib.parse.quote("<script>alert(1)</script> Appelez le 0899"))
        shown = "0899" in page
        print(f"/compte?message=<script>…: text shown: {shown} →", "BROKEN" if shown else "HELD")
        # 5. a reset link for someone with a role Bruno does not hold
        _, _, structures = Browser().send("GET", "/structures")
        structure = urllib.parse.unquote(re.search(r'href="/structures/([^"/?]+)"', structures).group(1))
        choose_password(create("membre@caph.fr", "Membre", ("--role", "membre", "--structure", structure)))
        _, _, people = bruno.send("GET", "/invitations")
        ids = re.findall(r"/comptes/(\d+)/reinitialisation", people)
        member_id = subprocess.run(["sqlite3", DATABASE, "SELECT id FROM accounts WHERE email = 'membre@caph.fr'"], capture_output=True, text=True).stdout.strip()
        status, _, page = bruno.send("POST", f"/comptes/{member_id}/reinitialisation", [])
        made = re.search(r"/reinitialisation/[A-Za-z0-9_-]{43}", page) is not None
        print(f"reset link for a structure's member, by a coordinator: {status}, link made: {made} (offered on /invitations: {member_id in ids}) →",
              "BROKEN" if made else "HELD")
    finally:
        server.terminate()
        server.wait(timeout=30)


main()
