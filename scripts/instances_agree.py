#!/usr/bin/env python3
"""Two instances must serve the same bytes and ETag for the same page, or a revalidation through the other never gets
a 304. Starts two `maillage serve` processes (each with its own hash seed) on one SQLite file, crawls the site from a
few seeds through its links (at most PER pages of each kind), and lists every cacheable answer that differs.

    scripts/instances_agree.py .build/debug/maillage /tmp/agree.sqlite 8160 8161 [LIMIT]

Exit status 1 when an answer differs."""
import collections, re, subprocess, sys, time, urllib.error, urllib.request

binary, database, port_a, port_b = sys.argv[1:5]
limit, per_kind = int(sys.argv[5]) if len(sys.argv) > 5 else 2000, 300
seeds = ["/", "/plan-du-site", "/recherche?ou=Saint-Amand", "/recherche?ou=Raimes", "/territoires/200042190", "/structures",
         "/diagnostic?epci=200042190", "/diagnostic.html?epci=200042190", "/personas", "/api/v1/places", "/api/v1/communes/59526",
         "/api/v1/territoires/200042190", "/api/v1/diagnostic?epci=200042190", "/api/v1/diagnostic.csv?epci=200042190",
         "/api/v1/partenariats/suggestions?commune=59526", "/api/v1/recherche.geojson?ou=Denain", "/territoires/200042190/lieux.csv"]


def start(port):
    # The same public address for both, so that pages naming the site (the standalone diagnostic) agree.
    return subprocess.Popen([binary, "serve", "--database", database, "--port", port, "--public-url", "http://127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as r:
            return r.status, r.headers.get("ETag"), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("ETag"), e.read()


def wait(port):
    for _ in range(120):
        try:
            get(port, "/health")
            return
        except OSError:
            time.sleep(1)
    sys.exit(f"the server on port {port} did not start")


def kind(path):
    base, _, query = path.partition("?")
    return re.sub(r"\d+", "N", base) + "?" + "&".join(sorted(p.split("=")[0] for p in query.split("&") if p))


first = start(port_a)  # the first loads the demo territory into an empty file; the second opens it loaded
wait(port_a)
second = start(port_b)
try:
    wait(port_b)
    seen, per, queue, differing = set(), collections.Counter(), collections.deque(seeds), []
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen or per[kind(path)] >= per_kind:
            continue
        seen.add(path)
        per[kind(path)] += 1
        (status_a, etag_a, body_a), (status_b, etag_b, body_b) = get(port_a, path), get(port_b, path)
        if etag_a is not None and (etag_a != etag_b or body_a != body_b):
            differing.append(path)
            print(f"DIFFERS {path} {etag_a} {etag_b}")
        for href in re.findall(rb'href="(/[^"#]*)"', body_a):
            link = href.decode().replace("&amp;", "&")
            if not link.endswith((".css", ".js", ".png", ".ico")) and link not in seen:
                queue.append(link)
    print(f"{len(seen)} pages of {len(per)} kinds compared, {len(differing)} differ")
    sys.exit(1 if differing else 0)
finally:
    first.terminate()
    second.terminate()
