#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: a memory, and a letter sealed as a time capsule until its day.

Ada writes an entry in the life log and seals a capsule (a year ahead, the
day the form offers). The test build's clock is then moved to that day over
D-Bus (HEARTH_TEST_FAKE_CLOCK, meson_options.txt): the capsule opens, the
notification daemon on the test's bus receives "A time capsule from Ada
Lovelace has opened" without a word of the letter, and after signing in
again the letter is there to read.
"""

import os
import subprocess
import sys
import time
import unittest

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hearth_e2e import (Hearth, activate_action, activate_row, click, find_button, find_in, gdbus,  # noqa: E402
                        labels_in, main, onboard, press_keys, sign_in, wait_for)

HEARTH = os.environ["HEARTH_BINARY"]
LETTER = "Dear Ada, the lighthouse keeper sends his regards."


def notifications():
    """What the notification daemon was asked to show: (summary, body) pairs."""
    calls = gdbus("--dest", "org.freedesktop.Notifications", "--object-path", "/org/freedesktop/Notifications",
                  "--method", "org.freedesktop.DBus.Mock.GetCalls")
    return calls


def write(hearth, text):
    field = hearth.find(pyatspi.ROLE_TEXT, "What Happened?")
    try:
        field.queryEditableText().setTextContents(text)
    except NotImplementedError:
        activate_row(field)
        subprocess.run(["xdotool", "type", "--delay", "10", text], check=True)


class LifelogTest(unittest.TestCase):
    def setUp(self):
        self.daemon = subprocess.Popen(["/usr/bin/python3", "-m", "dbusmock", "--template", "notification_daemon"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(self.daemon.wait)
        self.addCleanup(self.daemon.terminate)
        wait_for(lambda: "true" in gdbus("--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
                                         "--method", "org.freedesktop.DBus.NameHasOwner",
                                         "org.freedesktop.Notifications"), "the notification daemon")

    def test_entry_capsule_clock_and_notification(self):
        hearth = Hearth(HEARTH, env={"HEARTH_TEST_FAKE_CLOCK": "1"})
        self.addCleanup(hearth.cleanup)
        onboard(hearth, circle="The Lovelaces")

        # Life Log, Alt+3: an entry.
        press_keys("alt+3")
        write(hearth, "Ada rode her bike without help today.")
        click(find_button(hearth, "Post"))
        wait_for(lambda: hearth.query("SELECT content FROM lifelogs") == [("Ada rode her bike without help today.",)],
                 "the entry")

        # A letter sealed until the day the form offers, a year ahead.
        write(hearth, LETTER)
        # GTK 4.8 gives a check button no action: clicked with the pointer.
        activate_row(hearth.find(pyatspi.ROLE_CHECK_BOX, "Seal as a time capsule until"))
        click(find_button(hearth, "Seal"))
        wait_for(lambda: hearth.query("SELECT count(*) FROM capsules WHERE unlocked_at IS NULL") == [(1,)],
                 "the capsule")
        wait_for(lambda: any(text.startswith("A time capsule from Ada Lovelace · opens on")
                             for text in labels_in(hearth.app)), "the sealed card")
        self.assertFalse(any(LETTER in text for text in labels_in(hearth.app)))
        hearth.screenshot("e2e-lifelog-sealed")
        self.assertNotIn("Notify", notifications())

        # Its day comes.
        unlock_at = hearth.query("SELECT unlock_at FROM capsules")[0][0]
        activate_action("test-set-time", "[<int64 %d>]" % unlock_at)
        wait_for(lambda: hearth.query("SELECT unlocked_at FROM capsules") == [(unlock_at,)], "the capsule to open")
        said = wait_for(lambda: (lambda calls: calls if "Notify" in calls else None)(notifications()),
                        "the notification")
        self.assertIn("A time capsule from Ada Lovelace has opened", said)
        self.assertIn("Read it in the life log of The Lovelaces.", said)
        self.assertNotIn("lighthouse", said)
        hearth.screenshot("e2e-lifelog-notification")

        # A year on, the window has locked: sign in again and read it.
        if hearth.title() != "Ada Lovelace – Hearth":
            sign_in(hearth, "Ada Lovelace")
        press_keys("alt+3")
        wait_for(lambda: any(text == LETTER for text in labels_in(hearth.app)), "the letter")
        wait_for(lambda: any(text.startswith("A time capsule from Ada Lovelace · opened on")
                             for text in labels_in(hearth.app)), "the opened card")
        time.sleep(0.5)
        hearth.screenshot("e2e-lifelog-opened")
        self.assertIsNotNone(find_in(hearth.app, pyatspi.ROLE_TEXT, "What Happened?"))


if __name__ == "__main__":
    main()
