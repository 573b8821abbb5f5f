/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <glib/gstdio.h>

#include "hearth-application.h"
#include "hearth-background.h"
#include "hearth-circles-page.h"
#include "hearth-circles.h"
#include "hearth-clock.h"
#include "hearth-finance-page.h"
#include "hearth-home-page.h"
#include "hearth-lifelog-page.h"
#include "hearth-tasks-page.h"
#include "hearth-lifelog.h"
#include "hearth-password.h"
#include "hearth-preferences-window.h"
#include "hearth-sample.h"
#include "hearth-sign-in-view.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-test-ui.h"
#include "hearth-window.h"

/*
 * The application shell on a real display: the real HearthApplication started
 * with g_application_run(), driven from inside its main loop. Each screen it
 * visits is saved as a PNG under build/tests/ui/screenshots/.
 */

/* The sidebar's modules, in the order ../shared/design/UI.md gives. */
static const char * const modules[] = {
  "home", "finance", "lifelog", "tasks", "notes", "contacts", "trips", "circles",
};

typedef struct
{
  HearthApplication *app;
  char              *dir;
  gboolean           done;
  const char        *expected_title;
} Run;

static gboolean
has_main_window (gpointer user_data)
{
  Run *run = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  return HEARTH_IS_WINDOW (window) &&
         !g_str_equal (hearth_window_get_mode (HEARTH_WINDOW (window)), "starting");
}

static gboolean stack_settled (gpointer user_data);

/* The shell is for a signed-in profile: a first start shows onboarding, so
 * the test makes a profile through the application's own service. */
static void
sign_in_a_profile (Run          *run,
                   HearthWindow *window)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) actor = NULL;
  g_auto (GStrv) keys = NULL;

  g_assert_cmpstr (hearth_window_get_mode (window), ==, "onboarding");
  g_assert_null (hearth_window_get_actor (window));
  actor = hearth_auth_create_profile (hearth_context_get_auth (hearth_application_get_context (run->app)), "ada",
                                      "Ada Lovelace", NULL, "Tapioca-Harbour-71", &keys, &error);
  g_assert_no_error (error);
  hearth_window_start (window, actor);
  g_assert_cmpstr (hearth_window_get_mode (window), ==, "main");
  g_assert_true (hearth_window_get_actor (window) == actor);
  hearth_test_wait_until (stack_settled, hearth_test_child (window, HEARTH_TYPE_WINDOW, "mode_stack"),
                          "the switch to the main view");
}

typedef struct
{
  HearthWindow *window;
  const char   *module;
} ModuleWait;

static gboolean
shows_module (gpointer user_data)
{
  ModuleWait *wait = user_data;

  return g_strcmp0 (hearth_window_get_visible_module (wait->window), wait->module) == 0;
}

static gboolean
has_toplevel (gpointer user_data)
{
  return hearth_test_find_toplevel (GPOINTER_TO_SIZE (user_data)) != NULL;
}

static gboolean
leaflet_folded (gpointer user_data)
{
  return adw_leaflet_get_folded (user_data) && !adw_leaflet_get_child_transition_running (user_data);
}

static gboolean
leaflet_unfolded (gpointer user_data)
{
  return !adw_leaflet_get_folded (user_data) && !adw_leaflet_get_child_transition_running (user_data);
}

static gboolean
leaflet_settled (gpointer user_data)
{
  return !adw_leaflet_get_child_transition_running (user_data);
}

static gboolean
stack_settled (gpointer user_data)
{
  return !gtk_stack_get_transition_running (user_data);
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  hearth_test_wait_until (has_toplevel, GSIZE_TO_POINTER (type), g_type_name (type));
  return hearth_test_find_toplevel (type);
}

static void
check_database (Run *run)
{
  g_autofree char *path = g_build_filename (run->dir, HEARTH_STORE_FILE_NAME, NULL);
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  g_autoptr (HearthStore) store = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (hearth_application_get_store (run->app));
  g_assert_cmpstr (hearth_store_get_path (hearth_application_get_store (run->app)), ==, path);

  /* A second connection sees the migrated schema: the seed's 36 tables, the
   * search index, and the one table Hearth adds (docs/SCHEMA.md). */
  store = hearth_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_store_get_schema_version (store), ==,
                   hearth_store_get_latest_schema_version ());
  g_assert_cmpint (hearth_test_query_int (store,
                                          "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                          "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'"),
                   ==, 38);
}

