#!/usr/bin/env python3
"""The pages in a real browser: headless Debian chromium, driven by Selenium through /usr/bin/chromedriver.

Usage: browser_flows.py CHANNEL BASE_URL SHOTS_DIR [ADMIN_TOKEN]
CHANNEL is web (desktop, /compte), app (the same pages at 360 px wide) or kiosk (/borne). Each channel runs on a
fresh demo service (the flows change the household). Every page is checked by axe-core (no violation of serious
or critical impact) and saved as a screenshot in SHOTS_DIR. Prints one line per failure and exits 1 if any.
"""
import datetime
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

os.environ.setdefault("SE_AVOID_STATS", "true")
# Selenium Manager must never fetch a driver or a browser: Debian's are named below.
os.environ.setdefault("SE_OFFLINE", "true")
from axe_selenium_python import Axe  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

CHANNEL, BASE, SHOTS = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3]
ADMIN_TOKEN = sys.argv[4] if len(sys.argv) > 4 else None
PREFIX = "/borne" if CHANNEL == "kiosk" else "/compte"
DOWNLOADS = os.path.abspath(os.path.join(SHOTS, f"downloads-{CHANNEL}"))
os.makedirs(DOWNLOADS, exist_ok=True)
failures = []
pages_checked = 0


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL [{CHANNEL}] {what}", flush=True)


def start_browser():
    width, height = (360, 780) if CHANNEL == "app" else (1280, 1000)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=fr-FR", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    if CHANNEL == "app":
        # A phone's viewport (a desktop window cannot be made this narrow): 360 CSS pixels, touch events.
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 780, "pixelRatio": 2, "touch": True}})
    options.add_experimental_option("prefs", {
        "download.default_directory": DOWNLOADS, "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": True, "intl.accept_languages": "fr-FR,fr",
    })
    # The driver Debian installed, never one downloaded. Headless Chromium on Linux takes its locale, which sets how
    # date fields read (jj/mm/aaaa), from the environment rather than from --lang alone.
    environment = dict(os.environ, LANGUAGE="fr_FR:fr", LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8")
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver", env=environment), options=options)


driver = start_browser()
certificate_pdf = None
driver.set_page_load_timeout(30)


def text():
    return driver.find_element(By.TAG_NAME, "body").text


def audit(name):
    """axe-core on the page as shown, a screenshot, and the app's layout rules at 360 px."""
    global pages_checked
    pages_checked += 1
    axe = Axe(driver)
    try:
        axe.inject()
        results = axe.run()
    except Exception as error:
        check(False, f"{name}: axe-core could not run on {driver.current_url}: {str(error).splitlines()[0]}")
        return
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in results["violations"] if v["impact"] in ("serious", "critical")]
    check(not bad, f"{name}: axe violations {bad}")
    driver.save_screenshot(os.path.join(SHOTS, f"{CHANNEL}-{name}.png"))
    check(driver.execute_script("return document.documentElement.lang") == "fr", f"{name}: lang is not fr")
    if CHANNEL == "app":
        width = driver.execute_script("return window.innerWidth")
        check(width == 360, f"{name}: the app's viewport is {width} px wide, not 360")
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        check(overflow <= 0, f"{name}: scrolls horizontally by {overflow} px at 360 px")
        small = driver.execute_script("""
            return [...document.querySelectorAll('button, a.bouton, nav a, label.choix')]
              .filter(e => e.offsetParent !== null)
              .map(e => [e.textContent.trim().slice(0, 30), e.getBoundingClientRect().height])
              .filter(([_, h]) => h < 44)""")
        check(not small, f"{name}: touch targets under 44 px: {small}")


def go(path, name=None):
    driver.get(BASE + path)
    if name:
        audit(name)


def settle(old_page, expect_new_page=True):
    """Waits until the click's navigation has replaced the page (or, for a download, a moment)."""
    for _ in range(100):
        try:
            old_page.is_enabled()
        except Exception:
            break
        if not expect_new_page:
            time.sleep(0.5)
            return
        time.sleep(0.05)
    for _ in range(100):
        if driver.execute_script("return document.readyState") == "complete":
            return
        time.sleep(0.05)


