/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-app"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-application.h"
#include "hearth-auth.h"
#include "hearth-background.h"
#include "hearth-clock.h"
#include "hearth-context.h"
#include "hearth-dialogs.h"
#include "hearth-keyring.h"
#include "hearth-lifelog.h"
#include "hearth-notifications.h"
#include "hearth-scheduler.h"
#include "hearth-preferences-window.h"
#include "hearth-receipts.h"
#include "hearth-sample.h"
#include "hearth-store.h"
#include "hearth-window.h"

/*
 * HearthApplication owns what lives as long as the process: the settings, the
 * store, the services (auth, circles, finance, life log), the keyring, the
 * scheduler and the main window. At start-up it opens the store in a worker thread (creating or
 * migrating the database), then looks in the keyring for a profile that stays
 * signed in, and shows the window once both have answered; when the database
 * cannot be opened it says why and offers to quit.
 */

struct _HearthApplication
{
  AdwApplication  parent_instance;

  char           *data_dir;
  GSettings      *settings;
  HearthStore    *store;
  HearthContext  *context;   /* the services over the store */
  HearthScheduler *scheduler;
  HearthKeyring  *keyring;
  HearthActor    *resumed;
  gboolean        ready;
  GError         *open_error;
  GCancellable   *cancellable;
  gboolean        activation_pending;
  gboolean        start_in_background;  /* --background: no window at first */
  HearthClock    *test_clock;           /* test builds: a clock the e2e tests move */
  gboolean        sample;               /* the sample family's database is open */
  gboolean        held_in_background;   /* no window, something still to come */
  gboolean        autostart_reverting;  /* the switch put back after a refusal */
  GVariant       *remote_platform_data; /* while an action from D-Bus runs */
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthApplication, hearth_application, ADW_TYPE_APPLICATION)

static void update_background  (HearthApplication *self);
static void scheduler_fired_cb (HearthApplication *self,
                                GPtrArray         *items);

static const GOptionEntry option_entries[] = {
  { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep Hearth’s data in DIR instead of the usual place"), N_("DIR") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and quit"), NULL },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window, to announce what falls due"), NULL },
  { NULL }
};

static void
present_main_window (HearthApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!HEARTH_IS_WINDOW (window))
    {
      g_autoptr (HearthActor) resumed = g_steal_pointer (&self->resumed);

      window = GTK_WINDOW (hearth_window_new (GTK_APPLICATION (self), self->context));
      hearth_window_set_sample (HEARTH_WINDOW (window), self->sample);
      hearth_window_start (HEARTH_WINDOW (window), resumed);
    }

  gtk_window_present (window);
}

static void
open_error_response_cb (HearthApplication *self,
                        const char        *response)
{
  g_application_release (G_APPLICATION (self));
  g_application_quit (G_APPLICATION (self));
}

static void
present_open_error (HearthApplication *self)
{
  g_autofree char *body = NULL;
  g_autofree char *path = hearth_store_dup_default_path (self->data_dir);
  g_autofree char *display = g_filename_display_name (path);
  HearthDialog *dialog;

  body = g_strdup_printf (_("%s\n\nThe data file is “%s”. Nothing was changed."),
                          self->open_error->message, display);

  dialog = hearth_dialog_new_notice (NULL, _("Hearth Cannot Open Its Data"), body, "quit", _("_Quit"));
  /* Nothing else holds Hearth while it says so. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb),
                           self, G_CONNECT_SWAPPED);

  hearth_dialog_present (dialog);
}

static void
resumed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (HearthApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  g_application_release (G_APPLICATION (self));

  self->resumed = hearth_auth_resume_from_keyring_finish (HEARTH_AUTH (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* No keyring, or a locked one: nobody stays signed in, and that is all. */
  if (error != NULL)
    g_message ("Not resuming a session: %s", error->message);

  self->ready = TRUE;
  if (self->activation_pending)
    {
      self->activation_pending = FALSE;
      if (!self->start_in_background)
        present_main_window (self);
    }
}