static void
visit_every_module (HearthWindow *window)
{
  GtkListBox *sidebar = hearth_test_child (window, HEARTH_TYPE_WINDOW, "sidebar");
  GtkStack *stack = hearth_test_child (window, HEARTH_TYPE_WINDOW, "stack");
  AdwWindowTitle *title = hearth_test_child (window, HEARTH_TYPE_WINDOW, "content_title");

  g_assert_null (gtk_list_box_get_row_at_index (sidebar, G_N_ELEMENTS (modules)));

  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);
      GtkWidget *page;
      ModuleWait wait = { window, modules[i] };
      g_autofree char *name = g_strconcat ("shell-", modules[i], NULL);
      g_autofree char *png = NULL;

      g_assert_nonnull (row);
      /* What a click or Enter on the row does. */
      g_signal_emit_by_name (row, "activate");
      hearth_test_wait_until (shows_module, &wait, modules[i]);
      hearth_test_wait_until (stack_settled, stack, "the page transition");

      page = gtk_stack_get_visible_child (stack);
      /* A module that is built shows its page; the others say what will come. */
      if (g_str_equal (modules[i], "circles"))
        {
          g_assert_true (HEARTH_IS_CIRCLES_PAGE (page));
        }
      else if (g_str_equal (modules[i], "finance"))
        {
          g_assert_true (HEARTH_IS_FINANCE_PAGE (page));
        }
      else if (g_str_equal (modules[i], "lifelog"))
        {
          g_assert_true (HEARTH_IS_LIFELOG_PAGE (page));
        }
      else if (g_str_equal (modules[i], "tasks"))
        {
          g_assert_true (HEARTH_IS_TASKS_PAGE (page));
        }
      else if (g_str_equal (modules[i], "home"))
        {
          g_assert_true (HEARTH_IS_HOME_PAGE (page));
        }
      else
        {
          g_assert_true (ADW_IS_STATUS_PAGE (page));
          g_assert_cmpuint (strlen (adw_status_page_get_title (ADW_STATUS_PAGE (page))), >, 0);
          g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (page))), >, 0);
        }
      g_assert_true (gtk_list_box_get_selected_row (sidebar) == row);
      g_assert_cmpstr (adw_window_title_get_title (title), ==,
                       gtk_stack_page_get_title (gtk_stack_get_page (stack, page)));

      png = hearth_test_save_png (GTK_WIDGET (window), name);
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
    }

  /* The keyboard's way: Alt+N activates win.show-module. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-module", "s", "notes");
  g_assert_cmpstr (hearth_window_get_visible_module (window), ==, "notes");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 4));
  g_assert_false (hearth_window_show_module (window, "no-such-module"));
  g_assert_cmpstr (hearth_window_get_visible_module (window), ==, "notes");
}

static void
check_narrow_window (HearthWindow *window)
{
  AdwLeaflet *leaflet = hearth_test_child (window, HEARTH_TYPE_WINDOW, "leaflet");
  GtkStack *stack = hearth_test_child (window, HEARTH_TYPE_WINDOW, "stack");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  hearth_test_wait_until (leaflet_folded, leaflet, "the leaflet to fold");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-module", "s", "tasks");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  hearth_test_wait_until (leaflet_settled, leaflet, "the leaflet to slide");
  hearth_test_wait_until (stack_settled, stack, "the page transition");
  g_free (hearth_test_save_png (GTK_WIDGET (window), "shell-narrow-page"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  hearth_test_wait_until (leaflet_settled, leaflet, "the leaflet to slide");
  g_free (hearth_test_save_png (GTK_WIDGET (window), "shell-narrow-sidebar"));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  hearth_test_wait_until (leaflet_unfolded, leaflet, "the leaflet to unfold");
}

static void
check_preferences (Run *run)
{
  GSettings *settings = hearth_application_get_settings (run->app);
  GtkWindow *preferences;
  GtkSpinButton *idle_lock;
  GtkSwitch *notifications;
  AdwComboRow *style;
  AdwComboRow *currency;
  GListModel *currencies;
  g_autofree char *chosen = NULL;
  guint usd = GTK_INVALID_LIST_POSITION;

  g_action_group_activate_action (G_ACTION_GROUP (run->app), "preferences", NULL);
  preferences = wait_for_toplevel (HEARTH_TYPE_PREFERENCES_WINDOW);
  idle_lock = hearth_test_child (preferences, HEARTH_TYPE_PREFERENCES_WINDOW, "idle_lock_spin");
  notifications = hearth_test_child (preferences, HEARTH_TYPE_PREFERENCES_WINDOW, "notifications_switch");
  style = hearth_test_child (preferences, HEARTH_TYPE_PREFERENCES_WINDOW, "style_row");
  currency = hearth_test_child (preferences, HEARTH_TYPE_PREFERENCES_WINDOW, "currency_row");

  /* The defaults, shown. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (idle_lock), ==, 15);
  g_assert_true (gtk_switch_get_active (notifications));
  g_assert_cmpuint (adw_combo_row_get_selected (style), ==, 0);
  g_free (hearth_test_save_png (GTK_WIDGET (preferences), "preferences"));

  /* Settings → widgets. */
  g_settings_set_uint (settings, "idle-lock-minutes", 30);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (idle_lock), ==, 30);
  g_settings_set_boolean (settings, "notifications-enabled", FALSE);
  g_assert_false (gtk_switch_get_active (notifications));

  /* Widgets → settings. */
  gtk_spin_button_set_value (idle_lock, 45);
  g_assert_cmpuint (g_settings_get_uint (settings, "idle-lock-minutes"), ==, 45);
  gtk_switch_set_active (notifications, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "notifications-enabled"));

  currencies = adw_combo_row_get_model (currency);
  for (guint i = 0; i < g_list_model_get_n_items (currencies); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (currencies), i), "USD"))
      usd = i;
  g_assert_cmpuint (usd, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (currency, usd);
  chosen = g_settings_get_string (settings, "default-currency");
  g_assert_cmpstr (chosen, ==, "USD");

  /* Dark, applied to the whole application at once. */
  adw_combo_row_set_selected (style, 2);
  g_assert_cmpint (g_settings_get_enum (settings, "style"), ==, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_free (hearth_test_save_png (GTK_WIDGET (preferences), "preferences-dark"));

  gtk_window_close (preferences);
}

static void
check_about_and_shortcuts (Run          *run,
                           HearthWindow *window)
{
  GtkWindow *about;
  GtkWindow *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (run->app), "about", NULL);
  about = wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Hearth");
  g_free (hearth_test_save_png (GTK_WIDGET (about), "about"));
  gtk_window_close (about);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_free (hearth_test_save_png (GTK_WIDGET (shortcuts), "shortcuts"));
  gtk_window_close (shortcuts);
}