def click_link(href_end):
    for link in driver.find_elements(By.TAG_NAME, "a"):
        if (link.get_attribute("href") or "").endswith(href_end):
            old = driver.find_element(By.TAG_NAME, "html")
            link.click()
            settle(old)
            return
    raise AssertionError(f"no link to …{href_end} on {driver.current_url}")


def submit_button(label, new_page=True):
    for button in driver.find_elements(By.CSS_SELECTOR, "main button"):
        if button.text.strip() == label:
            old = driver.find_element(By.TAG_NAME, "html")
            button.click()
            settle(old, new_page)
            return
    raise AssertionError(f"no button “{label}” on {driver.current_url}")


def cookies_header():
    return "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())


def http(method, path, data=None, headers=None, cookies=True):
    """A request outside the browser, with the browser's cookies (or none)."""
    request = urllib.request.Request(BASE + path, method=method, data=data)
    if cookies:
        request.add_header("Cookie", cookies_header())
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def csrf_token(path=None):
    """The form token of a page (by default a signed-in one), as the browser's cookies get it."""
    status, _, body = http("GET", path or f"{PREFIX}/ceam")
    match = re.search(rb'name="_csrf" value="([^"]+)"', body)
    return match.group(1).decode() if match else ""


def history_count():
    status, _, body = http("GET", f"{PREFIX}/demarches")
    return body.count(b"<tr><td>")


def wait_for_download(before):
    for _ in range(100):
        files = set(os.listdir(DOWNLOADS)) - before
        done = [f for f in files if not f.endswith(".crdownload")]
        if done:
            return os.path.join(DOWNLOADS, done[0])
        time.sleep(0.1)
    return None


def sign_in():
    go(f"{PREFIX}/connexion", "connexion")
    submit_button("Se connecter en tant que Marc MARTIN")
    if CHANNEL == "kiosk":
        # Seed 000's kiosk: « Mes séjours en Europe », the countries on request, then « Continuer » to the list.
        check(driver.current_url.endswith(f"{PREFIX}/sejours"), f"the kiosk starts with « Mes séjours en Europe », not {driver.current_url}")
        audit("sejours")
        check("Mes séjours en Europe – Carte Européenne d'Assurance Maladie" in text(), "the kiosk's first screen")
        source = driver.page_source
        check("Norvège" in source and "Liechtenstein" in source and "Royaume-Uni" in source, "the countries where the card is used")
        click_link("/ceam")
    check(driver.current_url.endswith(f"{PREFIX}/ceam"), f"sign-in leads to the card page, not {driver.current_url}")


# On the kiosk the certificate is printed, and each action's confirmation shows in the updated list (seed 000, BMS).
CERTIFICATE_LINK = "Imprimer ici ce certificat provisoire" if CHANNEL == "kiosk" else "Téléchargez ici ce certificat provisoire"

# ---------------------------------------------------------------------------------------------------------------
sign_in()
audit("ceam")
body = text()
source = driver.page_source
if CHANNEL != "kiosk":
    check("Norvège" in source and "Liechtenstein" in source and "Royaume-Uni" in source, "the countries where the card is used")
check("Hugo MARTIN" in body and "Léa MARTIN" in body and "Marc MARTIN" in body, "the three beneficiaries")
# R_RENEW_WINDOW: Marc's card is not renewable yet; the page says why and from which day.
check(re.search(r"Renouveler ma carte : .*Possible à partir du \d\d/\d\d/\d{4}", body, re.S) is not None,
      "the renewal window's message with its date")

if CHANNEL == "kiosk":
    check("borne" in driver.find_element(By.TAG_NAME, "body").get_attribute("class"), "the kiosk's layout")
    check(driver.find_element(By.CSS_SELECTOR, "#fin button").text == "Terminer", "a visible Terminer button")

# Order with departure within 15 days → confirmation → the certificate, once.
click_link("/ceam/hugo/commande")
audit("commande")
if CHANNEL == "kiosk":
    check(len(driver.find_elements(By.CSS_SELECTOR, "[role=dialog][aria-labelledby=titre]")) == 1, "the kiosk's action in a dialog")