/* The store and everything on it: the services and the scheduler. */
static void
use_store (HearthApplication *self,
           HearthStore       *store)
{
  g_autoptr (HearthGuard) guard = NULL;
  g_autoptr (HearthAuth) auth = NULL;

  g_clear_object (&self->scheduler);
  g_clear_object (&self->context);
  g_clear_object (&self->store);

  self->store = store;
  guard = hearth_guard_new (self->store);
  auth = hearth_auth_new (guard, hearth_password_cost_default ());
  if (self->keyring == NULL)
    self->keyring = hearth_keyring_new (APPLICATION_ID);
  self->context = hearth_context_new (auth, self->settings, self->keyring);

  /* Catches up on what fell due while Hearth was closed, then keeps watch. */
  self->scheduler = hearth_scheduler_new (self->store);
  hearth_scheduler_add_kind (self->scheduler, hearth_lifelog_capsule_kind ());
  hearth_scheduler_add_kind (self->scheduler,
                             hearth_tasks_get_reminder_kind (hearth_context_get_tasks (self->context)));
  g_signal_connect_object (self->scheduler, "fired", G_CALLBACK (scheduler_fired_cb), self, G_CONNECT_SWAPPED);
  hearth_scheduler_start (self->scheduler);
  update_background (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
close_windows (HearthApplication *self)
{
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
}

/* Closes what is open and opens @store's picker: the sample family, or the
 * family's own data again. */
static void
switch_to (HearthApplication *self,
           HearthStore       *store,
           gboolean           sample)
{
  GAction *leave = g_action_map_lookup_action (G_ACTION_MAP (self), "leave-sample");
  GAction *open = g_action_map_lookup_action (G_ACTION_MAP (self), "open-sample");

  g_clear_object (&self->resumed);
  /* Held over the moment without a window. */
  g_application_hold (G_APPLICATION (self));
  close_windows (self);
  self->sample = sample;
  use_store (self, store);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (leave), sample);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (open), !sample);
  present_main_window (self);
  g_application_release (G_APPLICATION (self));
}

static char *
dup_sample_path (HearthApplication *self)
{
  g_autofree char *path = hearth_store_dup_default_path (self->data_dir);
  g_autofree char *folder = g_path_get_dirname (path);

  return g_build_filename (folder, "sample", HEARTH_STORE_FILE_NAME, NULL);
}

/* The family's database, opened (and migrated) in a worker; its receipts
 * folder is swept there too, of files that no receipt names. */
static void
open_family_work (GTask        *task,
                  HearthStore  *store,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr (GError) sweep_error = NULL;

  /* Not a reason to refuse the family its data: said, and tried next time. */
  if (!hearth_receipts_sweep (store, NULL, &sweep_error))
    g_warning ("Could not sweep the receipts folder: %s", sweep_error->message);
  g_task_return_pointer (task, g_object_ref (store), g_object_unref);
}

static void
open_family_async (HearthApplication   *self,
                   HearthClock         *clock,
                   GAsyncReadyCallback  callback)
{
  g_autoptr (GTask) task = g_task_new (NULL, self->cancellable, callback, g_object_ref (self));
  g_autofree char *path = hearth_store_dup_default_path (self->data_dir);

  hearth_store_open_in_worker (path, clock, task, open_family_work);
}

/* In a worker: the sample family's own database, made the first time. */
static void
open_sample_work (GTask        *task,
                  HearthStore  *store,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr (HearthGuard) guard = NULL;
  g_autoptr (HearthAuth) auth = NULL;
  GError *error = NULL;
  gboolean made;

  /* Demo passwords shown on the picker: a lighter hash than real ones need. */
  guard = hearth_guard_new (store);
  auth = hearth_auth_new (guard, hearth_password_cost_interactive ());
  made = hearth_auth_has_profiles (auth, &error);
  if (error == NULL && !made)
    hearth_sample_generate (auth, &HEARTH_SAMPLE_FAMILY, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_object_ref (store), g_object_unref);
}

static void
sample_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (HearthApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  HearthStore *store = g_task_propagate_pointer (G_TASK (result), &error);

  g_application_release (G_APPLICATION (self));
  if (store == NULL)
    {
      GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
      HearthDialog *dialog = hearth_dialog_new_notice (parent, _("The Sample Family Cannot Be Opened"),
                                                           error->message, "close", NULL);

      hearth_dialog_present (dialog);
      return;
    }
  switch_to (self, store, TRUE);
}

/*
 * Actions from outside the window. GApplication exports its actions on the
 * session bus, where any program of the session may activate them
 * (org.gtk.Actions.Activate); it calls before_emit with the caller's platform
 * data for those, and never for a menu, a button or a shortcut in the window.
 */