static gboolean
drive_main_window (gpointer user_data)
{
  Run *run = user_data;
  HearthWindow *window;
  GSettings *settings;

  hearth_test_wait_until (has_main_window, run, "the main window");
  window = HEARTH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (run->app)));
  settings = hearth_application_get_settings (run->app);

  check_database (run);
  sign_in_a_profile (run, window);
  visit_every_module (window);
  check_narrow_window (window);
  check_preferences (run);
  g_free (hearth_test_save_png (GTK_WIDGET (window), "shell-dark"));
  g_settings_set_enum (settings, "style", 0);
  check_about_and_shortcuts (run, window);

  /* The size is kept for the next start. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  run->done = TRUE;
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

/*
 * After a clean quit, the database file the README names is whole by itself:
 * the store was closed and the write-ahead log checkpointed into it, so a copy
 * of hearth.db alone opens with every row (it used to be 4 KB, with everything
 * left in hearth.db-wal).
 */
static void
assert_file_alone_has_every_row (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, HEARTH_STORE_FILE_NAME, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy_dir = hearth_test_make_temp_dir ();
  g_autofree char *copy = g_build_filename (copy_dir, HEARTH_STORE_FILE_NAME, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  g_autoptr (HearthStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  /* SQLite removes the log when the last connection closes. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  g_assert_no_error (error);
  store = hearth_store_open (copy, clock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM users WHERE username = 'ada'"), ==, 1);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM circles"), >=, 1);
  g_clear_object (&store);
  hearth_test_remove_tree (copy_dir);
}

static void
test_main_window (void)
{
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autofree char *elsewhere = hearth_test_make_temp_dir ();
  g_autofree char *elsewhere_db = g_build_filename (elsewhere, HEARTH_STORE_FILE_NAME, NULL);
  g_autoptr (HearthApplication) app = hearth_application_new ();
  char *argv[] = { "hearth", "--data-dir", dir, NULL };
  Run run = { app, dir, FALSE };
  int status;

  /* The command line wins over the environment. */
  g_setenv ("HEARTH_DATA_DIR", elsewhere, TRUE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_idle_add (drive_main_window, &run);

  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.done);
  g_assert_false (g_file_test (elsewhere_db, G_FILE_TEST_EXISTS));
  g_unsetenv ("HEARTH_DATA_DIR");
  assert_file_alone_has_every_row (dir);
  hearth_test_remove_tree (dir);
  hearth_test_remove_tree (elsewhere);
}

/* Runs the real application on @run's data folder, driven by @drive from
 * inside its main loop, to the end. */
static void
run_application (Run         *run,
                 GSourceFunc  drive)
{
  char *argv[] = { "hearth", "--data-dir", run->dir, NULL };
  int status;

  g_application_set_flags (G_APPLICATION (run->app), G_APPLICATION_NON_UNIQUE);
  g_idle_add (drive, run);
  status = g_application_run (G_APPLICATION (run->app), G_N_ELEMENTS (argv) - 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (run->done);
}

static gboolean
drive_quit (gpointer user_data)
{
  Run *run = user_data;
  HearthWindow *window;

  hearth_test_wait_until (has_main_window, run, "the main window");
  window = HEARTH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (run->app)));
  sign_in_a_profile (run, window);
  g_assert_true (hearth_window_show_module (window, "finance"));
  hearth_test_wait_until (stack_settled, hearth_test_child (window, HEARTH_TYPE_WINDOW, "stack"), "Finance");
  hearth_test_wait_for_draw (GTK_WIDGET (window));

  /* Ctrl+Q with the window open, as a person quits. */
  run->done = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
test_quit_closes_the_database (void)
{
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autoptr (HearthApplication) app = hearth_application_new ();
  Run run = { app, dir, FALSE };

  run_application (&run, drive_quit);
  assert_file_alone_has_every_row (dir);
  hearth_test_remove_tree (dir);
}

static gboolean
drive_open_error (gpointer user_data)
{
  Run *run = user_data;
  GtkWindow *dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));

  g_assert_nonnull (strstr (body, "is not a Hearth database"));
  g_assert_nonnull (strstr (body, run->dir));
  g_assert_null (hearth_application_get_store (run->app));
  g_assert_null (hearth_test_find_toplevel (HEARTH_TYPE_WINDOW));
  g_free (hearth_test_save_png (GTK_WIDGET (dialog), "open-error"));

  /* Its one answer quits the application: g_application_run() returns. */
  run->done = TRUE;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  return G_SOURCE_REMOVE;
}

