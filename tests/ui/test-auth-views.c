/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include "hearth-auth.h"
#include "hearth-clock.h"
#include "hearth-onboarding.h"
#include "hearth-sign-in-view.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-test-ui.h"

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
  HearthActor      *signed_in;
} Fixture;

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static void
signed_in_cb (HearthSignInView *view,
              HearthActor      *actor,
              const char       *token,
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
  f->auth = hearth_auth_new (f->store, hearth_password_cost_cheapest ());
  ada = hearth_auth_create_profile (f->auth, "ada", "Ada Lovelace", NULL, ADA_PASSWORD, &f->keys, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 640, 560);
  f->view = g_object_new (HEARTH_TYPE_SIGN_IN_VIEW, NULL);
  g_signal_connect (f->view, "signed-in", G_CALLBACK (signed_in_cb), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  hearth_sign_in_view_start (f->view, f->auth);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->signed_in);
  g_clear_pointer (&f->keys, g_strfreev);
  g_clear_object (&f->auth);
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
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
  GtkStack *pages = child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "pages");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, page);
  hearth_test_wait_until (stack_settled, pages, "the page transition");
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), png));
}

static void
pick_ada (Fixture *f)
{
  GtkListBox *list = child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "profiles_list");
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
  GtkEditable *field = child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "password_row");
  GtkWidget *button = child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "sign_in_button");

  gtk_editable_set_text (field, password);
  g_signal_emit_by_name (button, "clicked");
  /* Insensitive while Argon2id works in its thread. */
  g_assert_false (gtk_widget_get_sensitive (button));
}

static void
test_picker_and_sign_in (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *button = child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "sign_in_button");

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
  GtkLabel *label = child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "password_error");

  return g_str_has_prefix (gtk_label_get_label (label), "Too many failed attempts. Try again in");
}

static void
test_cooldown_counts_down (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *button = child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "sign_in_button");
  GtkLabel *label = child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "password_error");
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

  /* A second later it says less. */
  {
    gint64 until = g_get_monotonic_time () + 1100 * 1000;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpstr (gtk_label_get_label (label), !=, first);
  g_assert_null (f->signed_in);
}

static gboolean
on_page (gpointer user_data)
{
  Fixture *f = user_data;
  GtkStack *pages = child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "pages");

  return g_strcmp0 (gtk_stack_get_visible_child_name (pages), "password") == 0 &&
         gtk_widget_get_sensitive (child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "reset_button"));
}

static void
test_forgot_password (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *forgot = child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "forgot_button");

  pick_ada (f);
  g_signal_emit_by_name (forgot, "clicked");
  hearth_test_wait_until (stack_settled, child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "pages"), "the page");
  gtk_editable_set_text (child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "key_row"), f->keys[4]);
  gtk_editable_set_text (child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "new_password_row"), "Marmalade-Quarry-38");
  gtk_editable_set_text (child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "new_confirm_row"), "Marmalade-Quarry-38");
  show (f, "forgot", "sign-in-forgot-password");

  g_signal_emit_by_name (child (f->view, HEARTH_TYPE_SIGN_IN_VIEW, "reset_button"), "clicked");
  hearth_test_wait_until (on_page, f, "the password page after the reset");

  type_password_and_sign_in (f, "Marmalade-Quarry-38");
  hearth_test_wait_until (signed_in, f, "the sign-in with the new password");
}

int
main (int   argc,
      char *argv[])
{
  hearth_test_ui_init (&argc, &argv);

  g_test_add ("/ui/auth/picker-and-sign-in", Fixture, NULL, fixture_set_up, test_picker_and_sign_in, fixture_tear_down);
  g_test_add ("/ui/auth/cooldown-counts-down", Fixture, NULL, fixture_set_up, test_cooldown_counts_down, fixture_tear_down);
  g_test_add ("/ui/auth/forgot-password", Fixture, NULL, fixture_set_up, test_forgot_password, fixture_tear_down);

  return g_test_run ();
}
