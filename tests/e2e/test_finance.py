#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: a family's account, as a person keeps it.

Ada makes an account, adds a transaction and sees the balance, voids it and
takes the void back with Undo, attaches a receipt to it through the file
chooser, and imports a bank's CSV through the assistant. Checked on screen
through AT-SPI and in the database file.
"""

import os
import subprocess
import sys
import tempfile
import time
import unittest

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hearth_e2e import (Hearth, activate_row, click, find_button, fresh, labels_in, main, onboard,  # noqa: E402
                        press_keys, type_into, wait_for)

HEARTH = os.environ["HEARTH_BINARY"]

# A picture of one red pixel.
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
       b"\x90\x77\x53\xde\x00\x00\x00\x0cIDAT\x08\xd7\x63\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00"
       b"\x18\xdd\x8d\xb0\x00\x00\x00\x00IEND\xae\x42\x60\x82")


def balance_label(hearth):
    return wait_for(lambda: next((text for text in labels_in(hearth.app) if text.startswith("Balance ")), None),
                    "the balance")


def window_open(hearth, title):
    """Whether a top-level window of the application is titled @title now."""
    fresh(hearth.app)
    for i in range(hearth.app.childCount):
        child = hearth.app.getChildAtIndex(i)
        if child is not None and child.name == title:
            return True
    return False


def choose_file(hearth, title, path):
    """Types @path into the file chooser titled @title, as a person does, and
    waits for the chooser to take it. Under load the location entry may still
    be completing the path when Return comes, and the chooser stays open with
    the path typed (seen under the sanitizers): Return is pressed again, every
    5 s, for as long as the chooser is there."""
    hearth.window(title)
    time.sleep(0.5)
    press_keys("ctrl+l")
    subprocess.run(["xdotool", "type", "--delay", "15", path], check=True)
    time.sleep(0.3)
    press_keys("Return")
    again = [time.monotonic() + 5]

    def taken():
        if not window_open(hearth, title):
            return True
        if time.monotonic() > again[0]:
            press_keys("Return")
            again[0] = time.monotonic() + 5
        return False

    wait_for(taken, "the file chooser “%s” to take %s" % (title, path))


class FinanceTest(unittest.TestCase):
    def test_account_transaction_void_receipt_import(self):
        hearth = Hearth(HEARTH)
        self.addCleanup(hearth.cleanup)
        folder = tempfile.mkdtemp(prefix="hearth-e2e-files-")
        onboard(hearth, circle="The Lovelaces")

        # Finance, Alt+2: no account yet.
        press_keys("alt+2")
        click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Add an Account"))
        type_into(hearth.find(pyatspi.ROLE_TEXT, "Name"), "Joint Account")
        click(find_button(hearth, "Create"))
        wait_for(lambda: hearth.query("SELECT name, currency FROM accounts") == [("Joint Account", "EUR")],
                 "the account")

        # A transaction, and the balance it makes.
        click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Add Transaction"))
        type_into(hearth.find(pyatspi.ROLE_TEXT, "Amount (EUR)"), "12.50")
        type_into(hearth.find(pyatspi.ROLE_TEXT, "Description"), "Bakery")
        click(find_button(hearth, "Add"))
        wait_for(lambda: hearth.query("SELECT amount, direction, description FROM transactions")
                 == [(1250, "OUT", "Bakery")], "the transaction")
        wait_for(lambda: balance_label(hearth) == "Balance \u221212.50 EUR \u00b7 1 transaction", "the balance")
        hearth.screenshot("e2e-finance-ledger")

        # Voided, then Undo.
        activate_row(hearth.find(None, "Bakery"))
        click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Void Transaction"))
        wait_for(lambda: hearth.query("SELECT status FROM transactions") == [("VOIDED",)], "the void")
        # The toast lasts ten seconds: Undo is clicked as soon as it is found
        # (under the sanitizers a walk of the tree takes seconds), and the
        # balances are read around it.
        click(find_button(hearth, "Undo"))
        wait_for(lambda: hearth.query("SELECT status FROM transactions") == [("POSTED",)], "the undo")
        self.assertEqual(hearth.query("SELECT count(*) FROM transaction_logs WHERE new_status = 'VOIDED'"), [(1,)])
        wait_for(lambda: balance_label(hearth) == "Balance \u221212.50 EUR \u00b7 1 transaction",
                 "the balance after the undo")

        # A receipt, through the edit form's file chooser.
        picture = os.path.join(folder, "bakery-receipt.png")
        with open(picture, "wb") as out:
            out.write(PNG)
        cell = hearth.find(None, "Bakery")
        x, y, width, height = cell.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        subprocess.run(["xdotool", "mousemove", str(x + width // 2), str(y + height // 2),
                        "click", "--repeat", "2", "--delay", "80", "1"], check=True)
        edit = hearth.window("Edit Transaction \u2013 Joint Account")
        click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Attach\u2026", root=edit))
        choose_file(hearth, "Attach a Receipt", picture)
        wait_for(lambda: hearth.query("SELECT count(*) FROM transaction_receipts") == [(1,)], "the receipt")
        hearth.screenshot("e2e-finance-receipt")
        click(find_button(hearth, "Cancel", root=edit))

        # A bank's statement, through the assistant.
        statement = os.path.join(folder, "statement.csv")
        with open(statement, "w", encoding="utf-8") as out:
            out.write("Date,Description,Amount\n2026-11-20,Salary,2500.00\n2026-11-21,Rent,-900.00\n")
        click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Import a Bank Statement"))
        choose_file(hearth, "Import a Bank Statement", statement)
        assistant = hearth.window("Import into Joint Account")
        click(find_button(hearth, "Import", root=assistant))
        wait_for(lambda: hearth.query("SELECT count(*) FROM transactions") == [(3,)], "the import")
        wait_for(lambda: balance_label(hearth) == "Balance 1587.50 EUR \u00b7 3 transactions",
                 "the balance after the import")
        hearth.screenshot("e2e-finance-imported")
        self.assertEqual(hearth.query("SELECT balance FROM accounts"), [(158750,)])


if __name__ == "__main__":
    main()
