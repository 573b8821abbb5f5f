#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: a weekly chore with pocket money, done by a child, approved by a parent.

In the sample family, Maria adds "Water the plants" on the Tasks page, makes
it weekly from today, gives it to Noah and sets a reward of 1.50. Noah signs
in and ticks it. Maria signs in, finds it waiting for approval, approves it
into the Pocket Money wallet, and its balance moves by the reward.
"""

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
import unittest

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hearth_e2e import (Hearth, activate_row, attempt_sign_in, click, find_button, find_in, main,  # noqa: E402
                        labels_in, press_keys, type_into, wait_for, walk)

HEARTH = os.environ["HEARTH_BINARY"]
MARIA = ("Maria Lopez", "Harbour-Lantern-41")
NOAH = ("Noah Lopez", "Paper-Dragon-58")
CHORE = "Water the plants"


def sample_query(hearth, sql):
    """Reads the sample family's database, as another program would."""
    with contextlib.closing(sqlite3.connect(os.path.join(hearth.data_dir, "sample", "hearth.db"))) as db:
        return db.execute(sql).fetchall()


def sign_in(hearth, who):
    name, password = who
    area = hearth.area("Signing In")
    click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Sign In as %s" % name, root=area))
    attempt_sign_in(hearth, area, password)
    wait_for(lambda: name in (hearth.title() or ""), "%s signed in" % name)


def sign_out(hearth):
    click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Main Menu"))
    click(hearth.find(pyatspi.ROLE_MENU_ITEM, "Sign Out"))
    wait_for(lambda: "Sign In" in (hearth.title() or ""), "the picker")


def pocket_money(hearth):
    return sample_query(hearth, "SELECT balance FROM accounts WHERE name = 'Pocket Money'")[0][0]


class TasksTest(unittest.TestCase):
    def test_weekly_chore_done_by_a_child_and_paid(self):
        hearth = Hearth(HEARTH)
        self.addCleanup(hearth.cleanup)
        hearth.wait_for_title("Welcome to Hearth")
        click(find_button(hearth, "Explore a Sample Family"))
        wait_for(lambda: "Sign In" in (hearth.title() or ""), "the sample family's picker")

        # Maria adds the chore from the line at the top of Tasks (Alt+4).
        sign_in(hearth, MARIA)
        press_keys("alt+4")
        line = hearth.find(pyatspi.ROLE_TEXT, "New Task")
        type_into(line, CHORE)
        activate_row(line)
        press_keys("Return")
        wait_for(lambda: sample_query(hearth, "SELECT count(*) FROM tasks WHERE title = '%s'" % CHORE) == [(1,)],
                 "the chore")

        # Edit: due from today, every week on this weekday, Noah's, 1.50.
        # A click on the task opens it: the pointer rests on it first, as a
        # list that activates on one click wants.
        task = hearth.find(pyatspi.ROLE_LABEL, CHORE)
        time.sleep(1)
        x, y, width, height = task.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        subprocess.run(["xdotool", "mousemove", str(x + width // 2), str(y + height // 2)], check=True)
        time.sleep(0.5)
        subprocess.run(["xdotool", "click", "1"], check=True)
        dialog = hearth.find(None, "Edit Task")
        activate_row(hearth.find(pyatspi.ROLE_CHECK_BOX, "Due on"))
        # The drop-down's list by the keyboard, as its rows give AT-SPI no
        # action: "every <today's weekday>" is the fourth way, after "does not
        # repeat", "every day" and "every weekday".
        activate_row(hearth.find(pyatspi.ROLE_COMBO_BOX, "Repeat"))
        weekly = "every " + time.strftime("%A")
        hearth.find(None, weekly)
        time.sleep(1)
        subprocess.run(["xdotool", "key", "Down", "Down", "Down", "Return"], check=True)
        wait_for(lambda: weekly in [node.name for node in walk(find_in(dialog, pyatspi.ROLE_COMBO_BOX, "Repeat"))],
                 "the weekly choice")
        time.sleep(0.5)
        activate_row(hearth.find(pyatspi.ROLE_CHECK_BOX, "Noah Lopez"))
        type_into(hearth.find(pyatspi.ROLE_TEXT, "Reward"), "1.50")
        hearth.screenshot("e2e-tasks-edit")
        click(find_button(hearth, "Save"))
        wait_for(lambda: sample_query(hearth, "SELECT t.recurrence, t.reward, u.username FROM tasks t "
                                              "JOIN task_assignments a ON a.task_id = t.id "
                                              "JOIN users u ON u.id = a.user_id WHERE t.title = '%s'" % CHORE)
                 == [("FREQ=WEEKLY;BYDAY=" + time.strftime("%a")[:2].upper(), 150, "noah")], "the weekly chore")
        self.assertIsNone(find_in(dialog, pyatspi.ROLE_PUSH_BUTTON, "Save"))
        sign_out(hearth)

        # Noah ticks it.
        sign_in(hearth, NOAH)
        press_keys("alt+4")
        hearth.find(pyatspi.ROLE_CHECK_BOX, "Done: %s" % CHORE)
        # The page slides in: the box is where it says once it is still.
        time.sleep(1)
        activate_row(hearth.find(pyatspi.ROLE_CHECK_BOX, "Done: %s" % CHORE))
        wait_for(lambda: sample_query(hearth, "SELECT count(*) FROM task_completions c JOIN tasks t "
                                              "ON t.id = c.task_id WHERE t.title = '%s'" % CHORE) == [(1,)],
                 "the chore done")
        hearth.screenshot("e2e-tasks-done-by-noah")
        # Weekly: it comes back, to do a week later.
        self.assertEqual(sample_query(hearth, "SELECT status FROM tasks WHERE title = '%s'" % CHORE), [("TODO",)])
        sign_out(hearth)

        # Maria approves it into the pocket money.
        before = pocket_money(hearth)
        sign_in(hearth, MARIA)
        press_keys("alt+4")
        waiting = hearth.find(pyatspi.ROLE_LIST, "Waiting for Approval")
        row = wait_for(lambda: next((item for item in walk(waiting) if item.getRole() == pyatspi.ROLE_LIST_ITEM
                                     and CHORE in labels_in(item)), None), "the chore waiting")
        click(next(node for node in walk(row) if node.getRole() == pyatspi.ROLE_PUSH_BUTTON))
        hearth.find(None, "Approve the Chore?")
        hearth.screenshot("e2e-tasks-approve")
        click(find_button(hearth, "Approve"))
        wait_for(lambda: pocket_money(hearth) == before + 150, "the pocket money to move")
        self.assertEqual(sample_query(hearth, "SELECT t.description, t.direction FROM transactions t "
                                              "JOIN task_completions c ON c.transaction_id = t.id"),
                         [("Reward: %s" % CHORE, "IN")])
        # Paid, it waits no more.
        wait_for(lambda: not any(item.getRole() == pyatspi.ROLE_LIST_ITEM and CHORE in labels_in(item)
                                 for item in walk(waiting)), "the chore to leave the waiting list")
        time.sleep(0.5)
        hearth.screenshot("e2e-tasks-approved")


if __name__ == "__main__":
    main()
