# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real Hearth through the accessibility tree, as a screen reader would.

Runs inside build-aux/test-env.sh (a private D-Bus session with an AT-SPI bus and
an Xvfb display). Each end-to-end scenario starts `hearth` as a child process,
finds its widgets by role and name with pyatspi, and acts on them.
"""

import os
import re
import shutil
import subprocess
import tempfile
import time

import pyatspi

# Generous: under the sanitizers and a loaded machine the accessibility bus
# answers slowly (seen: scenarios timing out at 30 s on a fresh machine).
WAIT_LIMIT = 45.0
APP_ID = "io.github.hearthapp.Hearth"
APP_PATH = "/io/github/hearthapp/Hearth"


class Hearth:
    """The application under test, started on a data folder of its own."""

    def __init__(self, hearth_path, data_dir=None, env=None):
        self.owns_data_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="hearth-e2e-")
        # The application's output goes to a file: a pipe nobody reads would
        # fill up and block it.
        self.log = tempfile.NamedTemporaryFile(prefix="hearth-e2e-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [hearth_path, "--data-dir", self.data_dir],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, **(env or {})),
        )
        _running.append(self)
        self.app = wait_for(self._find_app, "Hearth on the accessibility bus")

    def _find_app(self):
        if self.process.poll() is not None:
            with open(self.log.name, errors="replace") as log:
                raise AssertionError("hearth exited with %d: %s" % (self.process.returncode, log.read()))
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name in ("hearth", "Hearth", "test-shell"):
                if app.get_process_id() == self.process.pid:
                    return app
        return None

    def find(self, role, name, root=None):
        """Waits for a widget of @role (None: any role) named @name and returns it."""
        return wait_for(lambda: find_in(root or self.app, role, name), "%s “%s”" % (role, name))

    def screenshot(self, name):
        """Saves the whole display as build/tests/screenshots/NAME.png."""
        folder = os.path.join(os.environ.get("G_TEST_BUILDDIR", "."), "screenshots")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, name + ".png")
        subprocess.run(["import", "-window", "root", path], check=True)
        return path

    def window(self, title):
        """Waits for a top-level window of the application titled @title."""
        def probe():
            for i in range(self.app.childCount):
                child = self.app.getChildAtIndex(i)
                if child is not None and child.name == title:
                    return child
            return None

        return wait_for(probe, "the window “%s”" % title)

    def quit(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def check_alive(self):
        """Raises with the application's own output when it is gone: a crash
        says so, instead of pyatspi's "The application no longer exists"."""
        if self.process.poll() is not None and self.process.returncode != 0:
            with open(self.log.name, errors="replace") as log:
                raise AssertionError("hearth exited with %d:\n%s" % (self.process.returncode, log.read()[-4000:]))

    def cleanup(self):
        if self in _running:
            _running.remove(self)
        self.quit()
        if self.owns_data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)
        self.log.close()
        os.unlink(self.log.name)

    def title(self):
        """The main window's title, which names the mode it is in."""
        fresh(self.app)
        for i in range(self.app.childCount):
            child = self.app.getChildAtIndex(i)
            if child is not None and child.getRole() == pyatspi.ROLE_FRAME:
                return child.name
        return None

    def wait_for_title(self, title):
        return wait_for(lambda: self.title() == title,
                        lambda: "the window titled “%s” (it is “%s”)" % (title, self.title()))

    def area(self, name):
        """One of the window's views: "Getting Started", "Signing In"."""
        return self.find(None, name)

    def query(self, sql):
        """Reads the database the application writes, as another program would."""
        import contextlib
        import sqlite3

        # Closed at once: Python's connection is freed only by the cycle
        # collector, and an open one keeps SQLite from removing hearth.db-wal
        # when Hearth quits.
        with contextlib.closing(sqlite3.connect(os.path.join(self.data_dir, "hearth.db"))) as db:
            return db.execute(sql).fetchall()


def gdbus(*args):
    """Calls a D-Bus method on the test's session bus, as another program would."""
    return subprocess.run(["gdbus", "call", "--session"] + list(args), check=True, capture_output=True,
                          text=True).stdout


def activate_action(name, parameters="[]", platform_data="{}"):
    """Activates the application's action @name over D-Bus (org.gtk.Actions)."""
    return gdbus("--dest", APP_ID, "--object-path", APP_PATH,
                 "--method", "org.gtk.Actions.Activate", name, parameters, platform_data)


_running = []


