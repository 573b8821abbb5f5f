/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include "hearth-account-security-window.h"
#include "hearth-auth.h"
#include "hearth-auth-error.h"
#include "hearth-clock.h"
#include "hearth-onboarding.h"
#include "hearth-sign-in-view.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-test-ui.h"
#include "hearth-window.h"
#include "hearth-window-private.h"

/*
 * The sign-in views on a real display, on a cheap Argon2id cost: the profile
 * picker, the password page with its countdown, and the recovery-key reset.
 * Each screen is saved as a PNG under build/tests/screenshots/.
 */

#define ADA_PASSWORD "Tapioca-Harbour-71"

typedef struct
{
  char             *dir;
  HearthClock      *clock;
  HearthStore      *store;
  HearthAuth       *auth;
  GStrv             keys;
  GtkWindow        *window;
  HearthSignInView *view;
  HearthKeyring    *keyring;
  HearthActor      *signed_in;
} Fixture;

static void
signed_in_cb (HearthSignInView *view,
              HearthActor      *actor,
              const char       *keyring_message,
              Fixture          *f)
{
  g_set_object (&f->signed_in, actor);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) ada = NULL;

  f->dir = hearth_test_make_temp_dir ();
  /* The real clock: the countdown runs on GLib's timers. */
  f->clock = hearth_clock_new_system ();
  f->store = hearth_test_open_store (f->dir, f->clock);
  f->auth = hearth_test_auth_new (f->store);
  ada = hearth_auth_create_profile (f->auth, "ada", "Ada Lovelace", NULL, ADA_PASSWORD, &f->keys, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 640, 560);
  f->view = g_object_new (HEARTH_TYPE_SIGN_IN_VIEW, NULL);
  g_signal_connect (f->view, "signed-in", G_CALLBACK (signed_in_cb), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  f->keyring = hearth_keyring_new ("io.github.hearthapp.Hearth.DisplayTest");
  hearth_sign_in_view_start (f->view, f->auth, f->keyring);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  hearth_test_finalize (&f->keyring);
  hearth_test_finalize (&f->signed_in);
  g_clear_pointer (&f->keys, g_strfreev);
  hearth_test_finalize (&f->auth);
  hearth_test_finalize (&f->store);
  hearth_test_finalize (&f->clock);
  hearth_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
stack_settled (gpointer user_data)
{
  return !gtk_stack_get_transition_running (user_data);
}

static void
show (Fixture    *f,
      const char *page,
      const char *png)
{
  GtkStack *pages = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "pages");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, page);
  hearth_test_wait_until (stack_settled, pages, "the page transition");
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), png));
}

static void
pick_ada (Fixture *f)
{
  GtkListBox *list = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "profiles_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Ada Lovelace");
  g_signal_emit_by_name (row, "activated");
}

static gboolean
button_sensitive (gpointer user_data)
{
  return gtk_widget_get_sensitive (user_data);
}

static gboolean
signed_in (gpointer user_data)
{
  return ((Fixture *) user_data)->signed_in != NULL;
}

static void
type_password_and_sign_in (Fixture    *f,
                           const char *password)
{
  GtkEditable *field = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "password_row");
  GtkWidget *button = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "sign_in_button");

  gtk_editable_set_text (field, password);
  g_signal_emit_by_name (button, "clicked");
  /* Insensitive while Argon2id works in its thread. */
  g_assert_false (gtk_widget_get_sensitive (button));
}

static void
test_picker_and_sign_in (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *button = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "sign_in_button");

  show (f, "picker", "sign-in-picker");
  pick_ada (f);
  show (f, "password", "sign-in-password");

  type_password_and_sign_in (f, ADA_PASSWORD);
  hearth_test_wait_until (signed_in, f, "the sign-in");
  g_assert_cmpstr (hearth_actor_get_username (f->signed_in), ==, "ada");
  g_assert_true (gtk_widget_get_sensitive (button));
}

static gboolean
shows_countdown (gpointer user_data)
{
  Fixture *f = user_data;
  GtkLabel *label = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "password_error");

  return g_str_has_prefix (gtk_label_get_label (label), "Too many failed attempts. Try again in");
}

static gboolean
label_changed (gpointer user_data)
{
  gpointer *args = user_data;

  return g_strcmp0 (gtk_label_get_label (args[0]), args[1]) != 0;
}

