/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-app"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "hearth-background.h"

/*
 * Starting with the session, so that a capsule or a reminder is announced
 * even on a day Hearth was not opened. In a Flatpak sandbox the Background
 * portal (through libportal) asks the person, over the window that asked, and
 * writes the autostart entry itself; elsewhere Hearth writes its own in
 * $XDG_CONFIG_HOME/autostart. Either way Hearth starts with --background: no
 * window, only the scheduler, for as long as something is still to come.
 */

/**
 * hearth_background_dup_autostart_path:
 *
 * Returns: (transfer full): where the autostart entry goes outside a sandbox
 */
char *
hearth_background_dup_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APPLICATION_ID ".desktop", NULL);
}

/* The portal is asked in a sandbox, and in a test build when a test says so
 * (HEARTH_TEST_PORTAL: its stand-in portal is on the test's bus). */
static gboolean
use_portal (void)
{
#if HEARTH_TEST_HOOKS
  if (g_getenv ("HEARTH_TEST_PORTAL") != NULL)
    return TRUE;
#endif
  return xdp_portal_running_under_flatpak ();
}

static gboolean
write_autostart_entry (gboolean   enabled,
                       GError   **error)
{
  g_autofree char *path = hearth_background_dup_autostart_path ();
  g_autofree char *folder = NULL;
  g_autoptr (GKeyFile) entry = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", path, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", folder, g_strerror (errno));
      return FALSE;
    }
  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE, "Application");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Hearth");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Announces time capsules and reminders when they fall due");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, "hearth --background");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APPLICATION_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  return g_key_file_save_to_file (entry, path, error) && g_chmod (path, 0600) == 0;
}

static void
portal_answered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  gboolean enabled = GPOINTER_TO_INT (g_task_get_task_data (task));
  gboolean granted = xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else if (enabled && !granted)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("The desktop did not allow Hearth to start with the session."));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * hearth_background_set_autostart_async:
 * @enabled: whether Hearth starts, in the background, when the person logs in
 * @parent: (nullable): the window that asks, over which the portal asks
 *
 * Writes or removes the autostart entry (0600, in a folder made when
 * missing), or asks the Background portal in a sandbox. The finish fails when
 * the person or the desktop refused (%G_IO_ERROR_PERMISSION_DENIED, or
 * %G_IO_ERROR_CANCELLED when the dialog was dismissed): then Hearth does not
 * start with the session, whatever the switch said.
 */
void
hearth_background_set_autostart_async (gboolean             enabled,
                                       GtkWindow           *parent,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (XdpPortal) portal = NULL;
  g_autoptr (GPtrArray) commandline = NULL;
  g_autoptr (XdpParent) xdp_parent = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, hearth_background_set_autostart_async);
  g_task_set_task_data (task, GINT_TO_POINTER (enabled), NULL);

  if (!use_portal ())
    {
      if (write_autostart_entry (enabled, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  portal = xdp_portal_new ();
  commandline = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (commandline, g_strdup ("hearth"));
  g_ptr_array_add (commandline, g_strdup ("--background"));
  if (parent != NULL)
    xdp_parent = xdp_parent_new_gtk (parent);
  /* No cancellable for libportal: 0.6 leaves its "cancelled" handler
   * connected after the request is over, and cancelling later (Hearth
   * cancels its own when it quits) runs it on a freed request. Hearth's task
   * still has the cancellable. */
  xdp_portal_request_background (portal, xdp_parent,
                                 _("Hearth announces time capsules and reminders when they fall due."),
                                 commandline, enabled ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 NULL, portal_answered_cb, g_steal_pointer (&task));
}

gboolean
hearth_background_set_autostart_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hearth_background_set_autostart_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
