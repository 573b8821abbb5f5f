/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "hearth-notifications.h"
#include "hearth-scheduler.h"

/*
 * What the application tells the desktop when the scheduler fires: sent to a
 * real notification daemon (python3-dbusmock's template) on the test's own
 * session bus.
 */

static GSubprocess *
start_notification_daemon (GDBusConnection *bus)
{
  g_autoptr (GError) error = NULL;
  /* Its log of calls is not TAP: kept off the test's stdout. */
  GSubprocess *daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, "/usr/bin/python3", "-m",
                                          "dbusmock", "--template", "notification_daemon", NULL);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr (GVariant) owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                                "org.freedesktop.DBus", "NameHasOwner",
                                                                g_variant_new ("(s)", "org.freedesktop.Notifications"),
                                                                G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                                                NULL, &error);
      gboolean has_owner = FALSE;

      g_assert_no_error (error);
      g_variant_get (owner, "(b)", &has_owner);
      if (has_owner)
        return daemon;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50000);
    }
}

/* The Notify calls the daemon received: "summary|body" lines. */
static char *
notifications_received (GDBusConnection *bus)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) calls = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                                            "/org/freedesktop/Notifications",
                                                            "org.freedesktop.DBus.Mock", "GetCalls", NULL,
                                                            G_VARIANT_TYPE ("(a(tsav))"), G_DBUS_CALL_FLAGS_NONE, -1,
                                                            NULL, &error);
  g_autoptr (GVariantIter) iter = NULL;
  GString *received = g_string_new (NULL);
  const char *method;
  GVariantIter *args;
  guint64 when;

  g_assert_no_error (error);
  g_variant_get (calls, "(a(tsav))", &iter);
  while (g_variant_iter_next (iter, "(t&sav)", &when, &method, &args))
    {
      if (g_str_equal (method, "Notify"))
        {
          g_autoptr (GVariant) summary = NULL;
          g_autoptr (GVariant) body = NULL;
          GVariant *arg;
          guint n = 0;

          while ((arg = g_variant_iter_next_value (args)) != NULL)
            {
              g_autoptr (GVariant) value = g_variant_get_variant (arg);

              if (n == 3)
                summary = g_variant_ref (value);
              else if (n == 4)
                body = g_variant_ref (value);
              g_variant_unref (arg);
              n++;
            }
          g_string_append_printf (received, "%s|%s\n", g_variant_get_string (summary, NULL),
                                  g_variant_get_string (body, NULL));
        }
      g_variant_iter_free (args);
    }
  return g_string_free (received, FALSE);
}

static void
test_notification_is_sent (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr (GSubprocess) daemon = NULL;
  g_autoptr (GApplication) application = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_due_item_free);
  HearthDueItem *item = g_new0 (HearthDueItem, 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  daemon = start_notification_daemon (bus);
  application = g_application_new ("io.github.hearthapp.Hearth.NotificationsTest", G_APPLICATION_DEFAULT_FLAGS);
  g_application_register (application, NULL, &error);
  g_assert_no_error (error);

  item->kind = "capsule";
  item->id = 7;
  item->circle_id = 1;
  item->title = g_strdup ("A time capsule from Mum has opened");
  item->body = g_strdup ("Sealed on 11/26/26. Read it in the life log of The Lovelaces.");
  g_ptr_array_add (items, item);

  before = notifications_received (bus);
  g_assert_cmpstr (before, ==, "");
  hearth_notifications_send (application, items);

  /* The daemon hears it over D-Bus: wait for the call to arrive. */
  while ((after = notifications_received (bus)) != NULL && *after == '\0')
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_clear_pointer (&after, g_free);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  g_assert_cmpstr (after, ==, "A time capsule from Mum has opened|"
                              "Sealed on 11/26/26. Read it in the life log of The Lovelaces.\n");

  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notifications/sent-to-the-desktop", test_notification_is_sent);

  return g_test_run ();
}
