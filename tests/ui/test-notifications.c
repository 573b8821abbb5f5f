/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "hearth-notifications.h"
#include "hearth-scheduler.h"
#include "hearth-tasks.h"
#include "hearth-test-common.h"
#include "hearth-test-family.h"
#include "hearth-test-scheduler.h"

/*
 * What the application tells the desktop when the scheduler fires: sent to a
 * real notification daemon (python3-dbusmock's template) on the test's own
 * session bus.
 */

/* One daemon and one registered application for the whole run: GIO keeps
 * the notification backend of the first application it registers. Each test
 * starts from a daemon that heard nothing. */
static GDBusConnection *bus;
static GApplication    *application;

static GSubprocess *
start_notification_daemon (void)
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

static void
clear_calls (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                                            "/org/freedesktop/Notifications",
                                                            "org.freedesktop.DBus.Mock", "ClearCalls", NULL,
                                                            NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);

  g_assert_no_error (error);
}

/* The Notify calls the daemon received: "summary|body" lines. */
static char *
notifications_received (void)
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

/* Waits until the daemon has heard @expected, and returns what it heard. */
static char *
wait_for (const char *expected)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  char *heard;

  while (!g_str_equal ((heard = notifications_received ()), expected))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_free (heard);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  return heard;
}

static void
sent_cb (HearthScheduler *scheduler,
         GPtrArray       *items,
         gpointer         user_data)
{
  hearth_notifications_send (application, items);
}

static HearthScheduler *
start_scheduler (HearthTestFamily *family,
                 HearthTasks      *tasks)
{
  HearthScheduler *scheduler = hearth_scheduler_new (family->store);

  hearth_scheduler_add_kind (scheduler, hearth_tasks_get_reminder_kind (tasks));
  g_signal_connect (scheduler, "fired", G_CALLBACK (sent_cb), NULL);
  hearth_scheduler_start (scheduler);
  hearth_test_scheduler_settle (scheduler);
  return scheduler;
}

/* A task due while Hearth was closed is announced at the next start, once: a
 * second start announces nothing more, and a task done is never announced. */
static void
test_task_due_is_announced_once (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthTasks) tasks = NULL;
  g_autoptr (HearthTask) bins = NULL;
  g_autoptr (HearthTask) dishes = NULL;
  g_autoptr (HearthScheduler) first = NULL;
  g_autoptr (HearthScheduler) restarted = NULL;
  g_autofree char *heard = NULL;
  g_autofree char *again = NULL;
  HearthTestFamily family;
  HearthActor *noah;
  gint64 due = HEARTH_TEST_EPOCH + G_TIME_SPAN_HOUR;

  clear_calls ();
  hearth_test_family_set_up (&family, "Olivia", "The Lovelaces");
  noah = hearth_test_family_add (&family, "Noah", HEARTH_ROLE_EDITOR);
  tasks = hearth_tasks_new (hearth_auth_get_guard (family.auth));
  bins = hearth_tasks_create (tasks, family.owner, family.circle_id, "Take out the bins", &error);
  dishes = hearth_tasks_create (tasks, family.owner, family.circle_id, "Do the dishes", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      gint64 id = hearth_task_get_id (i == 0 ? bins : dishes);

      g_assert_true (hearth_tasks_set_due (tasks, family.owner, id, due, FALSE, NULL, &error));
      g_assert_true (hearth_tasks_assign (tasks, family.owner, id, hearth_actor_get_user_id (noah), &error));
      g_assert_no_error (error);
    }
  g_assert_true (hearth_tasks_set_status (tasks, noah, hearth_task_get_id (dishes), HEARTH_TASK_STATUS_DONE,
                                          &error));
  g_assert_no_error (error);

  /* Hearth was closed at the hour; it starts later. */
  hearth_clock_set_now (family.clock, due + 10 * G_TIME_SPAN_MINUTE);
  first = start_scheduler (&family, tasks);
  heard = wait_for ("Take out the bins is due|For Noah · The Lovelaces\n");
  g_clear_object (&first);

  restarted = start_scheduler (&family, tasks);
  /* Give a wrong second announcement the time to arrive. */
  for (guint i = 0; i < 25; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  again = notifications_received ();
  g_assert_cmpstr (again, ==, heard);

  g_clear_object (&restarted);
  g_clear_object (&bins);
  g_clear_object (&dishes);
  hearth_test_finalize (&tasks);
  hearth_test_family_tear_down (&family);
}

static void
test_notification_is_sent (void)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_due_item_free);
  HearthDueItem *item = g_new0 (HearthDueItem, 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  clear_calls ();
  item->kind = "capsule";
  item->id = 7;
  item->circle_id = 1;
  item->title = g_strdup ("A time capsule from Mum has opened");
  item->body = g_strdup ("Sealed on 11/26/26. Read it in the life log of The Lovelaces.");
  g_ptr_array_add (items, item);

  before = notifications_received ();
  g_assert_cmpstr (before, ==, "");
  hearth_notifications_send (application, items);

  /* The daemon hears it over D-Bus: wait for the call to arrive. */
  while ((after = notifications_received ()) != NULL && *after == '\0')
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_clear_pointer (&after, g_free);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  g_assert_cmpstr (after, ==, "A time capsule from Mum has opened|"
                              "Sealed on 11/26/26. Read it in the life log of The Lovelaces.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) daemon = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  daemon = start_notification_daemon ();
  application = g_application_new ("io.github.hearthapp.Hearth.NotificationsTest", G_APPLICATION_DEFAULT_FLAGS);
  g_application_register (application, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/notifications/sent-to-the-desktop", test_notification_is_sent);
  g_test_add_func ("/notifications/task-due-is-announced-once", test_task_due_is_announced_once);

  status = g_test_run ();
  g_clear_object (&application);
  g_clear_object (&bus);
  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
  return status;
}