static void
hearth_application_before_emit (GApplication *application,
                                GVariant     *platform_data)
{
  HearthApplication *self = HEARTH_APPLICATION (application);

  G_APPLICATION_CLASS (hearth_application_parent_class)->before_emit (application, platform_data);
  g_clear_pointer (&self->remote_platform_data, g_variant_unref);
  self->remote_platform_data = g_variant_ref (platform_data);
}

static void
hearth_application_after_emit (GApplication *application,
                               GVariant     *platform_data)
{
  HearthApplication *self = HEARTH_APPLICATION (application);

  g_clear_pointer (&self->remote_platform_data, g_variant_unref);
  G_APPLICATION_CLASS (hearth_application_parent_class)->after_emit (application, platform_data);
}

/*
 * Whether the action @name, which changes what Hearth holds or shows for
 * good, may run: always from the window; from outside only with the
 * signed-in session's anti-forgery token in the platform data
 * ("hearth-csrf-token"), as SECURITY.md asks. A refusal is logged by the auth
 * service. (open-entry only brings the window forward, for a notification's
 * click: it changes nothing and needs no token.)
 */
static gboolean
action_allowed (HearthApplication *self,
                const char        *name)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *window;
  HearthActor *actor = NULL;
  const char *token = NULL;

  if (self->remote_platform_data == NULL)
    return TRUE;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (HEARTH_IS_WINDOW (window))
    actor = hearth_window_get_actor (HEARTH_WINDOW (window));
  g_variant_lookup (self->remote_platform_data, "hearth-csrf-token", "&s", &token);

  if (self->context != NULL &&
      hearth_guard_check_action_token (hearth_context_get_guard (self->context), actor, token, name, &error))
    return TRUE;

  g_message ("Refused app.%s from outside the window: %s", name,
             error != NULL ? error->message : "Hearth is not ready");
  return FALSE;
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HearthApplication *self = user_data;
  g_autoptr (GTask) task = NULL;
  g_autoptr (HearthClock) clock = NULL;
  g_autofree char *path = NULL;

  if (self->sample || !self->ready || !action_allowed (self, "open-sample"))
    return;
  /* Once asked, not twice while the family is being made. */
  g_simple_action_set_enabled (action, FALSE);
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (NULL, self->cancellable, sample_opened_cb, g_object_ref (self));
  path = dup_sample_path (self);
  clock = hearth_clock_new_system ();
  hearth_store_open_in_worker (path, clock, task, open_sample_work);
}

static void
family_reopened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (HearthApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  HearthStore *store = g_task_propagate_pointer (G_TASK (result), &error);

  g_application_release (G_APPLICATION (self));
  if (store == NULL)
    {
      g_warning ("Cannot open the family's data again: %s", error->message);
      return;
    }
  switch_to (self, store, FALSE);
}

