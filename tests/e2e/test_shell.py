#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: the shell as a screen reader sees it.

The real `hearth` starts on a new data folder and creates its database; once
a profile is made, the sidebar names every module, and the main menu opens
Preferences.
"""

import contextlib
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import unittest

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hearth_e2e import Hearth, activate_action, click, main, names_of, onboard, press_keys, wait_for  # noqa: E402

HEARTH = os.environ["HEARTH_BINARY"]


class ShellTest(unittest.TestCase):
    def setUp(self):
        self.hearth = Hearth(HEARTH)
        self.addCleanup(self.hearth.cleanup)

    def test_first_start_creates_the_database(self):
        self.hearth.wait_for_title("Welcome to Hearth")
        self.assertTrue(os.path.isfile(os.path.join(self.hearth.data_dir, "hearth.db")))

    def test_sidebar_names_every_module(self):
        onboard(self.hearth)
        sections = self.hearth.find(pyatspi.ROLE_LIST, "Sections")
        self.assertEqual(
            names_of(sections, pyatspi.ROLE_LIST_ITEM),
            ["Home", "Finance", "Life Log", "Tasks", "Notes", "Contacts", "Trips", "Circles"],
        )

    def test_preferences_from_the_main_menu(self):
        onboard(self.hearth)
        click(self.hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Main Menu"))
        click(self.hearth.find(pyatspi.ROLE_MENU_ITEM, "Preferences"))
        preferences = self.hearth.window("Preferences")
        # GTK 4.8 shows a switch as a check box (there is no ROLE_SWITCH in
        # Debian 12's pyatspi); it has a name of its own, and starts on.
        switch = self.hearth.find(pyatspi.ROLE_CHECK_BOX, "Show Notifications", root=preferences)
        self.assertTrue(switch.getState().contains(pyatspi.STATE_CHECKED))
        self.hearth.find(pyatspi.ROLE_SPIN_BUTTON, "Lock After Idle Minutes", root=preferences)

    def test_actions_from_outside_need_the_token(self):
        """Any program of the session can activate Hearth's exported actions
        over D-Bus: those that change state are refused without the signed-in
        session's anti-forgery token, and each refusal is logged."""
        self.hearth.wait_for_title("Welcome to Hearth")
        activate_action("open-sample")
        time.sleep(1)
        self.assertEqual(self.hearth.title(), "Welcome to Hearth")
        self.assertFalse(os.path.exists(os.path.join(self.hearth.data_dir, "sample", "hearth.db")))

        onboard(self.hearth)
        title = self.hearth.title()
        activate_action("quit")
        activate_action("quit", "[]", "{'hearth-csrf-token': <'not the token'>}")
        time.sleep(1)
        self.assertIsNone(self.hearth.process.poll())
        self.assertEqual(self.hearth.title(), title)
        refused = self.hearth.query("SELECT json_extract (metadata, '$.action'), json_extract (metadata, "
                                    "'$.refused') FROM security_events WHERE type = 'PERMISSION_DENIED' "
                                    "ORDER BY id")
        self.assertEqual(refused, [("open-sample", "nobody signed in"), ("quit", "no token"),
                                   ("quit", "wrong token")])

        # The window's own Ctrl+Q quits, and leaves hearth.db whole by itself.
        press_keys("ctrl+q")
        self.assertEqual(wait_for(lambda: self.hearth.process.poll() is not None, "Hearth to quit") and
                         self.hearth.process.returncode, 0)
        self.assertFalse(os.path.exists(os.path.join(self.hearth.data_dir, "hearth.db-wal")))
        copy = tempfile.mkdtemp(prefix="hearth-e2e-copy-")
        self.addCleanup(shutil.rmtree, copy, True)
        shutil.copy(os.path.join(self.hearth.data_dir, "hearth.db"), copy)
        with contextlib.closing(sqlite3.connect(os.path.join(copy, "hearth.db"))) as db:
            self.assertEqual(db.execute("SELECT username FROM users").fetchall(), [("ada",)])


if __name__ == "__main__":
    main()