def describe_failure():
    """What each running application shows when a wait gives up: a screenshot
    of the display, its window's title and texts, and the end of its output."""
    notes = []
    for hearth in _running:
        try:
            notes.append("screenshot: %s" % hearth.screenshot("failure-%s" % time.strftime("%H%M%S")))
            notes.append("title: %s" % hearth.title())
            notes.append("texts: %s" % " | ".join(text for text in labels_in(hearth.app) if text)[:3000])
        except Exception as error:  # the bus itself may be what failed
            notes.append("could not read the window: %s" % error)
        with open(hearth.log.name, errors="replace") as log:
            notes.append("output:\n%s" % log.read()[-3000:])
    return "\n".join(notes)


def wait_for(probe, what):
    """Asks @probe until it answers, tolerant of a slow or changing
    accessibility tree: an error from the bus is asked again, unless the
    application is gone, which is said with its output. @what (a string, or a
    function that says it at the end) names what was awaited; giving up says
    what the application showed then (describe_failure)."""
    deadline = time.monotonic() + WAIT_LIMIT
    last_error = None
    while time.monotonic() < deadline:
        try:
            found = probe()
        except AssertionError:
            raise
        except Exception as error:  # a timeout or a vanished node on the bus
            for hearth in _running:
                hearth.check_alive()
            last_error = error
            found = None
        if found:
            return found
        time.sleep(0.1)
    for hearth in _running:
        hearth.check_alive()
    raise AssertionError("Gave up waiting for %s%s\n%s" % (what() if callable(what) else what,
                                                           " (last: %s)" % last_error if last_error else "",
                                                           describe_failure()))


def fresh(node):
    """AT-SPI caches names and states; GTK 4.8 does not announce every change
    (a window's title, a label's text), so read them anew."""
    try:
        node.clear_cache()
    except Exception:
        pass
    return node


def walk(root):
    """Every node below @root, breadth first; nodes that vanish are skipped."""
    fresh(root)
    queue = [root]
    while queue:
        node = queue.pop(0)
        if node is None:
            continue
        yield node
        try:
            queue.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except Exception:  # The tree changes while it is walked.
            continue


def find_in(root, role, name):
    for node in walk(root):
        try:
            if (role is None or node.getRole() == role) and node.name == name:
                return node
        except Exception:
            continue
    return None


def _safely(read, node, default=None):
    try:
        return read(node)
    except Exception:  # the node vanished meanwhile
        return default


def names_of(root, role):
    return [node.name for node in walk(root) if _safely(lambda n: n.getRole(), node) == role]


def type_into(node, text):
    node.queryEditableText().setTextContents(text)


def labels_in(root):
    """The texts of the labels below @root (GTK 4.8 names a label by its text)."""
    return [_safely(lambda n: n.name, node, "") for node in walk(root)
            if _safely(lambda n: n.getRole(), node) == pyatspi.ROLE_LABEL]


def is_sensitive(node):
    return node.getState().contains(pyatspi.STATE_SENSITIVE)


def click(node):
    """Clicks @node, or the first node below it that can be clicked."""
    for candidate in walk(node):
        try:
            action = candidate.queryAction()
        except NotImplementedError:
            continue
        for i in range(action.nActions):
            if action.getName(i) in ("click", "press", "activate", "toggle"):
                try:
                    action.doAction(i)
                except Exception as error:
                    # A busy application answers late: the action was
                    # delivered. A crash is said with the application's output.
                    for hearth in _running:
                        hearth.check_alive()
                    if "Did not receive a reply" not in str(error):
                        raise AssertionError("“%s” vanished before it was clicked: %s" % (node.name, error))
                # GtkButton shows itself pressed for 250 ms before it emits
                # "clicked", and a second activation meanwhile is lost.
                time.sleep(0.3)
                return
    raise AssertionError("%s “%s” cannot be clicked" % (node.getRoleName(), node.name))



def main(module_name="__main__"):
    """Runs a scenario file's tests and reports them as TAP, one line a test."""
    import sys
    import traceback
    import unittest

    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[module_name])
    tests = list(_flatten(suite))
    print("1..%d" % len(tests), flush=True)
    failed = 0
    for number, test in enumerate(tests, 1):
        result = unittest.TestResult()
        test.run(result)
        problems = result.errors + result.failures
        if problems or not result.wasSuccessful():
            failed += 1
            print("not ok %d %s" % (number, test.id()), flush=True)
            for _, text in problems:
                for line in text.splitlines():
                    print("# " + line)
        else:
            print("ok %d %s" % (number, test.id()), flush=True)
    sys.exit(1 if failed else 0)


def _flatten(suite):
    for item in suite:
        if hasattr(item, "__iter__"):
            yield from _flatten(item)
        else:
            yield item


# Scenarios' shared steps ------------------------------------------------------------