static void
leave_sample_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  HearthApplication *self = user_data;
  g_autoptr (HearthClock) clock = self->test_clock != NULL ? g_object_ref (self->test_clock)
                                                           : hearth_clock_new_system ();

  if (!self->sample || !action_allowed (self, "leave-sample"))
    return;
  g_simple_action_set_enabled (action, FALSE);
  g_application_hold (G_APPLICATION (self));
  open_family_async (self, clock, family_reopened_cb);
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (HearthApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) store = g_task_propagate_pointer (G_TASK (result), &error);

  g_application_release (G_APPLICATION (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (store == NULL)
    {
      g_message ("Cannot open the store: %s", error->message);
      self->open_error = g_steal_pointer (&error);
      present_open_error (self);
      return;
    }

  use_store (self, g_steal_pointer (&store));

  g_application_hold (G_APPLICATION (self));
  hearth_auth_resume_from_keyring_async (hearth_context_get_auth (self->context), self->keyring, self->cancellable,
                                         resumed_cb, g_object_ref (self));
}

/* Background ----------------------------------------------------------------------------- */

/* Without a window, Hearth stays while something is still to come and the
 * setting allows it; otherwise it goes as any application does. */
static void
update_background (HearthApplication *self)
{
  gboolean windowless = gtk_application_get_windows (GTK_APPLICATION (self)) == NULL;
  gboolean stay = windowless && self->scheduler != NULL &&
                  (self->start_in_background || g_settings_get_boolean (self->settings, "run-in-background")) &&
                  hearth_scheduler_get_next_due (self->scheduler) != 0;

  if (stay && !self->held_in_background)
    {
      g_debug ("Running in the background until %" G_GINT64_FORMAT, hearth_scheduler_get_next_due (self->scheduler));
      self->held_in_background = TRUE;
      g_application_hold (G_APPLICATION (self));
    }
  else if (!stay && self->held_in_background)
    {
      self->held_in_background = FALSE;
      g_application_release (G_APPLICATION (self));
    }
}

/* What fell due is marked done whether or not the desktop is told. */
static void
scheduler_fired_cb (HearthApplication *self,
                    GPtrArray         *items)
{
  if (g_settings_get_boolean (self->settings, "notifications-enabled"))
    hearth_notifications_send (G_APPLICATION (self), items);
  hearth_scheduler_check_now (self->scheduler);
  update_background (self);
}

static void
autostart_set_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (HearthApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  GtkWindow *window;

  if (hearth_background_set_autostart_finish (result, &error))
    return;

  g_message ("Not starting with the session: %s", error->message);
  if (!g_settings_get_boolean (self->settings, "start-with-session"))
    return;
  /* Refused, or the dialog dismissed: the switch says what is true, without
   * asking again. */
  self->autostart_reverting = TRUE;
  g_settings_set_boolean (self->settings, "start-with-session", FALSE);
  self->autostart_reverting = FALSE;
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window),
                                      adw_toast_new (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                                     ? _("Hearth will not start with the session.")
                                                     : error->message));
}

static void
autostart_changed_cb (HearthApplication *self)
{
  if (self->autostart_reverting)
    return;
  hearth_background_set_autostart_async (g_settings_get_boolean (self->settings, "start-with-session"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         self->cancellable, autostart_set_cb, g_object_ref (self));
}

static void
open_entry_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  HearthApplication *self = user_data;
  GtkWindow *window;
  const char *kind;
  gint64 id;

  if (!self->ready)
    return;
  self->start_in_background = FALSE;
  present_main_window (self);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* Signed in, the entry shows in the life log; otherwise the picker stays
   * first. */
  g_variant_get (parameter, "(&sx)", &kind, &id);
  if (HEARTH_IS_WINDOW (window) && g_str_equal (kind, "capsule"))
    hearth_window_show_entry (HEARTH_WINDOW (window), id);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HearthApplication *self = user_data;

  if (action_allowed (self, "quit"))
    g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HearthApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  HearthPreferencesWindow *preferences = hearth_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HearthApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Hearth developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Hearth"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Hearth developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep a family’s money, memories, tasks and plans in one place."),
                         "website", "https://github.com/hearthapp/hearth",
                         "issue-url", "https://github.com/hearthapp/hearth/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Hearth developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

#if HEARTH_TEST_HOOKS
/* Test builds only: the end-to-end tests set the time (µs since the epoch)
 * over D-Bus, as org.gtk.Actions.Activate ("test-set-time", [<int64>]). */
static void
test_set_time_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  HearthApplication *self = user_data;

  if (self->test_clock != NULL)
    hearth_clock_set_now (self->test_clock, g_variant_get_int64 (parameter));
}
#endif