submit_button("Valider")
audit("commande-sans-reponse")
check("15 jours" in text(), "an order without the departure answer is refused with R_DEPARTURE's message")
driver.find_element(By.CSS_SELECTOR, "input[name=depart][value=oui]").click()
submit_button("Valider")
audit("confirmation-commande")
body = text()
check("10 jours" in body, "the card comes by post in about 10 days")
check(CERTIFICATE_LINK in body and "une seule fois" in body, "the certificate, once")
if CHANNEL == "kiosk":
    check("/borne/ceam?fait=" in driver.current_url and "Hugo MARTIN" in body, "the kiosk confirms in the list of beneficiaries")
before = history_count()
driver.refresh()
check(history_count() == before == 1, f"a reload after the POST creates nothing ({before} procedures)")
confirmation_url = driver.current_url
click_link(driver.find_element(By.PARTIAL_LINK_TEXT, CERTIFICATE_LINK).get_attribute("href").split(BASE)[-1])
audit("certificat")
certificate_page = driver.current_url
if CHANNEL == "app":
    submit_button("Ouvrir la version accessible")
    audit("certificat-accessible")
    check(driver.find_elements(By.CSS_SELECTOR, "th[scope=row]") and "Nom" in text(), "the certificate's accessible version")
else:
    existing = set(os.listdir(DOWNLOADS))
    submit_button("Imprimer le certificat" if CHANNEL == "kiosk" else "Télécharger le certificat (PDF)", new_page=False)
    downloaded = wait_for_download(existing)
    check(downloaded is not None and open(downloaded, "rb").read(5) == b"%PDF-", "the certificate's PDF arrives")
    certificate_pdf = downloaded