PASSWORD = "Tapioca-Harbour-71"


def onboard(hearth, name="Ada Lovelace", username="ada", password=PASSWORD, circle="Our Family"):
    """Creates the first profile through onboarding, and its family circle;
    returns its recovery keys."""
    hearth.wait_for_title("Welcome to Hearth")
    area = hearth.area("Getting Started")
    click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Create Your Profile", root=area))
    keys = _fill_profile(hearth, area, name, username, password)
    type_into(hearth.find(pyatspi.ROLE_TEXT, "Circle Name", root=area), circle)
    click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Create Circle", root=area))
    hearth.wait_for_title("%s – Hearth" % name)
    return keys


def add_profile(hearth, name, username, password=PASSWORD):
    """From the profile picker, adds one more profile, which is then signed in."""
    area = hearth.area("Signing In")
    click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Add Profile", root=area))
    hearth.wait_for_title("Welcome to Hearth")
    keys = _fill_profile(hearth, hearth.area("Getting Started"), name, username, password)
    hearth.wait_for_title("%s – Hearth" % name)
    return keys


def _fill_profile(hearth, area, name, username, password):
    """The profile, recovery keys and (skipped) questions steps."""
    type_into(hearth.find(pyatspi.ROLE_TEXT, "Your Name", root=area), name)
    type_into(hearth.find(pyatspi.ROLE_TEXT, "Username", root=area), username)
    type_into(hearth.find(pyatspi.ROLE_TEXT, "Password", root=area), password)
    type_into(hearth.find(pyatspi.ROLE_TEXT, "Confirm Password", root=area), password)
    click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Create Profile", root=area))

    key = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$")
    keys = wait_for(lambda: [word for text in labels_in(area) for word in text.split() if key.match(word)],
                    "the recovery keys")
    hearth.screenshot("e2e-onboarding-recovery-keys")
    click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "I Have Kept Them Safe", root=area))
    click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Skip", root=area))
    return keys


def sign_out(hearth):
    click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Main Menu"))
    click(hearth.find(pyatspi.ROLE_MENU_ITEM, "Sign Out"))
    hearth.wait_for_title("Sign In – Hearth")


def choose_profile(hearth, name="Ada Lovelace"):
    area = hearth.area("Signing In")
    click(hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Sign In as %s" % name, root=area))
    return area


def press_keys(keys):
    """Types a key combination on the display ("alt+8"), where AT-SPI offers no
    action: a sidebar row has none to click."""
    subprocess.run(["xdotool", "key", keys], check=True)
    time.sleep(0.3)


def activate_row(node):
    """Clicks a list row with the pointer: AT-SPI gives a row no action in
    GTK 4.8, nor a way to focus it, but it does say where it is."""
    x, y, width, height = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(["xdotool", "mousemove", str(x + width // 2), str(y + height // 2), "click", "1"], check=True)
    time.sleep(0.3)


def sign_in(hearth, name, password=PASSWORD):
    """From the picker, signs @name in."""
    area = choose_profile(hearth, name)
    attempt_sign_in(hearth, area, password)
    hearth.wait_for_title("%s – Hearth" % name)


def find_button(hearth, label, root=None):
    """A button whose name is @label, or ends with it: GTK 4.8 names a button
    made with a mnemonic label twice over ("_Add Add", docs/DEVELOPING.md)."""
    def probe():
        for node in walk(root or hearth.app):
            try:
                if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and (node.name == label
                                                                   or node.name.endswith(" " + label)):
                    return node
            except Exception:
                continue
        return None

    return wait_for(probe, "the button “%s”" % label)


def attempt_sign_in(hearth, area, password, stay=False):
    """Types a password and presses Sign In; waits until the attempt is over."""
    field = hearth.find(pyatspi.ROLE_TEXT, "Password", root=area)
    button = hearth.find(pyatspi.ROLE_PUSH_BUTTON, "Sign In", root=area)
    wait_for(lambda: is_sensitive(button), "Sign In to be available")
    if stay:
        switch = hearth.find(pyatspi.ROLE_CHECK_BOX, "Stay Signed In on This Computer", root=area)
        if not switch.getState().contains(pyatspi.STATE_CHECKED):
            click(switch)
    type_into(field, password)
    click(button)
    # Sign In is unavailable while the password is checked; afterwards it is
    # available again, or a cooldown keeps it unavailable, or the view changed.
    wait_for(lambda: (hearth.title() != "Sign In – Hearth" or is_sensitive(button)
                      or any(text.startswith("Too many failed attempts") for text in labels_in(area))),
             "the sign-in attempt to finish")
