/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-app"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hearth-background.h"

/*
 * Starting with the session, so that a capsule or a reminder is announced
 * even on a day Hearth was not opened. In a Flatpak sandbox the Background
 * portal asks the person and writes the autostart entry itself; elsewhere
 * Hearth writes its own in $XDG_CONFIG_HOME/autostart. Either way Hearth
 * starts with --background: no window, only the scheduler, for as long as
 * something is still to come.
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

static void
portal_answered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  if (reply == NULL)
    g_warning ("The Background portal did not answer: %s", error->message);
}

static gboolean
ask_portal (gboolean   enabled,
            GError   **error)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  GVariantBuilder options;
  const char * const commandline[] = { "hearth", "--background", NULL };

  if (bus == NULL)
    return FALSE;
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Hearth announces time capsules and reminders when they fall due.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));
  /* The answer comes as a Response signal on a request object; the portal
   * remembers the choice itself, so only a failure to ask is said. */
  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          portal_answered_cb, NULL);
  return TRUE;
}

/**
 * hearth_background_set_autostart:
 * @enabled: whether Hearth starts, in the background, when the person logs in
 *
 * Writes or removes the autostart entry (0600, in a folder made when
 * missing), or asks the Background portal in a sandbox.
 */
gboolean
hearth_background_set_autostart (gboolean   enabled,
                                 GError   **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr (GKeyFile) entry = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return ask_portal (enabled, error);

  path = hearth_background_dup_autostart_path ();
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