static void
test_unreadable_database (void)
{
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, HEARTH_STORE_FILE_NAME, NULL);
  g_autoptr (HearthApplication) app = hearth_application_new ();
  g_autoptr (GError) error = NULL;
  char *argv[] = { "hearth", NULL };
  Run run = { app, dir, FALSE };
  int status;

  g_file_set_contents (path, "This is a letter to Grandma, not a database.\n", -1, &error);
  g_assert_no_error (error);
  g_setenv ("HEARTH_DATA_DIR", dir, TRUE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_idle_add (drive_open_error, &run);

  status = g_application_run (G_APPLICATION (app), 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.done);
  g_unsetenv ("HEARTH_DATA_DIR");
  hearth_test_remove_tree (dir);
}

static gboolean
windowless (gpointer user_data)
{
  Run *run = user_data;

  return gtk_application_get_windows (GTK_APPLICATION (run->app)) == NULL;
}

static gboolean
drive_background (gpointer user_data)
{
  Run *run = user_data;
  g_autofree char *autostart = hearth_background_dup_autostart_path ();
  g_autofree char *entry = NULL;
  GSettings *settings;
  GStatBuf info;

  hearth_test_wait_until (has_main_window, run, "the main window");
  settings = hearth_application_get_settings (run->app);

  /* Starting with the session: an autostart entry, only its owner's. */
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));
  g_settings_set_boolean (settings, "start-with-session", TRUE);
  g_assert_true (g_file_get_contents (autostart, &entry, NULL, NULL));
  g_assert_nonnull (strstr (entry, "Exec=hearth --background\n"));
  g_assert_cmpint (g_stat (autostart, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_settings_set_boolean (settings, "start-with-session", FALSE);
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));

  /* A capsule is still to come: closing the window leaves Hearth running. */
  g_assert_false (hearth_application_get_in_background (run->app));
  gtk_window_close (gtk_application_get_active_window (GTK_APPLICATION (run->app)));
  hearth_test_wait_until (windowless, run, "the window to close");
  g_assert_true (hearth_application_get_in_background (run->app));

  /* Switched off, it goes: g_application_run() returns. */
  run->done = TRUE;
  g_settings_set_boolean (settings, "run-in-background", FALSE);
  return G_SOURCE_REMOVE;
}