static void
test_cooldown_counts_down (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *button = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "sign_in_button");
  GtkLabel *label = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "password_error");
  g_autofree char *first = NULL;

  pick_ada (f);
  for (int i = 0; i < 4; i++)
    {
      type_password_and_sign_in (f, "wrong password");
      hearth_test_wait_until (button_sensitive, button, "the failed attempt");
      g_assert_cmpstr (gtk_label_get_label (label), ==, "That password is not right.");
    }
  type_password_and_sign_in (f, "wrong password");
  hearth_test_wait_until (shows_countdown, f, "the countdown");
  g_assert_false (gtk_widget_get_sensitive (button));
  first = g_strdup (gtk_label_get_label (label));
  show (f, "password", "sign-in-cooldown");

  /* It counts down: the label changes within a couple of seconds. */
  {
    gpointer args[] = { label, first };

    hearth_test_wait_until (label_changed, args, "the countdown to move");
  }
  g_assert_null (f->signed_in);
}

static gboolean
on_page (gpointer user_data)
{
  Fixture *f = user_data;
  GtkStack *pages = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "pages");

  return g_strcmp0 (gtk_stack_get_visible_child_name (pages), "password") == 0 &&
         gtk_widget_get_sensitive (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "reset_button"));
}

static void
test_forgot_password (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *forgot = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "forgot_button");

  pick_ada (f);
  g_signal_emit_by_name (forgot, "clicked");
  hearth_test_wait_until (stack_settled, hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "pages"), "the page");
  gtk_editable_set_text (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "key_row"), f->keys[4]);
  gtk_editable_set_text (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "new_password_row"),
                         "Marmalade-Quarry-38");
  gtk_editable_set_text (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "new_confirm_row"),
                         "Marmalade-Quarry-38");
  show (f, "forgot", "sign-in-forgot-password");

  g_signal_emit_by_name (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "reset_button"), "clicked");
  hearth_test_wait_until (on_page, f, "the password page after the reset");

  type_password_and_sign_in (f, "Marmalade-Quarry-38");
  hearth_test_wait_until (signed_in, f, "the sign-in with the new password");
}

/* The window: lock, idle lock, switch profile ------------------------------------------ */

typedef struct
{
  HearthTestFamily  family;   /* Ada's */
  HearthContext    *context;
  HearthWindow     *window;
} WindowFixture;

static void
window_set_up (WindowFixture *f,
               gconstpointer  data)
{
  hearth_test_family_set_up (&f->family, "Ada Lovelace", "The Lovelaces");
  f->context = hearth_test_context_new (&f->family);
  f->window = hearth_window_new (NULL, f->context);
  hearth_window_start (f->window, f->family.owner);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_cmpstr (hearth_window_get_mode (f->window), ==, "main");
}

static void
window_tear_down (WindowFixture *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hearth_test_finalize (&f->context);
  hearth_test_family_tear_down (&f->family);
}

static gboolean
in_main_mode (gpointer user_data)
{
  return g_strcmp0 (hearth_window_get_mode (user_data), "main") == 0;
}

static void
test_lock_and_unlock (WindowFixture *f,
                      gconstpointer  data)
{
  HearthSignInView *view = hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "sign_in");
  gint64 session = hearth_actor_get_session_id (f->family.owner);

  /* Ctrl+L's action. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL);
  g_assert_cmpstr (hearth_window_get_mode (f->window), ==, "sign-in");
  g_assert_null (hearth_window_get_actor (f->window));
  g_assert_false (gtk_widget_get_visible (hearth_test_child (view, HEARTH_TYPE_SIGN_IN_VIEW, "stay_row")));
  hearth_test_wait_until (stack_settled, hearth_test_child (view, HEARTH_TYPE_SIGN_IN_VIEW, "pages"), "the page");
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "window-locked"));

  gtk_editable_set_text (hearth_test_child (view, HEARTH_TYPE_SIGN_IN_VIEW, "password_row"), ADA_PASSWORD);
  g_signal_emit_by_name (hearth_test_child (view, HEARTH_TYPE_SIGN_IN_VIEW, "sign_in_button"), "clicked");
  hearth_test_wait_until (in_main_mode, f->window, "the unlock");

  /* The same session goes on. */
  g_assert_cmpint (hearth_actor_get_session_id (hearth_window_get_actor (f->window)), ==, session);
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM auth_sessions"), ==, 1);
}

static void
test_idle_lock (WindowFixture *f,
                gconstpointer  data)
{
  g_settings_set_uint (hearth_context_get_settings (f->context), "idle-lock-minutes", 15);

  hearth_clock_advance (f->family.clock, 15 * G_TIME_SPAN_MINUTE - G_USEC_PER_SEC);
  g_assert_false (_hearth_window_check_idle (f->window));
  g_assert_cmpstr (hearth_window_get_mode (f->window), ==, "main");

  hearth_clock_advance (f->family.clock, G_USEC_PER_SEC);
  g_assert_true (_hearth_window_check_idle (f->window));
  g_assert_cmpstr (hearth_window_get_mode (f->window), ==, "sign-in");
  g_assert_null (hearth_window_get_actor (f->window));
}

