#!/usr/bin/env python3
"""Accessibility check of Maillage's pages in a real headless Chromium, with axe-core (RGAA-minded).

Usage: accessibility_check.py BASE_URL [SCREENSHOT_DIR]
Visits every public page at a phone width (320 px) and a desktop width (1280 px), runs axe-core on each, checks that
nothing overflows horizontally at 320 px and that the skip link takes the keyboard focus first, and exits non-zero on
any serious or critical violation. Screenshots are written when a folder is given.
"""
import os
import sys
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

PAGES = [
    ("accueil", "/"),
    ("recherche", "/recherche?ou=Raismes&services=Aide+aux+d%C3%A9marches+administratives&sur_place=1"),
    ("recherche-voisins", "/recherche?ou=Denain&services=Insertion+professionnelle+via+le+num%C3%A9rique"),
    ("commune", "/communes/59491"),
    ("territoire", "/territoires/200042190"),
    ("orienter", "/orienter"),
    ("orienter-resultats", "/orienter/resultats?besoin=Aide+aux+d%C3%A9marches+administratives&ou=Raismes&equipement=aucun&mobilite=bus&gratuit=1"),
    ("erreur", "/recherche?services=Jardinage"),
    ("diagnostic", "/diagnostic?epci=200042190"),
    ("diagnostic-commune", "/diagnostic/communes/59038"),
    ("personas", "/personas"),
    ("persona-formulaire", "/personas/nouveau"),
    ("parcours", "/personas/karima/parcours"),
    ("atelier", "/atelier"),
    ("connexion", "/connexion"),
    ("donnees-personnelles", "/donnees-personnelles"),
    ("mentions-legales", "/mentions-legales"),
    ("accessibilite", "/accessibilite"),
    ("plan-du-site", "/plan-du-site"),
    ("contact", "/contact"),
    ("structures", "/structures"),
    ("lieux-manquants", "/lieux-manquants"),
    ("cycles", "/cycles"),
    ("rejoindre", "/rejoindre"),
    ("partenariats", "/partenariats"),
    ("partenariats-suggestions", "/partenariats?commune=59491"),
    ("parcours-denain", "/personas/marcel/parcours?commune=59172"),
    ("règles-orientation", "/orienter/regles"),
    ("lieu", "{lieu}"),
    ("signaler", "{lieu}/signaler"),
    ("structure", "{structure}"),
]

# Pages of a signed-in coordinator: checked when MAILLAGE_A11Y_LINK gives the link where a coordinator made by
# `maillage user create` chooses a password (MAILLAGE_A11Y_EMAIL is their e-mail).
SIGNED_IN_PAGES = [
    ("compte", "/compte"),
    ("second-facteur", "/compte/second-facteur"),
    ("invitations", "/invitations"),
    ("journal", "/journal"),
    ("persona-nouveau", "/personas/nouveau"),
    ("persona-modifier", "/personas/karima/modifier"),
    ("declarer", "{lieu}/declarer"),
    ("proposer-un-lieu", "/proposer-un-lieu?commune=59172"),
    ("declarations", "/declarations"),
    ("vigilance", "/territoires/200042190/vigilance"),
    ("desaccords", "/territoires/200042190/desaccords"),
    ("lieu-manquant-nouveau", "/lieux-manquants/nouveau?territoire=200042190&commune=59172&origine=diagnostic"),
    ("cycle-nouveau", "/cycles/nouveau?territoire=200042190"),
    ("préparer-rencontre", None),
    ("cycle", "{cycle}"),
    ("rencontre-nouvelle", "{cycle}/rencontres/nouvelle"),
    ("rencontre", "{rencontre}"),
    ("rencontre-modifier", "{rencontre}/modifier"),
    ("tableau-animateur", "{rencontre}/atelier"),
    ("tableau-projeté", "{rencontre}/atelier?vue=projection"),
    ("compte-rendu", "{rencontre}/compte-rendu"),
    ("évolution", "{rencontre}/evolution"),
    ("compte-rendu-cycle", "{cycle}/compte-rendu"),
    ("partenariats-déclarer", "/partenariats"),
    ("règles-orientation-ajouter", "/orienter/regles"),
    ("orientations", "/orientations"),
    ("tableau-participant", None),
]
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


def prepare_meeting(page, base):
    """Once: the coordinator makes a cycle and a meeting, registers a participant and opens the workshop."""
    if MEETING:
        return
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
    axe = Axe()
    failures = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        pages = list(PAGES)
        for width, label in ((320, "mobile"), (1280, "bureau")):
            page = browser.new_page(viewport={"width": width, "height": 900})
            # a place page (the first result of the search) and its structure's page
            page.goto(base + PAGES[1][1])
            place = page.locator("article.place h3 a").first.get_attribute("href")
            page.goto(base + place)
            structure = page.locator("a[href^='/structures/']").first.get_attribute("href")
            for name, path in pages + [("connecté", None)] + SIGNED_IN_PAGES:
                path = path and path.replace("{lieu}", place).replace("{structure}", structure)
                path = path and path.replace("{cycle}", MEETING.get("cycle", "")).replace("{rencontre}", MEETING.get("rencontre", ""))
                checked = page
                if name == "préparer-rencontre":
                    prepare_meeting(page, base)
                    continue
                if name == "tableau-participant":
                    checked = participant_board(browser, base, width)
                elif path is None:
                    if not sign_in(page, base):
                        if os.environ.get("MAILLAGE_A11Y_LINK"):
                            failures.append(f"{label}: la connexion du coordinateur de vérification a échoué")
                        break
                    continue
                else:
                    page.goto(base + path)
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