/* Starting with the session in a sandbox: the Background portal -------------------- */

typedef struct
{
  Run         run;
  char       *portal_dir;
} PortalRun;

static void
set_portal_answer (PortalRun  *run,
                   const char *answer)
{
  g_autofree char *path = g_build_filename (run->portal_dir, "answer", NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, answer, -1, &error);
  g_assert_no_error (error);
}

/* The requests the stand-in portal received, one JSON object a line. */
static GStrv
portal_calls (PortalRun *run)
{
  g_autofree char *path = g_build_filename (run->portal_dir, "calls", NULL);
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_new0 (char *, 1);
  g_strchomp (text);
  return *text != '\0' ? g_strsplit (text, "\n", -1) : g_new0 (char *, 1);
}

typedef struct
{
  PortalRun *run;
  guint      n_calls;
  gboolean   setting;
} PortalAnswered;

/* The portal has had @n_calls requests and the setting reads @setting. */
static gboolean
portal_answered (gpointer user_data)
{
  PortalAnswered *answered = user_data;
  g_auto (GStrv) calls = portal_calls (answered->run);
  GSettings *settings = hearth_application_get_settings (answered->run->run.app);

  return g_strv_length (calls) == answered->n_calls &&
         g_settings_get_boolean (settings, "start-with-session") == answered->setting;
}