static void
test_switch_profile (WindowFixture *f,
                     gconstpointer  data)
{
  HearthSignInView *view = hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "sign_in");
  GtkStack *pages = hearth_test_child (view, HEARTH_TYPE_SIGN_IN_VIEW, "pages");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.switch-profile", NULL);
  g_assert_cmpstr (hearth_window_get_mode (f->window), ==, "sign-in");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "picker");
  /* Nothing is revoked by switching. */
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->family.auth), f->family.owner, NULL));
  hearth_test_wait_until (stack_settled, pages, "the page");
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "window-switch-profile"));
}

/* The window shows the questions as set once its callback has run, after
 * the service saved them. */
static gboolean
questions_set (gpointer user_data)
{
  return g_strcmp0 (adw_action_row_get_subtitle (user_data), "Set") == 0;
}

static gboolean
has_account_security (gpointer user_data)
{
  return hearth_test_find_toplevel (HEARTH_TYPE_ACCOUNT_SECURITY_WINDOW) != NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
test_account_security (WindowFixture *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) elsewhere = NULL;
  GtkWindow *window;
  GtkListBox *sessions;
  GtkListBox *events;
  AdwActionRow *keys;
  GtkWidget *row;
  GtkWidget *button = NULL;

  elsewhere = hearth_auth_sign_in (f->family.auth, "ada", ADA_PASSWORD, FALSE, NULL, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.account-security", NULL);
  hearth_test_wait_until (has_account_security, NULL, "the Account Security window");
  window = hearth_test_find_toplevel (HEARTH_TYPE_ACCOUNT_SECURITY_WINDOW);
  sessions = hearth_test_child (window, HEARTH_TYPE_ACCOUNT_SECURITY_WINDOW, "sessions_list");
  events = hearth_test_child (window, HEARTH_TYPE_ACCOUNT_SECURITY_WINDOW, "events_list");
  keys = hearth_test_child (window, HEARTH_TYPE_ACCOUNT_SECURITY_WINDOW, "keys_row");

  g_assert_cmpstr (adw_action_row_get_subtitle (keys), ==, "8 of 8 left");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (
                   hearth_test_child (window, HEARTH_TYPE_ACCOUNT_SECURITY_WINDOW, "questions_row")), "Not set"));
  g_assert_cmpuint (count_rows (sessions), ==, 2);
  g_assert_cmpuint (count_rows (events), >=, 3);
  g_free (hearth_test_save_png (GTK_WIDGET (window), "account-security"));

  /* The other session has a Sign Out button; this one has none. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (sessions, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, g_get_host_name ());
  {
    /* Find the row's button by walking its widgets. */
    GPtrArray *queue = g_ptr_array_new ();

    g_ptr_array_add (queue, row);
    while (queue->len > 0 && button == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (queue, 0);

        if (GTK_IS_BUTTON (w))
          button = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (queue, c);
      }
    g_ptr_array_unref (queue);
  }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->family.auth), elsewhere, NULL));
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->family.auth), f->family.owner, NULL));
  g_assert_cmpuint (count_rows (sessions), ==, 1);

  /* Choosing security questions: the dialog's fields, then the password. */
  {
    AdwActionRow *questions_row = hearth_test_child (window, HEARTH_TYPE_ACCOUNT_SECURITY_WINDOW, "questions_row");
    GtkWidget *choose = NULL;
    AdwMessageDialog *dialog;
    GtkEditable **entries;
    const char *answers[] = { "Rex", "Bristol", "St Mary's" };

    /* The row's suffix button. */
    for (GtkWidget *w = gtk_widget_get_last_child (GTK_WIDGET (questions_row)); w != NULL && choose == NULL;
         w = gtk_widget_get_last_child (w))
      if (GTK_IS_BUTTON (w))
        choose = w;
    g_assert_nonnull (choose);
    g_signal_emit_by_name (choose, "clicked");
    dialog = ADW_MESSAGE_DIALOG (hearth_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    entries = g_object_get_data (G_OBJECT (dialog), "entries");
    for (guint i = 0; i < 3; i++)
      gtk_editable_set_text (entries[2 * i + 1], answers[i]);
    gtk_editable_set_text (entries[6], ADA_PASSWORD);
    g_free (hearth_test_save_png (GTK_WIDGET (dialog), "account-security-questions"));
    adw_message_dialog_response (dialog, "confirm");
    hearth_test_wait_until (questions_set, questions_row, "the questions to be saved");
    {
      g_auto (GStrv) saved = hearth_auth_dup_security_questions (f->family.auth, "ada", NULL);

      g_assert_cmpuint (g_strv_length (saved), ==, 3);
    }
  }
  gtk_window_destroy (window);
}