driver.get(certificate_page)
audit("certificat-deja-telecharge")
check("déjà été téléchargé" in text(), "the second download is refused")
token = csrf_token()
status, _, _ = http("POST", urllib.parse.urlparse(certificate_page).path,
                    data=urllib.parse.urlencode({"_csrf": token, "forme": "pdf"}).encode(),
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
check(status == 410, f"a second download by hand is 410, not {status}")

# Rating, offered after the procedure (R_RATING), on the web account and the app (the kiosk's sequence has none).
if CHANNEL != "kiosk":
    driver.get(confirmation_url)
    driver.find_element(By.CSS_SELECTOR, "input[name=note][value='4']").click()
    submit_button("Envoyer ma note")
    check("4 sur 5" in text(), "the rating is recorded")

# Loss, then an order at once (R_LOSS).
go(f"{PREFIX}/ceam")
click_link("/ceam/marc/perte")
audit("perte")
# The date field reads jj/mm/aaaa when the browser's own locale is French (chromium-l10n); its shadow text is not
# in the DOM, so the locale it is drawn in is checked instead.
locale = driver.execute_script("return new Intl.DateTimeFormat().resolvedOptions().locale")
check(locale.startswith("fr"), f"the browser draws dates in French (jj/mm/aaaa), its locale is {locale}")
driver.find_element(By.CSS_SELECTOR, "input[name=nature][value=vol]").click()
tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
driver.execute_script("document.getElementById('date').removeAttribute('max'); document.getElementById('date').value = arguments[0]", tomorrow)
driver.find_element(By.ID, "sworn").click()
submit_button("Valider")
audit("perte-date-future")
check("erreur" in driver.page_source and driver.find_element(By.CSS_SELECTOR, "[role=alert]").text != "",
      "a date in the future is refused with a message")
yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
driver.execute_script("document.getElementById('date').value = arguments[0]", yesterday)
if not driver.find_element(By.ID, "sworn").is_selected():
    driver.find_element(By.ID, "sworn").click()
if not driver.find_element(By.CSS_SELECTOR, "input[name=nature][value=vol]").is_selected():
    driver.find_element(By.CSS_SELECTOR, "input[name=nature][value=vol]").click()
submit_button("Valider")
audit("confirmation-perte")
check("invalidée" in text(), "the card is invalidated")
click_link("/ceam/marc/commande")
driver.find_element(By.CSS_SELECTOR, "input[name=depart][value=non]").click()
submit_button("Valider")
check("10 jours" in text() and CERTIFICATE_LINK not in text(), "the order after the loss, without certificate")

# The card: Léa's, with its text alternative, its print copy and its accessible version (R_VIEW).
go(f"{PREFIX}/ceam/lea/carte", "carte")
alt = driver.find_element(By.CSS_SELECTOR, "figure img").get_attribute("alt")
check("3 Nom : MARTIN" in alt and "8 Numéro d'identification de la carte" in alt, f"the card's text alternative: {alt}")
check(driver.execute_script("const i = document.querySelector('figure img'); return i.complete && i.naturalWidth") == 1011,
      "the card image is shown")
status, headers, pdf = http("GET", f"{PREFIX}/ceam/lea/carte.pdf")
check(status == 200 and pdf[:5] == b"%PDF-", "Imprimer gives the true-size print PDF")
go(f"{PREFIX}/ceam/lea/carte.html", "carte-accessible")
check("Léa" in text() or "LÉA" in text().upper(), "the card's accessible version")
go(f"{PREFIX}/ceam/marc/carte", "carte-annulee")
check(driver.find_elements(By.CSS_SELECTOR, ".bloque"), "a cancelled card is not shown, with the reason")

# Inbox with each acknowledgement's PDF and accessible version; history.
go(f"{PREFIX}/messagerie", "messagerie")
links = [a.get_attribute("href") for a in driver.find_elements(By.PARTIAL_LINK_TEXT, "Version accessible")]
check(len(links) == 3, f"three acknowledgements in the inbox (two orders, a theft), found {len(links)}")
status, _, pdf = http("GET", urllib.parse.urlparse([a.get_attribute("href") for a in driver.find_elements(
    By.PARTIAL_LINK_TEXT, "Accusé de réception (PDF)")][0]).path)
check(status == 200 and pdf[:5] == b"%PDF-", "an inbox attachment")
driver.get(links[0])
audit("accuse-accessible")
check("Accusé de réception" in text(), "the acknowledgement's accessible version")
go(f"{PREFIX}/demarches", "demarches")
check(len(driver.find_elements(By.CSS_SELECTOR, "tbody tr")) == 3, "three procedures in the history")
if CHANNEL != "kiosk":
    check("4 sur 5" in text(), "the history shows the rating")

# Proxy (seed 004): the 17-year-old's exact message tied to the field; then an adult, the summary with the
# certification, the one-active refusal, and revocation after its confirmation dialog.
go(f"{PREFIX}/procuration", "procuration-debut")
check("Vous ne pouvez pas vous rendre à l'accueil de votre Caisse d'Assurance Maladie." in text(), "the proxy's principles (seed 004)")
click_link("/procuration/demande")
audit("procuration")
minor = (datetime.date.today().replace(year=datetime.date.today().year - 17)).isoformat()
driver.find_element(By.CSS_SELECTOR, "input[name=civility][value=Mme]").click()
driver.find_element(By.ID, "lastName").send_keys("DURAND")
driver.find_element(By.ID, "firstName").send_keys("Claire")
# A value set by script is announced as typing would be, so that the page's own script sees it.
set_date = "var f = document.getElementById('birthDate'); f.value = arguments[0]; f.dispatchEvent(new Event('input', {bubbles: true}))"
if CHANNEL != "kiosk":
    check(driver.find_element(By.XPATH, "//button[normalize-space()='Suivant']").get_attribute("disabled") is not None,
          "« Suivant » waits for the required fields (app.js)")
driver.execute_script(set_date, minor)
submit_button("Suivant")
audit("procuration-mineur")
birth = driver.find_element(By.ID, "birthDate")
described = birth.get_attribute("aria-describedby") or ""
message = driver.find_element(By.ID, described).text if described else ""
check(message.rstrip(".") == "Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter",
      f"P_ADULT's exact message on the birth date field: “{message}”")
check("Le formulaire comporte une ou plusieurs erreurs. Merci de vérifier votre saisie. Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter"
      in driver.find_element(By.ID, "resume").text, "the seed's error message, summarised at the top")
driver.execute_script(set_date, "1990-05-04")
submit_button("Suivant")
audit("procuration-recapitulatif")
check("DURAND" in text() and "04/05/1990" in text(), "the summary of the proxy")
submit_button("Valider")
check(driver.find_elements(By.CSS_SELECTOR, "#certified-erreur"), "Valider without the certification is refused (P_CERTIFY)")
driver.find_element(By.ID, "certified").click()
submit_button("Valider")
audit("confirmation-procuration")
check("La procuration a bien été prise en compte" in text(), "the proxy is created")
check(driver.find_elements(By.LINK_TEXT, "Retour au tableau de bord"), "« Retour au tableau de bord » after the proxy's confirmation")
click_link(driver.find_element(By.LINK_TEXT, "Retour au tableau de bord").get_attribute("href").split(BASE)[-1])
audit("informations")
check("Accordée à Mme DURAND Claire - jusqu'au" in text(), f"« Mes informations » shows the active proxy: {text()[:400]}")
click_link(driver.find_element(By.LINK_TEXT, "Carte CEAM").get_attribute("href").split(BASE)[-1])   # the third way into the CEAM
check(driver.current_url.endswith(f"{PREFIX}/ceam") and "Marc MARTIN" in text(), "« Mes informations » → « Carte CEAM » → the CEAM")
go(f"{PREFIX}/procuration", "procuration-active")
check("Vous avez actuellement une procuration en cours." in text() and "Cette procuration est accordée à : Mme DURAND Claire" in text(),
      f"the active proxy, as « Mes démarches » shows it: {text()[:300]}")
status, _, pdf = http("GET", urllib.parse.urlparse(driver.find_element(By.PARTIAL_LINK_TEXT, "Confirmation (PDF)").get_attribute("href")).path)
check(status == 200 and pdf[:5] == b"%PDF-", "the proxy's confirmation PDF")
click_link("/confirmation.html")
audit("procuration-accessible")
check("DURAND" in text(), "the proxy confirmation's accessible version")
go(f"{PREFIX}/procuration")
token = csrf_token()
status, _, body = http("POST", f"{PREFIX}/procuration", data=urllib.parse.urlencode({
    "_csrf": token, "_key": "second-proxy", "civility": "M.", "lastName": "MARTIN", "firstName": "Paul",
    "birthDate": "1980-01-01", "certified": "on"}).encode(), headers={"Content-Type": "application/x-www-form-urlencoded"})
check(status == 422 and "déjà" in body.decode(), f"one active proxy at a time (P_ONE_ACTIVE), got {status}")
# The seed's two ways to revoke: « Mes informations » → « Révoquer » on the web account, « Mes démarches » →
# « Je souhaite révoquer ma procuration » on the kiosk; both lead to the same dialog.
if CHANNEL == "web":
    go(f"{PREFIX}/informations")
else:
    go(f"{PREFIX}/demarches")
    click_link("/procuration")
click_link("/procuration/revocation")
audit("revocation")
check(driver.find_elements(By.CSS_SELECTOR, "[role=dialog][aria-labelledby=titre]"), "the revocation's confirmation dialog")
submit_button("Révoquer")
check("révoquée" in text(), "the proxy is revoked after the confirmation step")

# Keyboard only: Léa's early renewal, from the card page to the confirmation, with Tab, Space and Enter.
if CHANNEL == "web":
    go(f"{PREFIX}/ceam")
    body_element = driver.find_element(By.TAG_NAME, "body")
    body_element.send_keys(Keys.TAB)
    for _ in range(80):
        if (driver.switch_to.active_element.get_attribute("href") or "").endswith("/ceam/lea/commande"):
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    for _ in range(40):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.switch_to.active_element.get_attribute("name") == "depart":
            break
    # Arrow keys move within a radio group; the second choice is NON.
    driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    driver.switch_to.active_element.send_keys(Keys.TAB)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    check("10 jours" in text() and "Renouvellement" in text(), "the renewal done with the keyboard alone")

# Safety: no form without its token; another household's ids are the same 404 as unknown ones; cookie flags.
if CHANNEL == "web":
    count = history_count()
    status, _, _ = http("POST", f"{PREFIX}/ceam/hugo/perte", data=b"nature=perte&date=2020-01-01&sworn=on",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    check(status == 403, f"a form without its token is 403, not {status}")
    status, _, _ = http("POST", f"{PREFIX}/ceam/hugo/perte", data=b"_csrf=abc.def&nature=perte&date=2020-01-01&sworn=on",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    check(status == 403, f"a form with a wrong token is 403, not {status}")
    check(history_count() == count, "a refused form changes nothing")
    check(bool(ADMIN_TOKEN), "the demo printed an admin token (the second household is imported with it)")
    if ADMIN_TOKEN:
        dubois = {"nir": "255081416802538", "email": "eva.dubois@example.org", "addressStatus": "ok", "rights": "open",
                  "institution": {"id": "0175", "acronym": "CPAM PARIS", "name": "CPAM de Paris",
                                  "address": "21 rue Georges Auric, 75948 Paris Cedex 19", "phone": "3646"},
                  "beneficiaries": [{"id": "eva", "nir": "255081416802538", "lastName": "DUBOIS", "givenNames": "Eva",
                                     "birthDate": "1955-08-14",
                                     "cards": [{"number": "80250017510000000201", "issueDate": "2025-01-10",
                                                "expiryDate": "2027-01-10", "status": "active"}]}]}
        status, _, body = http("PUT", "/v1/admin/insured/255081416802538", data=json.dumps(dubois).encode(), cookies=False,
                               headers={"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"})
        check(status in (200, 201), f"the second household is imported ({status} {body[:200]!r})")
    theirs = http("GET", f"{PREFIX}/ceam/eva/carte")
    unknown = http("GET", f"{PREFIX}/ceam/personne/carte")
    check(theirs[0] == unknown[0] == 404 and theirs[2] == unknown[2], "another household's id is the same 404 as an unknown one")
    go(f"{PREFIX}/ceam/eva/carte", "introuvable")
    form = urllib.parse.urlencode({"_csrf": csrf_token(f"{PREFIX}/connexion"), "nir": "185037512000696"}).encode()
    status, headers, _ = http("POST", f"{PREFIX}/connexion", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    cookie = headers.get("Set-Cookie", "")
    check(status == 303 and "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie,
          f"the session cookie's flags: {cookie}")

# The kiosk ends the session by itself after its idle time.
if CHANNEL == "kiosk":
    go(f"{PREFIX}/ceam")
    idle = int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-idle") or "0")
    check(0 < idle <= 120, f"the kiosk's idle time is {idle} s")
    time.sleep(idle + 3)
    check(f"{PREFIX}/connexion" in driver.current_url, f"idle sign-out leads to the sign-in page, not {driver.current_url}")
    go(f"{PREFIX}/ceam")
    check(f"{PREFIX}/connexion" in driver.current_url, "after the idle sign-out the session is over")

# Signing in again while a session is still open works (the sign-in form is made for nobody in particular).
if CHANNEL != "kiosk":
    go(f"{PREFIX}/connexion")
    submit_button("Se connecter en tant que Marc MARTIN")
    check(driver.current_url.endswith(f"{PREFIX}/ceam"), f"signing in again with a session open, not {driver.current_url}")

# The public verification page: the downloaded certificate, printed and scanned at 300 dpi, uploaded.
go("/verifier", "verifier")
if CHANNEL == "web" and certificate_pdf:
    import subprocess
    scan = os.path.join(DOWNLOADS, "scan")
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", certificate_pdf, scan], check=True)
    driver.find_element(By.ID, "scan").send_keys(scan + ".png")
    submit_button("Vérifier")
    audit("verifier-resultat")
    check("La signature est valide" in text() and "Le document est valide" in text(), f"the scanned certificate verifies: {text()[:400]}")
    go("/verifier")
    driver.find_element(By.ID, "cachet").send_keys("DC04FRAMXXXX not a seal")
    submit_button("Vérifier")
    check(driver.find_elements(By.CSS_SELECTOR, "[role=alert]"), "a text that is no seal is answered with a message")

driver.quit()
print(f"[{CHANNEL}] {pages_checked} pages checked by axe-core, {len(failures)} failure(s); screenshots in {SHOTS}")
sys.exit(1 if failures else 0)