static gboolean
drive_background_portal (gpointer user_data)
{
  PortalRun *run = user_data;
  g_autofree char *autostart = hearth_background_dup_autostart_path ();
  GSettings *settings = hearth_application_get_settings (run->run.app);
  GtkWindow *preferences;
  GtkSwitch *autostart_switch;
  PortalAnswered answered = { run, 0, FALSE };
  g_auto (GStrv) calls = NULL;

  hearth_test_wait_until (has_main_window, &run->run, "the main window");
  g_action_group_activate_action (G_ACTION_GROUP (run->run.app), "preferences", NULL);
  preferences = wait_for_toplevel (HEARTH_TYPE_PREFERENCES_WINDOW);
  autostart_switch = hearth_test_child (preferences, HEARTH_TYPE_PREFERENCES_WINDOW, "autostart_switch");

  /* The person says no: the switch goes back off, and nothing is written. */
  set_portal_answer (run, "deny");
  gtk_switch_set_active (autostart_switch, TRUE);
  answered = (PortalAnswered) { run, 1, FALSE };
  hearth_test_wait_until (portal_answered, &answered, "the portal's refusal");
  g_assert_false (gtk_switch_get_active (autostart_switch));
  calls = portal_calls (run);
  g_assert_nonnull (strstr (calls[0], "\"autostart\": true"));
  g_assert_nonnull (strstr (calls[0], "\"commandline\": [\"hearth\", \"--background\"]"));
  /* Asked over the window that asked, not over nothing. */
  g_assert_nonnull (strstr (calls[0], "\"parent_window\": \"x11:"));
  g_clear_pointer (&calls, g_strfreev);
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));

  /* The dialog dismissed: the same. */
  set_portal_answer (run, "cancel");
  gtk_switch_set_active (autostart_switch, TRUE);
  answered = (PortalAnswered) { run, 2, FALSE };
  hearth_test_wait_until (portal_answered, &answered, "the dismissed dialog");
  g_assert_false (gtk_switch_get_active (autostart_switch));

  /* Allowed: the switch stays on; the portal, not Hearth, writes the entry. */
  set_portal_answer (run, "allow");
  gtk_switch_set_active (autostart_switch, TRUE);
  answered = (PortalAnswered) { run, 3, TRUE };
  hearth_test_wait_until (portal_answered, &answered, "the portal's consent");
  g_assert_true (gtk_switch_get_active (autostart_switch));
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));

  /* Switched off: the portal is told so, once. */
  gtk_switch_set_active (autostart_switch, FALSE);
  answered = (PortalAnswered) { run, 4, FALSE };
  hearth_test_wait_until (portal_answered, &answered, "the portal to hear it off");
  calls = portal_calls (run);
  g_assert_nonnull (strstr (calls[3], "\"autostart\": false"));
  g_assert_false (g_settings_get_boolean (settings, "start-with-session"));

  run->run.done = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (run->run.app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
test_background_portal (void)
{
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autofree char *portal_dir = hearth_test_make_temp_dir ();
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "ui", "background-portal.py", NULL);
  g_autoptr (HearthApplication) app = hearth_application_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr (GSubprocess) portal = NULL;
  PortalRun run = { { app, dir, FALSE, NULL }, portal_dir };
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  set_portal_answer (&run, "deny");
  portal = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", script, portal_dir, NULL);
  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr (GVariant) owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                                "org.freedesktop.DBus", "NameHasOwner",
                                                                g_variant_new ("(s)",
                                                                               "org.freedesktop.portal.Desktop"),
                                                                G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                                                NULL, &error);
      gboolean has_owner = FALSE;

      g_assert_no_error (error);
      g_variant_get (owner, "(b)", &has_owner);
      if (has_owner)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50000);
    }

  /* A test build asks the portal when told to (HEARTH_TEST_PORTAL), as in a
   * Flatpak sandbox. */
  g_setenv ("HEARTH_TEST_PORTAL", "1", TRUE);
  run_application (&run.run, drive_background_portal);
  g_unsetenv ("HEARTH_TEST_PORTAL");

  g_subprocess_force_exit (portal);
  g_subprocess_wait (portal, NULL, NULL);
  hearth_test_remove_tree (portal_dir);
  hearth_test_remove_tree (dir);
}

static void
test_runs_in_background (void)
{
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autoptr (HearthApplication) app = hearth_application_new ();
  char *argv[] = { "hearth", "--data-dir", dir, NULL };
  Run run = { app, dir, FALSE };
  int status;

  /* A family with a capsule that opens tomorrow, on the real clock. */
  {
    g_autofree char *path = g_build_filename (dir, HEARTH_STORE_FILE_NAME, NULL);
    g_autoptr (HearthClock) clock = hearth_clock_new_system ();
    g_autoptr (GError) error = NULL;
    g_autoptr (HearthStore) store = hearth_store_open (path, clock, &error);
    g_autoptr (HearthAuth) auth = hearth_test_auth_new (store);
    g_autoptr (HearthCircles) circles = hearth_circles_new (hearth_auth_get_guard (auth));
    g_autoptr (HearthLifelog) lifelog = hearth_lifelog_new (hearth_auth_get_guard (auth));
    g_autoptr (HearthActor) ada = NULL;
    g_autoptr (HearthCircle) family = NULL;
    g_autoptr (HearthLifelogEntry) capsule = NULL;
    g_auto (GStrv) keys = NULL;

    g_assert_no_error (error);
    ada = hearth_auth_create_profile (auth, "ada", "Ada", NULL, "Tapioca-Harbour-71", &keys, &error);
    g_assert_no_error (error);
    family = hearth_circles_create (circles, ada, "Family", &error);
    g_assert_no_error (error);
    capsule = hearth_lifelog_write (lifelog, ada, hearth_circle_get_id (family), "For tomorrow",
                                    g_get_real_time () + G_TIME_SPAN_DAY, &error);
    g_assert_no_error (error);
  }

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_idle_add (drive_background, &run);

  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.done);
  hearth_test_remove_tree (dir);
}

static gboolean
title_is (gpointer user_data)
{
  Run *run = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  return HEARTH_IS_WINDOW (window) && g_strcmp0 (gtk_window_get_title (window), run->expected_title) == 0;
}

