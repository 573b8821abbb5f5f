# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real Hearth through the accessibility tree, as a screen reader would.

Runs inside build-aux/test-env.sh (a private D-Bus session with an AT-SPI bus and
an Xvfb display). Each end-to-end scenario starts `hearth` as a child process,
finds its widgets by role and name with pyatspi, and acts on them.
"""

import os
import shutil
import subprocess
import tempfile
import time

import pyatspi

WAIT_LIMIT = 30.0


class Hearth:
    """The application under test, started on a data folder of its own."""

    def __init__(self, hearth_path, data_dir=None):
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="hearth-e2e-")
        self.process = subprocess.Popen(
            [hearth_path, "--data-dir", self.data_dir],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.app = wait_for(self._find_app, "Hearth on the accessibility bus")

    def _find_app(self):
        if self.process.poll() is not None:
            raise AssertionError(
                "hearth exited with %d: %s"
                % (self.process.returncode, self.process.stdout.read().decode())
            )
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

    def cleanup(self):
        self.quit()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def wait_for(probe, what):
    deadline = time.monotonic() + WAIT_LIMIT
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("Gave up waiting for %s" % what)


def walk(root):
    """Every node below @root, breadth first; nodes that vanish are skipped."""
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


def names_of(root, role):
    return [node.name for node in walk(root) if node.getRole() == role]


def click(node):
    """Clicks @node, or the first node below it that can be clicked."""
    for candidate in walk(node):
        try:
            action = candidate.queryAction()
        except NotImplementedError:
            continue
        for i in range(action.nActions):
            if action.getName(i) in ("click", "press", "activate"):
                action.doAction(i)
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
