#!/usr/bin/env python3
"""Gatehouse in a real headless Chromium, driven through WebDriver (selenium from PyPI, Debian's chromium and
chromium-driver): a core reviewer signs in, opens a change, drafts a comment on a line, votes Code-Review +2 and
Workflow +1 (which publishes the draft), and watches /status until the gate has merged the change.

usage: browser_review.py BASE_URL USER PASSWORD CHANGE_PATH FILE SCREENSHOT_DIR
Prints one JSON line with what it saw; exits non-zero (with the reason) on the first thing that is not right.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

base, user, password, change_path, file_name, shots = sys.argv[1:7]
os.makedirs(shots, exist_ok=True)
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)
seen = {}


def shot(name):
    driver.save_screenshot(os.path.join(shots, name + ".png"))


def wait_for(what, check, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if check():
                return
        except Exception:
            pass
        time.sleep(0.2)
    shot("failed-" + what.replace(" ", "-"))
    raise SystemExit("timed out waiting for " + what + "; page: " + driver.current_url)


try:
    # Sign in: the form comes back to where we were going.
    driver.get(base + change_path)
    driver.find_element(By.LINK_TEXT, "Sign in").click()
    wait_for("the sign-in form", lambda: driver.find_element(By.ID, "username"))
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    shot("01-sign-in")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit].primary").click()
    wait_for("the change page after sign-in", lambda: driver.current_url.startswith(base + change_path))
    seen["signed_in_as"] = driver.find_element(By.CSS_SELECTOR, "header .who").text
    shot("02-change")

    # An inline comment on line 1 of the file, from the diff.
    section = driver.find_element(By.XPATH, "//section[h2[normalize-space(text())='%s']]" % file_name)
    section.find_element(By.CSS_SELECTOR, "a[title='Comment on line 1']").click()
    wait_for("the comment form", lambda: driver.find_element(By.ID, "comment-text"))
    driver.find_element(By.ID, "comment-text").send_keys("Nice greeting; maybe add a docstring.")
    shot("03-comment-form")
    driver.find_element(By.XPATH, "//form[@id='new-comment']//button[@type='submit']").click()
    wait_for("the draft in place", lambda: "maybe add a docstring" in driver.find_element(By.CSS_SELECTOR, "table.diff tr.comments .comment.draft").text)
    seen["draft"] = driver.find_element(By.CSS_SELECTOR, "table.diff tr.comments .comment.draft").text

    # Approve: Code-Review +2 and Workflow +1, with a message.
    driver.find_element(By.ID, "vote-Code-Review-2").click()
    driver.find_element(By.ID, "vote-Workflow-1").click()
    driver.find_element(By.ID, "message").send_keys("Looks good, ship it.")
    shot("04-vote")
    driver.find_element(By.XPATH, "//form[.//textarea[@id='message']]//button[@type='submit']").click()
    wait_for("the votes on the page", lambda: "Looks good, ship it." in driver.page_source)
    seen["comment"] = driver.find_element(By.CSS_SELECTOR, "table.diff tr.comments .comment:not(.draft)").text
    seen["drafts_left"] = len(driver.find_elements(By.CSS_SELECTOR, ".comment.draft"))
    votes = driver.find_element(By.CSS_SELECTOR, "section.votes").text
    seen["votes"] = votes
    shot("05-approved")

    # The gate: /status shows the change in its queue, and updates by itself until it is gone (merged).
    number = change_path.rstrip("/").split("/")[-1]
    driver.get(base + "/status")
    wait_for("the change in the gate queue", lambda: driver.find_element(By.CSS_SELECTOR, "li.queue-item a").text.startswith(number + ","))
    seen["queued"] = driver.find_element(By.CSS_SELECTOR, "li.queue-item").text
    shot("06-status-queued")
    wait_for("the queue to empty without a reload", lambda: "No change is in the gate." in driver.find_element(By.ID, "main").text, timeout=90)
    shot("07-status-empty")
    driver.get(base + change_path)
    wait_for("the change to show as merged", lambda: "Merged" in driver.find_element(By.TAG_NAME, "h1").text)
    seen["status"] = driver.find_element(By.CSS_SELECTOR, "h1 .badge").text
    shot("08-merged")
    print(json.dumps(seen))
finally:
    driver.quit()