/* Onboarding ------------------------------------------------------------------------------ */

typedef struct
{
  HearthActor *actor;
} Finished;

static void
finished_cb (HearthOnboarding *onboarding,
             HearthActor      *actor,
             Finished         *finished)
{
  g_set_object (&finished->actor, actor);
}

static gboolean
has_finished (gpointer user_data)
{
  return ((Finished *) user_data)->actor != NULL;
}

static gboolean
on_step (gpointer user_data)
{
  gpointer *args = user_data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (args[0]), args[1]) == 0 &&
         !gtk_stack_get_transition_running (args[0]);
}

static void
wait_for_step (GtkStack   *steps,
               const char *step)
{
  gpointer args[] = { steps, (gpointer) step };

  hearth_test_wait_until (on_step, args, step);
}

static gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

static void
test_onboarding (void)
{
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  g_autoptr (HearthStore) store = hearth_test_open_store (dir, clock);
  g_autoptr (HearthAuth) auth = hearth_test_auth_new (store);
  g_autoptr (HearthCircles) circles = hearth_circles_new (hearth_auth_get_guard (auth));
  g_autoptr (GPtrArray) mine = NULL;
  g_auto (GStrv) questions = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HearthOnboarding *onboarding = g_object_new (HEARTH_TYPE_ONBOARDING, NULL);
  GtkStack *steps = hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "steps");
  GtkLabel *keys = hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "keys_label");
  GtkLevelBar *strength = hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "strength_bar");
  GtkLabel *strength_label = hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "strength_label");
  Finished finished = { NULL };
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;

  gtk_window_set_default_size (window, 640, 720);
  gtk_window_set_child (window, GTK_WIDGET (onboarding));
  g_signal_connect (onboarding, "finished", G_CALLBACK (finished_cb), &finished);
  hearth_onboarding_start (onboarding, auth, circles, TRUE);
  gtk_window_present (window);
  wait_for_step (steps, "welcome");
  /* The first profile cannot be cancelled: there is nothing to go back to. */
  g_assert_false (gtk_widget_get_visible (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "cancel_button")));
  g_free (hearth_test_save_png (GTK_WIDGET (window), "onboarding-welcome"));

  gtk_stack_set_visible_child_name (steps, "profile");
  gtk_editable_set_text (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "name_row"), "Grace Hopper");
  gtk_editable_set_text (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "username_row"), "grace");
  /* A common password refused by Create Profile is said once, on the
   * strength line, in Hearth's words; the red line stays for other errors. */
  gtk_editable_set_text (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "password_row"), "Sunshine2026!");
  gtk_editable_set_text (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "confirm_row"), "Sunshine2026!");
  g_signal_emit_by_name (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "create_button"), "clicked");
  hearth_test_wait_until (is_sensitive, hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "create_button"),
                          "the refused profile");
  g_assert_false (gtk_widget_get_visible (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "profile_error")));
  g_assert_nonnull (strstr (gtk_label_get_label (strength_label), "most common"));
  g_assert_cmpfloat (gtk_level_bar_get_value (strength), ==, 0);
  wait_for_step (steps, "profile");
  g_free (hearth_test_save_png (GTK_WIDGET (window), "onboarding-common-password"));

  /* A mistyped confirmation is caught before anything is hashed. */
  gtk_editable_set_text (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "confirm_row"), "Marmalade-Quarry-39");
  g_signal_emit_by_name (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "create_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "profile_error")));
  /* A new password clears the old error: the strength line speaks now. */
  gtk_editable_set_text (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "password_row"), "Marmalade-Quarry-38");
  g_assert_false (gtk_widget_get_visible (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "profile_error")));
  g_assert_cmpfloat (gtk_level_bar_get_value (strength), >=, 2);
  gtk_editable_set_text (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "confirm_row"), "Marmalade-Quarry-38");
  wait_for_step (steps, "profile");
  g_free (hearth_test_save_png (GTK_WIDGET (window), "onboarding-profile"));

  g_signal_emit_by_name (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "create_button"), "clicked");
  wait_for_step (steps, "keys");
  lines = g_strsplit (gtk_label_get_label (keys), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_free (hearth_test_save_png (GTK_WIDGET (window), "onboarding-recovery-keys"));

  gtk_stack_set_visible_child_name (steps, "questions");
  wait_for_step (steps, "questions");
  g_assert_true (gtk_widget_get_visible (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "questions_group")));
  g_free (hearth_test_save_png (GTK_WIDGET (window), "onboarding-security-questions"));

  g_signal_emit_by_name (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "skip_button"), "clicked");

  /* Last, the family circle: a name is needed, and the profile owns it. */
  wait_for_step (steps, "circle");
  g_assert_null (finished.actor);
  gtk_editable_set_text (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "circle_name_row"), "   ");
  g_signal_emit_by_name (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "create_circle_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "circle_error")));
  g_assert_null (finished.actor);
  gtk_editable_set_text (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "circle_name_row"), "The Hoppers");
  g_free (hearth_test_save_png (GTK_WIDGET (window), "onboarding-family-circle"));
  g_signal_emit_by_name (hearth_test_child (onboarding, HEARTH_TYPE_ONBOARDING, "create_circle_button"), "clicked");
  hearth_test_wait_until (has_finished, &finished, "the end of onboarding");
  g_assert_cmpstr (hearth_actor_get_username (finished.actor), ==, "grace");
  mine = hearth_circles_list (circles, finished.actor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  g_assert_cmpstr (hearth_circle_get_name (g_ptr_array_index (mine, 1)), ==, "The Hoppers");
  g_assert_cmpint (hearth_circle_get_role (g_ptr_array_index (mine, 1)), ==, HEARTH_ROLE_OWNER);
  questions = hearth_auth_dup_security_questions (auth, "grace", &error);
  g_assert_null (questions);
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_INVALID_INPUT);

  g_clear_object (&finished.actor);
  gtk_window_destroy (window);
  g_clear_object (&auth);
  g_clear_object (&store);
  hearth_test_remove_tree (dir);
}

