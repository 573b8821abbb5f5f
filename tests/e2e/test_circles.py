#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: a family circle, as its owner and as a visitor see it.

Ada onboards and names her family circle; Byron adds his own profile from the
picker; Ada makes a second circle and adds Byron to it as a visitor. Signed in
as Byron, the Circles page offers him nothing to change; back as Ada, the
audit log shows what was done. Checked on screen through AT-SPI and in the
database file.
"""

import os
import sys
import unittest

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hearth_e2e import (Hearth, activate_row, add_profile, click, find_button, find_in, main, onboard,  # noqa: E402
                        press_keys, sign_in, sign_out, type_into, wait_for, walk)

HEARTH = os.environ["HEARTH_BINARY"]


def open_circles(hearth):
    # Alt+8, the eighth module, as the keyboard shortcut goes.
    press_keys("alt+8")
    return hearth.find(pyatspi.ROLE_LIST, "Members")


def texts(root):
    """Every name below @root: labels, and the cells of a column view."""
    names = []
    for node in walk(root):
        try:
            if node.name:
                names.append(node.name)
        except Exception:
            continue
    return names


class CirclesTest(unittest.TestCase):
    def test_owner_adds_a_visitor_who_can_change_nothing(self):
        hearth = Hearth(HEARTH)
        self.addCleanup(hearth.cleanup)

        onboard(hearth, circle="The Lovelaces")
        self.assertEqual(hearth.query("SELECT c.name, m.role FROM circles c JOIN circle_members m "
                                      "ON m.circle_id = c.id WHERE c.kind = 'SHARED'"),
                         [("The Lovelaces", "OWNER")])
        sign_out(hearth)
        add_profile(hearth, "Byron", "byron")
        sign_out(hearth)
        sign_in(hearth, "Ada Lovelace")

        # A new circle, from the Circles page; it becomes the current one.
        open_circles(hearth)
        click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "New Circle"))
        type_into(hearth.find(pyatspi.ROLE_TEXT, "Name"), "Book Club")
        click(find_button(hearth, "Create"))
        wait_for(lambda: hearth.query("SELECT count(*) FROM circles WHERE name = 'Book Club'") == [(1,)],
                 "the new circle")
        hearth.find(pyatspi.ROLE_LABEL, "Book Club")

        # Byron, the one profile not in it, joins as a visitor: the least role.
        click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Add Member"))
        hearth.screenshot("e2e-circles-add-member")
        click(find_button(hearth, "Add"))
        wait_for(lambda: hearth.query("SELECT m.role FROM circle_members m JOIN circles c ON c.id = m.circle_id "
                                      "JOIN users u ON u.id = m.user_id "
                                      "WHERE c.name = 'Book Club' AND u.username = 'byron'") == [("VISITOR",)],
                 "Byron in the Book Club")
        members = hearth.find(pyatspi.ROLE_LIST, "Members")
        wait_for(lambda: find_in(members, None, "Byron"), "Byron's row")
        hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Change Byron")
        hearth.screenshot("e2e-circles-owner")
        sign_out(hearth)

        # As Byron: the circle and its members are there to see, and nothing
        # to change is offered.
        sign_in(hearth, "Byron")
        members = open_circles(hearth)
        wait_for(lambda: find_in(members, None, "Ada Lovelace"), "Ada's row")
        frame = hearth.window("Byron – Hearth")
        for label in ("Add Member", "Rename Circle", "Dissolve Circle", "Change Ada Lovelace"):
            self.assertIsNone(find_in(frame, pyatspi.ROLE_PUSH_BUTTON, label), label)
        self.assertIsNone(find_in(frame, None, "Audit Log"))
        hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Leave Circle")
        hearth.screenshot("e2e-circles-visitor")
        sign_out(hearth)

        # As Ada: the audit log says who did what.
        sign_in(hearth, "Ada Lovelace")
        open_circles(hearth)
        activate_row(hearth.find(pyatspi.ROLE_LIST_ITEM, "Audit Log"))
        log = hearth.window("Audit Log – Book Club")
        table = hearth.find(None, "Audit Log", root=log)
        wait_for(lambda: "Added a member: Byron" in texts(table), "the member's addition in the log")
        self.assertIn("Created the circle: Book Club", texts(table))
        hearth.screenshot("e2e-circles-audit-log")
        self.assertEqual(hearth.query("SELECT a.action FROM audit_logs a JOIN circles c ON c.id = a.circle_id "
                                      "WHERE c.name = 'Book Club' ORDER BY a.id"),
                         [("circle.created",), ("circle.member_added",)])


if __name__ == "__main__":
    main()
