#!/usr/bin/env python3
"""Accessibility check of Maillage's pages in a real headless Chromium, with axe-core (RGAA-minded).

Usage: accessibility_check.py BASE_URL [SCREENSHOT_DIR]
Visits every page `maillage pages` lists (MAILLAGE_BIN, `.build/debug/maillage` by default) at a phone width (320 px)
and a desktop width (1280 px), runs axe-core on each, checks that nothing overflows horizontally at 320 px and that the
skip link takes the keyboard focus first, and exits non-zero on any serious or critical violation. Screenshots are written when a folder is given.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# The pages come from the site's own routes (`maillage pages`, made from SiteURL): a page added to the site is checked
# without being listed here. Pages of a signed-in coordinator are checked when MAILLAGE_A11Y_LINK gives the link where a
# coordinator made by `maillage user create` chooses a password (MAILLAGE_A11Y_EMAIL is their e-mail).
MAILLAGE = os.environ.get("MAILLAGE_BIN", ".build/debug/maillage")
MEETING = {}
PASSWORD = "une phrase de passe pour l'accessibilite"


def sign_in(page, base):
    """Chooses the password through the link the first time, signs in through the form afterwards."""
    link, email = os.environ.get("MAILLAGE_A11Y_LINK"), os.environ.get("MAILLAGE_A11Y_EMAIL")
    if not link or not email:
        return False
    if not getattr(sign_in, "done", False):
        page.goto(link)
        page.fill("#nouveau", PASSWORD)
        page.fill("#confirmation", PASSWORD)
        with page.expect_navigation():
            page.click("form.account-form button[type=submit]")
        sign_in.done = True
    else:
        page.goto(base + "/connexion")
        page.fill("#email", email)
        page.fill("#mot_de_passe", PASSWORD)
        with page.expect_navigation():
            page.click("form.account-form button[type=submit]")
    return "/compte" in page.url


def prepare_meeting(page, base, visits):
    """Once: the coordinator makes a cycle and a meeting, registers a participant and opens the workshop; they must be
    the demo cycle and meeting the visits open (the check runs on an empty base)."""
    if MEETING:
        return []
    page.goto(base + "/cycles/nouveau?territoire=200042190")
    with page.expect_navigation():
        page.click("form.place-form button[type=submit]")
    MEETING["cycle"] = page.url.replace(base, "")
    page.goto(base + MEETING["cycle"] + "/rencontres/nouvelle")
    page.fill("#debut", "2023-02-02T09:30")
    page.fill("#lieu", "Médiathèque de Raismes")
    with page.expect_navigation():
        page.click("form.place-form button[type=submit]")
    MEETING["rencontre"] = page.url.replace(base, "")
    page.fill("#nom", "Faustine")
    page.fill("#structure", "Les Assembleurs")
    with page.expect_navigation():
        page.click("form.place-form button[type=submit]")
    with page.expect_navigation():
        page.click("button:has-text('Ouvrir l')")
    MEETING["code"] = page.locator(".join-code").first.inner_text()
    expected = {v["name"]: v["path"] for v in visits}
    return [f"la rencontre préparée n'est pas celle des pages vérifiées ({MEETING[key]} au lieu de {expected[name]})"
            for key, name in (("cycle", "cycle"), ("rencontre", "rencontre")) if MEETING[key] != expected.get(name)]


def participant_board(browser, base, width):
    """A participant's phone: joins with the code, sends a card, and reads their table's board."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(base + "/rejoindre?code=" + MEETING["code"])
    page.fill("#nom", "Léa")
    with page.expect_navigation():
        page.click("form.place-form button[type=submit]")
    page.fill("#texte", "Le CCAS de Raismes accompagne les démarches en ligne")
    with page.expect_navigation():
        page.click(".card-form button[type=submit]")
    page.goto(page.url.split("#")[0])  # the card sent is the page's target: read the page from its top
    return page


def main() -> int:
    base = sys.argv[1].rstrip("/")
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    visits = json.loads(subprocess.run([MAILLAGE, "pages"], check=True, capture_output=True, text=True).stdout)
    # Anyone's pages first, then the coordinator's, then those of the meeting the coordinator prepares.
    order = {"visitor": 0, "coordinator": 1, "participant": 2}
    visits.sort(key=lambda v: (v["needsMeeting"], order[v["audience"]]))
    axe = Axe()
    failures = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for width, label in ((320, "mobile"), (1280, "bureau")):
            page = browser.new_page(viewport={"width": width, "height": 900})
            signed_in = False
            for visit in visits:
                name, path = visit["name"], visit["path"]
                if visit["audience"] != "visitor" and not signed_in:
                    if not sign_in(page, base):
                        if os.environ.get("MAILLAGE_A11Y_LINK"):
                            failures.append(f"{label}: la connexion du coordinateur de vérification a échoué")
                        break
                    signed_in = True
                if visit["needsMeeting"]:
                    failures += [f"{label}: {problem}" for problem in prepare_meeting(page, base, visits)]
                checked = page
                if visit["audience"] == "participant":
                    checked = participant_board(browser, base, width)
                checked.goto(base + path)
                results = axe.run(checked)
                serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
                for v in serious:
                    failures.append(f"{label} {name}: {v['id']} ({v['impact']}) — {v['help']} — {len(v['nodes'])} élément(s)")
                if width == 320:
                    overflow = checked.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
                    if overflow:
                        failures.append(f"{label} {name}: la page déborde horizontalement à 320 px")
                checked.keyboard.press("Tab")
                focused = checked.evaluate("document.activeElement && document.activeElement.className")
                if focused != "skip-link":
                    failures.append(f"{label} {name}: le premier Tab ne donne pas le lien d'évitement ({focused!r})")
                if shots:
                    checked.screenshot(path=str(shots / f"{name}-{label}.png"), full_page=True)
                if checked is not page:
                    checked.close()
                print(f"{label:7} {name:20} {len(results.response['violations'])} violation(s) dont {len(serious)} graves")
            page.close()
        browser.close()
    for failure in failures:
        print("ÉCHEC", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