static void
test_forgot_password_with_questions (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) ada = NULL;
  g_autoptr (GPtrArray) answers = NULL;
  const char * const questions[] = { "First pet?", "Grandparents' town?", "First school?", NULL };
  const char * const truth[] = { "Rex", "Bristol", "St Mary's", NULL };
  GtkWidget *method = hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "method_button");

  /* A new profile is in sudo mode: set Ada's questions. */
  ada = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, FALSE, NULL, &error);
  g_assert_true (hearth_auth_enter_sudo (f->auth, ada, ADA_PASSWORD, &error));
  g_assert_true (hearth_auth_set_security_questions (f->auth, ada, questions, truth, &error));
  g_assert_no_error (error);

  pick_ada (f);
  g_signal_emit_by_name (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "forgot_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (method));
  g_signal_emit_by_name (method, "clicked");
  g_assert_false (gtk_widget_get_visible (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "key_row")));

  answers = hearth_test_find_all (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "answers_group"),
                                  ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_assert_cmpuint (answers->len, ==, 3);
  gtk_editable_set_text (g_ptr_array_index (answers, 0), "rex");
  gtk_editable_set_text (g_ptr_array_index (answers, 1), " BRISTOL ");
  gtk_editable_set_text (g_ptr_array_index (answers, 2), "st  mary's");
  gtk_editable_set_text (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "new_password_row"),
                         "Marmalade-Quarry-38");
  gtk_editable_set_text (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "new_confirm_row"),
                         "Marmalade-Quarry-38");
  show (f, "forgot", "sign-in-security-questions");

  g_signal_emit_by_name (hearth_test_child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "reset_button"), "clicked");
  hearth_test_wait_until (on_page, f, "the password page after the reset");
  type_password_and_sign_in (f, "Marmalade-Quarry-38");
  hearth_test_wait_until (signed_in, f, "the sign-in with the new password");
}

int
main (int   argc,
      char *argv[])
{
  hearth_test_ui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/auth/picker-and-sign-in", test_picker_and_sign_in);
  ADD ("/ui/auth/cooldown-counts-down", test_cooldown_counts_down);
  ADD ("/ui/auth/forgot-password", test_forgot_password);
  ADD ("/ui/auth/forgot-password-with-questions", test_forgot_password_with_questions);

  g_test_add ("/ui/auth/lock-and-unlock", WindowFixture, NULL, window_set_up, test_lock_and_unlock, window_tear_down);
  g_test_add ("/ui/auth/idle-lock", WindowFixture, NULL, window_set_up, test_idle_lock, window_tear_down);
  g_test_add ("/ui/auth/switch-profile", WindowFixture, NULL, window_set_up, test_switch_profile, window_tear_down);
  g_test_add ("/ui/auth/account-security", WindowFixture, NULL, window_set_up, test_account_security, window_tear_down);
  g_test_add_func ("/ui/auth/onboarding", test_onboarding);

  return g_test_run ();
}
