#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for xdg-desktop-portal's Background portal, on the test's own
session bus: the display tests start it to see what Hearth asks and to answer
as a person would.

Usage: background-portal.py FOLDER
FOLDER/answer says how the next request is answered: "allow", "deny" (the
person said no) or "cancel" (the dialog was dismissed). Each request is
appended to FOLDER/calls as a JSON line. Like the real portal, the answer is a
Response signal sent to the caller on the request's object path.
"""

import json
import os
import sys

import dbus
import dbus.lowlevel
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

FOLDER = sys.argv[1]
BUS_NAME = "org.freedesktop.portal.Desktop"
REQUEST_PREFIX = "/org/freedesktop/portal/desktop/request/"


class Background(dbus.service.Object):
    @dbus.service.method("org.freedesktop.portal.Background", in_signature="sa{sv}", out_signature="o",
                         sender_keyword="sender")
    def RequestBackground(self, parent_window, options, sender):
        token = str(options.get("handle_token", "t"))
        path = REQUEST_PREFIX + sender[1:].replace(".", "_") + "/" + token
        with open(os.path.join(FOLDER, "answer")) as f:
            answer = f.read().strip()
        with open(os.path.join(FOLDER, "calls"), "a") as f:
            f.write(json.dumps({
                "parent_window": str(parent_window),
                "autostart": bool(options.get("autostart", False)),
                "commandline": [str(part) for part in options.get("commandline", [])],
                "reason": str(options.get("reason", "")),
                "answer": answer,
            }) + "\n")
        GLib.idle_add(self.respond, sender, path, answer, bool(options.get("autostart", False)))
        return dbus.ObjectPath(path)

    def respond(self, sender, path, answer, autostart):
        response = {"allow": 0, "deny": 0, "cancel": 1}[answer]
        allowed = answer == "allow"
        message = dbus.lowlevel.SignalMessage(path, "org.freedesktop.portal.Request", "Response")
        message.set_destination(sender)
        message.append(dbus.UInt32(response),
                       dbus.Dictionary({"background": allowed, "autostart": allowed and autostart}, signature="sv"))
        self.connection.send_message(message)
        return False


dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
bus = dbus.SessionBus()
name = dbus.service.BusName(BUS_NAME, bus)
Background(bus, "/org/freedesktop/portal/desktop")
GLib.MainLoop().run()
