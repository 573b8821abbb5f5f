#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: the shell as a screen reader sees it.

The real `hearth` starts on a new data folder and creates its database; once
a profile is made, the sidebar names every module, and the main menu opens
Preferences.
"""

import os
import sys
import unittest

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hearth_e2e import Hearth, click, main, names_of, onboard  # noqa: E402

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


if __name__ == "__main__":
    main()