static gboolean
drive_sample (gpointer user_data)
{
  Run *run = user_data;
  g_autofree char *sample_path = g_build_filename (run->dir, "sample", HEARTH_STORE_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) maria = NULL;
  const HearthSampleProfile *profiles;
  HearthWindow *window;
  guint n;

  hearth_test_wait_until (has_main_window, run, "the main window");
  run->expected_title = "Welcome to Hearth";
  hearth_test_wait_until (title_is, run, "the welcome page");

  /* From the welcome page: a separate database, made the first time. */
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "open-sample", NULL);
  run->expected_title = "Sample Family · Sign In – Hearth";
  hearth_test_wait_until (title_is, run, "the sample family's picker");
  window = HEARTH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (run->app)));
  g_assert_true (g_file_test (sample_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (hearth_store_get_path (hearth_application_get_store (run->app)), ==, sample_path);
  profiles = hearth_sample_get_profiles (&n);
  {
    GtkLabel *hint = hearth_test_child (hearth_test_child (window, HEARTH_TYPE_WINDOW, "sign_in"),
                                        HEARTH_TYPE_SIGN_IN_VIEW, "hint_label");

    AdwWindowTitle *header = hearth_test_child (hearth_test_child (window, HEARTH_TYPE_WINDOW, "sign_in"),
                                                HEARTH_TYPE_SIGN_IN_VIEW, "header_title");

    g_assert_cmpstr (adw_window_title_get_subtitle (header), ==, "Sample Family");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
    for (guint i = 0; i < n; i++)
      g_assert_nonnull (strstr (gtk_label_get_label (hint), profiles[i].password));
  }
  hearth_test_wait_for_draw (GTK_WIDGET (window));
  g_free (hearth_test_save_png (GTK_WIDGET (window), "sample-picker"));

  /* Maria signs in with the password shown: Home and Finance are full. */
  maria = hearth_auth_sign_in (hearth_context_get_auth (hearth_application_get_context (run->app)),
                               profiles[0].username, profiles[0].password, FALSE, NULL, &error);
  g_assert_no_error (error);
  hearth_window_start (window, maria);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Sample Family · Maria Lopez – Hearth");
  hearth_test_wait_until (stack_settled, hearth_test_child (window, HEARTH_TYPE_WINDOW, "mode_stack"),
                          "the main view");
  hearth_test_wait_for_draw (GTK_WIDGET (window));
  g_free (hearth_test_save_png (GTK_WIDGET (window), "sample-home"));
  g_assert_true (hearth_window_show_module (window, "finance"));
  hearth_test_wait_until (stack_settled, hearth_test_child (window, HEARTH_TYPE_WINDOW, "stack"), "Finance");
  hearth_test_wait_for_draw (GTK_WIDGET (window));
  g_free (hearth_test_save_png (GTK_WIDGET (window), "sample-finance"));

  /* Left again: the family's own database, still without a profile. */
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "leave-sample", NULL);
  run->expected_title = "Welcome to Hearth";
  hearth_test_wait_until (title_is, run, "the family's own welcome page");
  g_assert_cmpstr (hearth_store_get_path (hearth_application_get_store (run->app)), !=, sample_path);
  window = HEARTH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (run->app)));
  g_assert_cmpstr (adw_window_title_get_subtitle (hearth_test_child (hearth_test_child (window, HEARTH_TYPE_WINDOW,
                                                                                        "sign_in"),
                                                                     HEARTH_TYPE_SIGN_IN_VIEW, "header_title")),
                   ==, "");

  run->done = TRUE;
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

static void
test_sample_family (void)
{
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autoptr (HearthApplication) app = hearth_application_new ();
  Run run = { app, dir, FALSE };

  run_application (&run, drive_sample);
  hearth_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  hearth_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/shell/main-window", test_main_window);
  g_test_add_func ("/ui/shell/quit-closes-the-database", test_quit_closes_the_database);
  g_test_add_func ("/ui/shell/unreadable-database", test_unreadable_database);
  g_test_add_func ("/ui/shell/runs-in-background", test_runs_in_background);
  g_test_add_func ("/ui/shell/background-portal", test_background_portal);
  g_test_add_func ("/ui/shell/sample-family", test_sample_family);

  return g_test_run ();
}
