#!/usr/bin/env python3
"""The hostile load of issue 26, on loopback only (python3 standard library), driven by scripts/hostile-load.sh.

  probe BASE SECONDS                       /health from a fresh connection every 100 ms; prints its latencies
  streams BASE COUNT SECONDS ID ADDRESSES  COUNT connections to /rencontres/ID/atelier/flux held open, spread over
                                           ADDRESSES source addresses (127.0.1.1, 127.0.1.2…); counts the answers
  signins BASE COUNT                       COUNT parallel wrong sign-ins (the form read first for its cookie and token)

Each role connects from its own loopback address, as different clients would: the per-address cap of the server
then bounds each role on its own (the probe from 127.0.0.2, the sign-ins from 127.0.0.3).
"""
import asyncio, re, socket, sys, time
from collections import Counter
from urllib.parse import urlsplit, urlencode


def target(base):
    url = urlsplit(base)
    host = url.hostname or ""
    if not (host == "localhost" or host.startswith("127.")):
        sys.exit(f"refusé : {base} n'est pas une adresse de bouclage (127.x.y.z ou localhost)")
    return host, url.port or 80


def status_of(head):
    match = re.match(rb"HTTP/1\.[01] (\d{3})", head)
    return match.group(1).decode() if match else "sans réponse"


def probe(base, seconds):
    host, port = target(base)
    latencies, failures, deadline = [], Counter(), time.monotonic() + seconds
    while time.monotonic() < deadline:
        start = time.monotonic()
        try:
            with socket.create_connection((host, port), timeout=10, source_address=("127.0.0.2", 0)) as sock:
                sock.sendall(f"GET /health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
                data = b""
                while chunk := sock.recv(65536):
                    data += chunk
            status = status_of(data)
            if status == "200":
                latencies.append((time.monotonic() - start) * 1000)
            else:
                failures[status] += 1
        except OSError as error:
            failures[type(error).__name__] += 1
        time.sleep(0.1)
    latencies.sort()
    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else float("nan")
    print(f"/health probe: {len(latencies)} answered 200, p50 {pct(0.5):.1f} ms, p99 {pct(0.99):.1f} ms, "
          f"max {latencies[-1] if latencies else float('nan'):.1f} ms; failures {dict(failures) or 'none'}")


async def read_head(reader, limit):
    return await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), limit)


async def stream(host, port, path, source, hold_until, statuses, open_now):
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port, local_addr=(source, 0)), 10)
    except (OSError, asyncio.TimeoutError) as error:
        statuses[f"connexion impossible ({type(error).__name__})"] += 1
        return
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
        await writer.drain()
        status = status_of(await read_head(reader, 15))
        statuses[status] += 1
        if status == "200":
            open_now[0] += 1
            # Hold the stream, reading what the server pushes, until the end or until the server closes it
            try:
                while await asyncio.wait_for(reader.read(65536), max(hold_until - time.monotonic(), 0.1)):
                    pass
                statuses["200 then closed by the server before the end"] += 1
            except asyncio.TimeoutError:
                pass
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError) as error:
        statuses[f"coupée ({type(error).__name__})"] += 1
    finally:
        writer.close()


async def streams(base, count, seconds, meeting, addresses):
    host, port = target(base)
    statuses, open_now = Counter(), [0]
    hold_until = time.monotonic() + seconds
    path = f"/rencontres/{meeting}/atelier/flux"
    tasks = []
    for index in range(count):
        source = f"127.0.1.{1 + index % addresses}"
        tasks.append(asyncio.create_task(stream(host, port, path, source, hold_until, statuses, open_now)))
        if index % 100 == 99:
            await asyncio.sleep(0.05)
    await asyncio.gather(*tasks)
    print(f"{count} event streams to {path} from {addresses} addresses: statuses {dict(statuses)}; {open_now[0]} were held open")


async def request(host, port, text):
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port, local_addr=("127.0.0.3", 0)), 10)
    try:
        writer.write(text.encode())
        await writer.drain()
        head = await read_head(reader, 60)
        length = re.search(rb"(?i)content-length: *(\d+)", head)
        body = await asyncio.wait_for(reader.readexactly(int(length.group(1))), 60) if length else b""
        return head, body
    finally:
        writer.close()


async def signin(host, port, index, statuses, durations):
    start = time.monotonic()
    try:
        head, body = await request(host, port, f"GET /connexion HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
        cookies = "; ".join(c.decode() for c in re.findall(rb"(?i)set-cookie: *([^;\r\n]+)", head))
        token = re.search(rb'name="_csrf" value="([^"]+)"', body)
        if token is None:
            statuses[f"formulaire {status_of(head)}"] += 1
            return
        form = urlencode({"_csrf": token.group(1).decode(), "email": "inconnu@example.org", "mot_de_passe": f"mauvais-{index}"})
        head, _ = await request(host, port, f"POST /connexion HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}:{port}\r\n"
                                f"Cookie: {cookies}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                f"Content-Length: {len(form)}\r\nConnection: close\r\n\r\n{form}")
        statuses[status_of(head)] += 1
        durations.append(time.monotonic() - start)
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError) as error:
        statuses[f"échec ({type(error).__name__})"] += 1


async def signins(base, count):
    host, port = target(base)
    statuses, durations = Counter(), []
    await asyncio.gather(*(signin(host, port, index, statuses, durations) for index in range(count)))
    durations.sort()
    slowest = f", slowest {durations[-1]:.1f} s" if durations else ""
    print(f"{count} parallel wrong sign-ins: statuses {dict(statuses)}{slowest}")


if __name__ == "__main__":
    command, base, *rest = sys.argv[1:]
    if command == "probe":
        probe(base, float(rest[0]))
    elif command == "streams":
        asyncio.run(streams(base, int(rest[0]), float(rest[1]), rest[2], int(rest[3])))
    elif command == "signins":
        asyncio.run(signins(base, int(rest[0])))
    else:
        sys.exit(__doc__)
