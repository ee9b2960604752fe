"""Drives dekom serve's pages in headless Chromium as a forum member would, with JavaScript off.

    python3 Tests/Browser/browser_test.py --url http://127.0.0.1:PORT --dekom PATH --scenarios DIR --out OUTDIR

Opens the scenario list, the allocation (at once, while its explanations are computed), a
comparison and one measure's explanation from its title in the allocation's table; asks a what-if
on the form (Rekom frame x 0,9, DMMH 1 400 partner-2 hours, sv-dekom-3 first, fo-dekom-2 locked at
nothing); checks the numbers shown against the allocation.json that `dekom run --variant` writes for
the variant the page saves; opens the decision letters and one letter; then waits on the allocation page, which reloads itself, for the waiting lists and what it would
take, and opens a measure from the waiting list; saves a screenshot of every page. Exits 1 on the
first mismatch.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait


def fail(message):
    print("browser test FAILED: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def kroner(text):
    """'−1 234 567' or '7 272 500' -> int."""
    cleaned = text.replace("\u2212", "-").replace(" ", "").replace("\u00a0", "").replace("+", "")
    return int(cleaned)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--dekom", required=True)
    parser.add_argument("--scenarios", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    options = Options()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1800"]:
        options.add_argument(flag)
    # Scripts off: every page must read, and every form must work, without them.
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    wait = WebDriverWait(driver, 120)

    def shot(name):
        path = os.path.join(args.out, name + ".png")
        # The whole page: as tall as its content, up to a limit.
        height = driver.find_element(By.TAG_NAME, "body").size["height"] + 100
        driver.set_window_size(1400, max(900, min(height, 12000)))
        driver.save_screenshot(path)
        driver.set_window_size(1400, 1800)
        check(os.path.getsize(path) > 10_000, "screenshot " + path + " is empty")
        print("screenshot " + path)

    def no_scripts():
        check("<script" not in driver.page_source, driver.current_url + " has a script")

    try:
        # 1. The list of scenarios and their variants.
        driver.get(args.url + "/")
        check(driver.title.startswith("dekom"), "the list page's title is " + driver.title)
        check(len(driver.find_elements(By.CSS_SELECTOR, "a[href='/s/trondelag/v/rekom-kutt?lang=nb']")) == 1,
              "the list has no link to the variant rekom-kutt")
        no_scripts()
        shot("01-scenarios")

        # 2. The base allocation, with the charts of innstilling.html, at once: its explanations
        # (what it would take, the waiting lists, the shadow prices) are computed meanwhile, off
        # the page's way, and the page says so and reloads itself (step 10 waits for them).
        driver.find_element(By.LINK_TEXT, "Fordeling").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "explain")))
        # money per scheme, money per network in each of the three schemes, partner hours
        check(len(driver.find_elements(By.CSS_SELECTOR, "section.charts svg")) == 5, "the allocation page has not 5 charts")
        check("Felles årlig innstilling" in driver.find_element(By.TAG_NAME, "h1").text, "no innstilling heading")
        pending = driver.find_elements(By.ID, "explanations-pending")
        check(len(pending) == 1 and pending[0].text.startswith("Forklaringene beregnes"),
              "the first allocation page does not say its explanations are being computed")
        check('http-equiv="refresh"' in driver.page_source, "the page that waits for its explanations does not reload itself")
        check("Midler per nettverk og ordning" in [e.text for e in driver.find_elements(By.TAG_NAME, "h3")],
              "no money per network and scheme")
        check("Egenandel (kr)" in [e.text for e in driver.find_elements(By.CSS_SELECTOR, "th")], "no egenandel column")
        no_scripts()
        shot("02-allocation")

        # 3. A comparison: the base with two chosen variants.
        driver.get(args.url + "/s/trondelag/compare?lang=nb")
        for box in driver.find_elements(By.CSS_SELECTOR, "input[name='v']"):
            wanted = box.get_attribute("value") in ("rekom-kutt", "dmmh-flere-timer")
            if box.is_selected() != wanted:
                box.click()
        driver.find_element(By.CSS_SELECTOR, "form.choose button").click()
        wait.until(expected_conditions.url_contains("v=rekom-kutt"))
        headings = [element.text for element in driver.find_elements(By.TAG_NAME, "h2")]
        check(any(text.startswith("Variant rekom-kutt") for text in headings), "no rekom-kutt section: %s" % headings)
        check(not any(text.startswith("Variant orkland-forst") for text in headings), "orkland-forst was not chosen")
        shot("03-compare")

        # 4. One measure's explanation, on demand, from its title in its network's table.
        driver.get(args.url + "/s/trondelag?lang=nb")
        driver.find_element(By.CSS_SELECTOR, "table a[href='/s/trondelag/measure/sv-dekom-3?lang=nb']").click()
        wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "h2")))
        check("Hva som skal til" in driver.page_source, "the measure page has no 'what it would take'")
        shot("04-measure")

        # 5. The what-if form: typed as a person would, with a decimal comma.
        driver.find_element(By.LINK_TEXT, "Hva om?").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "whatif")))
        driver.find_element(By.NAME, "frames.rekom.factor").send_keys("0,9")
        driver.find_element(By.NAME, "partners.dmmh.partner2_hours").send_keys("1400")
        summary = [s for s in driver.find_elements(By.CSS_SELECTOR, "details summary") if s.text == "Trøndelag sørvest"]
        check(len(summary) == 1, "no folding list for Trøndelag sørvest")
        summary[0].click()
        driver.find_element(By.NAME, "measures.sv-dekom-3.rank").send_keys("1")
        # The meeting's lock: Fosen's second Dekom measure is not funded.
        fosen = [s for s in driver.find_elements(By.CSS_SELECTOR, "details summary") if s.text == "Fosen"]
        check(len(fosen) == 1, "no folding list for Fosen")
        fosen[0].click()
        Select(driver.find_element(By.NAME, "measures.fo-dekom-2.lock")).select_by_value("none")
        started = time.monotonic()
        driver.find_element(By.ID, "solve").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "solved")))
        seconds = time.monotonic() - started
        print("what-if: submit to answer %.2f s (%s)" % (seconds, driver.find_element(By.ID, "solved").text.split(".")[0]))
        no_scripts()
        check("Variant hva-om: rekom: ramme × 0,9; dmmh: partner 2-timer 1400; sv-dekom-3: prioritet 1; fo-dekom-2: ikke finansier"
              in driver.page_source, "the what-if is not titled by what it changed")
        shot("05-whatif")

        # The numbers shown: the scheme totals and the changed measures.
        tables = driver.find_elements(By.TAG_NAME, "table")
        shown_schemes = {}
        shown_measures = {}
        for table in tables:
            header = [cell.text for cell in table.find_elements(By.CSS_SELECTOR, "thead th")]
            rows = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")] for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
            if header[:2] == ["Ordning", "Ramme (kr)"] and "Tildelt i varianten (kr)" in header:
                column = header.index("Tildelt i varianten (kr)")
                shown_schemes = {row[0]: kroner(row[column]) for row in rows}
            if header[:1] == ["Tiltak"] and "Midler i varianten (kr)" in header:
                column = header.index("Midler i varianten (kr)")
                for row in rows:
                    match = re.search(r"\(([^()]+)\)$", row[0])
                    check(match is not None, "no measure id in " + row[0])
                    shown_measures[match.group(1)] = kroner(row[column])
        check(len(shown_schemes) == 3, "the answer shows %d schemes" % len(shown_schemes))
        check(len(shown_measures) > 0, "the answer shows no changed measure")

        # 6. Save the what-if as a variant.
        name = driver.find_element(By.NAME, "name")
        name.clear()
        name.send_keys("nettleser")
        title = driver.find_element(By.NAME, "title")
        check(title.get_attribute("value").startswith("rekom: ramme"), "the save form does not suggest the changes as title")
        title.clear()
        title.send_keys("Fra nettleseren")
        driver.find_element(By.ID, "save-button").click()
        wait.until(expected_conditions.url_contains("/v/nettleser"))
        check("Lagret som variants/nettleser.yaml." in driver.page_source, "no notice that the variant was saved")
        shot("06-saved")

        # 7. The same numbers from `dekom run --variant` on the saved file.
        scenario = os.path.join(args.scenarios, "trondelag")
        run_out = os.path.join(args.out, "run-nettleser")
        subprocess.run([args.dekom, "run", scenario, "--variant", "nettleser", "--out", run_out, "--quiet", "--no-explain"], check=True)
        with open(os.path.join(run_out, "allocation.json"), encoding="utf-8") as handle:
            allocation = json.load(handle)
        for scheme in allocation["schemes"]:
            check(shown_schemes.get(scheme["name"]) == scheme["allocated_nok"],
                  "%s: page %s, allocation.json %s" % (scheme["name"], shown_schemes.get(scheme["name"]), scheme["allocated_nok"]))
        totals = {measure["id"]: measure["total_nok"] for measure in allocation["measures"]}
        for measure, amount in shown_measures.items():
            check(totals.get(measure) == amount, "%s: page %s, allocation.json %s" % (measure, amount, totals.get(measure)))
        print("numbers: %d schemes and %d changed measures equal allocation.json" % (len(shown_schemes), len(shown_measures)))

        # 8. The English switch.
        driver.find_element(By.CSS_SELECTOR, "nav.site a.language").click()
        wait.until(expected_conditions.url_contains("lang=en"))
        check("Explanation per measure" in driver.page_source, "the English page is not in English")
        shot("07-english")

        # 9. A scenario with a horizon: its long-term plan from the navigation.
        driver.get(args.url + "/s/trondelag-plan?lang=nb")
        driver.find_element(By.LINK_TEXT, "Langsiktig plan").click()
        wait.until(expected_conditions.url_contains("/s/trondelag-plan/plan"))
        check("<svg" in driver.page_source, "the plan page has no chart")
        check(len(driver.find_elements(By.TAG_NAME, "table")) >= 3, "the plan page has too few tables")
        no_scripts()
        shot("08-plan")

        # 10. The decision letters: the list from the navigation, then one letter.
        driver.get(args.url + "/s/trondelag?lang=nb")
        driver.find_element(By.LINK_TEXT, "Vedtak").click()
        wait.until(expected_conditions.url_contains("/s/trondelag/vedtak"))
        letters = driver.find_elements(By.CSS_SELECTOR, "table a[href^='/s/trondelag/vedtak/']")
        check(len(letters) >= 10, "the letters page lists %d letters" % len(letters))
        no_scripts()
        shot("11-letters")
        recipient = letters[0].text
        letters[0].click()
        wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "h1")))
        check(recipient in driver.page_source, "the letter to %s does not name its recipient" % recipient)
        no_scripts()
        shot("12-letter")

        # 11. The base allocation again: the page reloads itself (no script) until the explained
        # run is done, then shows what it would take, the waiting lists and the shadow prices.
        driver.get(args.url + "/s/trondelag?lang=nb")
        started = time.monotonic()
        # The page source, not its elements: the page may reload between finding an element and reading it.
        WebDriverWait(driver, 1200, poll_frequency=1).until(lambda d: "<h2>7. Venteliste per ordning</h2>" in d.page_source)
        print("explanations: shown %.0f s after asking again" % (time.monotonic() - started))
        headings = [element.text for element in driver.find_elements(By.TAG_NAME, "h2")]
        for heading in ["6. Hva som skal til", "7. Venteliste per ordning", "Vedlegg A. Skyggepriser"]:
            check(heading in headings, "the explained page has no section " + heading)
        check(not driver.find_elements(By.ID, "explanations-pending"), "the explained page still says it is computing")
        check('http-equiv="refresh"' not in driver.page_source, "the explained page still reloads itself")
        no_scripts()
        shot("09-explained")
        # The first measure on the first waiting list: a link to its page.
        waiting = driver.find_element(By.XPATH, "//h2[.='7. Venteliste per ordning']/following::table[1]")
        first = waiting.find_element(By.CSS_SELECTOR, "tbody tr td a")
        title = first.text
        check("/s/trondelag/measure/" in first.get_attribute("href"), "the waiting list's measure does not link its page")
        first.click()
        wait.until(expected_conditions.url_contains("/s/trondelag/measure/"))
        wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "h2")))
        check(title in driver.find_element(By.TAG_NAME, "h1").text,
              "the measure page of %s is titled %s" % (title, driver.find_element(By.TAG_NAME, "h1").text))
        check("Hva som skal til" in driver.page_source, "the measure page has no 'what it would take'")
        check("Fra forklaringene av hele fordelingen" in driver.page_source,
              "the measure page does not give the explained run's answer, as its waiting list does")
        shot("10-measure-from-waiting-list")
    finally:
        driver.quit()
    print("browser test passed; screenshots in " + args.out)


if __name__ == "__main__":
    main()