static const GActionEntry app_actions[] = {
  { "open-entry", open_entry_action, "(sx)" },
  { "open-sample", open_sample_action },
  { "leave-sample", leave_sample_action },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  if (g_str_equal (style, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (style, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

static int
hearth_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  HearthApplication *self = HEARTH_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Hearth %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "data-dir", "^ay", &self->data_dir);
  self->start_in_background = g_variant_dict_contains (options, "background");

  return G_APPLICATION_CLASS (hearth_application_parent_class)->handle_local_options (application, options);
}

static void
hearth_application_startup (GApplication *application)
{
  HearthApplication *self = HEARTH_APPLICATION (application);
  g_autoptr (HearthClock) clock = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (hearth_application_parent_class)->startup (application);

  self->settings = g_settings_new ("io.github.hearthapp.Hearth");
  g_settings_bind_with_mapping (self->settings, "style",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                style_get_mapping, NULL, NULL, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "leave-sample")),
                               FALSE);

#if HEARTH_TEST_HOOKS
  if (g_getenv ("HEARTH_TEST_FAKE_CLOCK") != NULL)
    {
      static const GActionEntry test_actions[] = { { "test-set-time", test_set_time_action, "x" } };

      g_message ("A test build with a clock that tests move: not for a family’s data");
      self->test_clock = hearth_clock_new_fake (g_get_real_time ());
      g_action_map_add_action_entries (G_ACTION_MAP (self), test_actions, G_N_ELEMENTS (test_actions), self);
    }
#endif
  clock = self->test_clock != NULL ? g_object_ref (self->test_clock) : hearth_clock_new_system ();
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  /* Tied to the application's life: its settings may outlive it (bindings). */
  g_signal_connect_object (self->settings, "changed::start-with-session", G_CALLBACK (autostart_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::run-in-background", G_CALLBACK (update_background), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "window-added", G_CALLBACK (update_background), self);
  g_signal_connect_swapped (self, "window-removed", G_CALLBACK (update_background), self);

  /* Held until the store answers, so that a failure can still be shown. */
  g_application_hold (application);
  open_family_async (self, clock, store_opened_cb);
}

static void
hearth_application_activate (GApplication *application)
{
  HearthApplication *self = HEARTH_APPLICATION (application);

  /* Started with the session: the first activation shows nothing; the next,
   * from the launcher, shows the window. */
  if (self->ready && self->start_in_background)
    self->start_in_background = FALSE;
  else if (self->ready)
    present_main_window (self);
  else if (self->open_error != NULL)
    present_open_error (self);
  else
    self->activation_pending = TRUE;
}

static void
hearth_application_shutdown (GApplication *application)
{
  HearthApplication *self = HEARTH_APPLICATION (application);
  GList *windows;

  g_cancellable_cancel (self->cancellable);

  /* The windows first: their pages and list models hold the services and the
   * store, and would keep the database open past the end. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);

  g_clear_object (&self->resumed);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->context);
  g_clear_object (&self->keyring);
  /* Closed whoever else still holds it: SQLite checkpoints the log into
   * hearth.db, which then holds every row by itself. */
  if (self->store != NULL)
    hearth_store_close (self->store);
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (hearth_application_parent_class)->shutdown (application);
}

static void
hearth_application_finalize (GObject *object)
{
  HearthApplication *self = HEARTH_APPLICATION (object);

  g_clear_object (&self->resumed);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->context);
  g_clear_object (&self->keyring);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->test_clock);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->remote_platform_data, g_variant_unref);

  G_OBJECT_CLASS (hearth_application_parent_class)->finalize (object);
}

static void
hearth_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HearthApplication *self = HEARTH_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_application_class_init (HearthApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hearth_application_finalize;
  object_class->get_property = hearth_application_get_property;

  application_class->handle_local_options = hearth_application_handle_local_options;
  application_class->startup = hearth_application_startup;
  application_class->activate = hearth_application_activate;
  application_class->shutdown = hearth_application_shutdown;
  application_class->before_emit = hearth_application_before_emit;
  application_class->after_emit = hearth_application_after_emit;

  /**
   * HearthApplication:store:
   *
   * The open store; %NULL until start-up has opened it, and for good when it
   * could not be opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HEARTH_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_application_init (HearthApplication *self)
{
  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/**
 * hearth_application_new:
 *
 * Returns: (transfer full): the application
 */
HearthApplication *
hearth_application_new (void)
{
  return g_object_new (HEARTH_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * hearth_application_get_store:
 *
 * Returns: (transfer none) (nullable): the store, once it is open
 */
HearthStore *
hearth_application_get_store (HearthApplication *self)
{
  g_return_val_if_fail (HEARTH_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * hearth_application_get_context:
 *
 * Returns: (transfer none) (nullable): the services over the store, once it
 *   is open
 */
HearthContext *
hearth_application_get_context (HearthApplication *self)
{
  g_return_val_if_fail (HEARTH_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * hearth_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, from start-up on
 */
GSettings *
hearth_application_get_settings (HearthApplication *self)
{
  g_return_val_if_fail (HEARTH_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * hearth_application_get_in_background:
 *
 * Returns: whether Hearth runs without a window, waiting for something still
 *   to come (a capsule to open)
 */
gboolean
hearth_application_get_in_background (HearthApplication *self)
{
  g_return_val_if_fail (HEARTH_IS_APPLICATION (self), FALSE);

  return self->held_in_background;
}
