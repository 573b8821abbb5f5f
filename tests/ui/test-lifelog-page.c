/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <string.h>

#include "hearth-clock.h"
#include "hearth-home-page.h"
#include "hearth-lifelog-page.h"
#include "hearth-password.h"
#include "hearth-scheduler.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-test-ui.h"
#include "hearth-window.h"

/*
 * The Life Log page and Home on a real display, on a fake clock: an entry
 * written in the box, a capsule sealed for a day picked in the calendar and
 * shown as a locked card, the scheduler opening it when the clock reaches
 * its day, and Home's "On this day" and "Opening soon". Screens go to
 * build/tests/screenshots/.
 */

#define DAY G_TIME_SPAN_DAY

typedef struct
{
  HearthTestFamily  family;
  HearthContext    *context;
  HearthWindow     *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  hearth_test_family_set_up (&f->family, "Mum", "The Lovelaces");
  f->context = hearth_test_context_new (&f->family);
  f->window = hearth_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hearth_test_finalize (&f->context);
  hearth_test_family_tear_down (&f->family);
}

static gboolean
settled (gpointer user_data)
{
  Fixture *f = user_data;

  return !gtk_stack_get_transition_running (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "mode_stack")) &&
         !gtk_stack_get_transition_running (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "stack"));
}

static void
show (Fixture    *f,
      const char *module)
{
  g_assert_true (hearth_window_show_module (f->window, module));
  hearth_test_wait_until (settled, f, "the window's transitions");
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Whether a visible label under @root reads @text, or begins with it. */
static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  g_autoptr (GPtrArray) labels = hearth_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_is_visible (label) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), text))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shown;

static gboolean
shown (gpointer user_data)
{
  Shown *wanted = user_data;

  drain ();
  return shows (wanted->root, wanted->text);
}

static void
test_write_seal_and_open (Fixture       *f,
                          gconstpointer  data)
{
  HearthLifelogPage *page = hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "lifelog_page");
  GtkTextView *text = NULL;
  g_autoptr (GPtrArray) views = NULL;
  g_autoptr (GDateTime) now = hearth_clock_dup_now (f->family.clock);
  g_autoptr (GDateTime) in_a_week = g_date_time_add_days (now, 7);
  g_autoptr (HearthScheduler) scheduler = NULL;
  g_autoptr (HearthActor) again = NULL;
  g_autoptr (GError) error = NULL;
  Shown opened = { GTK_WIDGET (page), "Dear Ada, on your birthday" };

  hearth_window_start (f->window, f->family.owner);
  show (f, "lifelog");
  g_assert_true (shows (GTK_WIDGET (page), "No Memories Yet"));
  g_assert_true (shows (GTK_WIDGET (page), "What happened today?"));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "lifelog-empty"));

  /* Written in the box. */
  views = hearth_test_find_all (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpuint (views->len, ==, 1);
  text = g_ptr_array_index (views, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Ada rode her bike without help today.", -1);
  g_assert_false (shows (GTK_WIDGET (page), "What happened today?"));
  hearth_lifelog_page_post (page);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (hearth_lifelog_page_get_timeline (page)), ==, 1);
  g_assert_true (shows (GTK_WIDGET (page), "What happened today?"));
  g_assert_true (shows (GTK_WIDGET (page), "Ada rode her bike"));

  /* Sealed until a day in the calendar: a locked card, no words. */
  hearth_clock_advance (f->family.clock, G_USEC_PER_SEC);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Dear Ada, on your birthday: we are proud of you.", -1);
  hearth_lifelog_page_set_seal_date (page, in_a_week);
  hearth_lifelog_page_post (page);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (hearth_lifelog_page_get_timeline (page)), ==, 2);
  g_assert_true (shows (GTK_WIDGET (page), "A time capsule from Mum · opens on"));
  g_assert_false (shows (GTK_WIDGET (page), "Dear Ada"));
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "lifelog-sealed"));

  /* Home says it opens soon, and what happened on this day is empty. */
  show (f, "home");
  g_assert_true (shows (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "home_page"), "A time capsule from Mum"));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "home-opening-soon"));

  /* Its day comes: the scheduler opens it and the card shows its words. */
  scheduler = hearth_scheduler_new (f->family.store);
  hearth_scheduler_add_kind (scheduler, hearth_lifelog_capsule_kind ());
  hearth_scheduler_start (scheduler);
  hearth_clock_set_now (f->family.clock, g_date_time_to_unix (in_a_week) * G_USEC_PER_SEC);
  again = hearth_auth_sign_in (f->family.auth, "mum", HEARTH_TEST_PASSWORD, FALSE, NULL, &error);
  g_assert_no_error (error);
  hearth_window_start (f->window, again);
  show (f, "lifelog");
  hearth_test_wait_until (shown, &opened, "the capsule to open");
  g_assert_true (shows (GTK_WIDGET (page), "A time capsule from Mum · opened on"));
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "lifelog-opened"));
}

/* A visitor reads the life log: the empty page does not invite them to write,
 * for they have no box to write in. */
static void
test_visitor_is_not_invited_to_write (Fixture       *f,
                                      gconstpointer  data)
{
  HearthLifelogPage *page = hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "lifelog_page");
  AdwStatusPage *empty = NULL;
  HearthActor *kid = hearth_test_family_add (&f->family, "Kid", HEARTH_ROLE_VISITOR);
  HearthSession *session = hearth_window_get_session (f->window);
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (GPtrArray) views = NULL;

  /* The page follows the window's session. */
  hearth_session_set (session, kid, f->family.circle_id);
  pages = hearth_test_find_all (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_cmpuint (pages->len, ==, 1);
  empty = g_ptr_array_index (pages, 0);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (empty)));
  g_assert_false (shows (GTK_WIDGET (page), "What happened today?"));
  views = hearth_test_find_all (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_false (gtk_widget_is_visible (g_ptr_array_index (views, 0)));
  g_assert_null (strstr (adw_status_page_get_description (empty), "Write"));
  g_assert_nonnull (strstr (adw_status_page_get_description (empty), "will appear here"));

  /* Mum, who may write, is invited. */
  hearth_session_set (session, f->family.owner, f->family.circle_id);
  g_assert_nonnull (strstr (adw_status_page_get_description (empty), "Write what happened today"));
}

static void
test_home_on_this_day (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthLifelogEntry) entry = NULL;
  g_autoptr (HearthActor) again = NULL;
  GtkWidget *home = hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "home_page");

  g_autoptr (GDateTime) today = g_date_time_new_from_unix_local (HEARTH_TEST_EPOCH / G_USEC_PER_SEC);
  g_autoptr (GDateTime) two_years_ago = g_date_time_add_years (today, -2);

  /* The same calendar day two years ago, then back to today. */
  hearth_clock_set_now (f->family.clock, g_date_time_to_unix (two_years_ago) * G_USEC_PER_SEC);
  entry = hearth_lifelog_write (f->family.lifelog, f->family.owner, f->family.circle_id,
                                "The first snow in the garden.", 0, &error);
  g_assert_no_error (error);
  hearth_clock_set_now (f->family.clock, HEARTH_TEST_EPOCH);
  again = hearth_auth_sign_in (f->family.auth, "mum", HEARTH_TEST_PASSWORD, FALSE, NULL, &error);
  g_assert_no_error (error);

  hearth_window_start (f->window, again);
  show (f, "home");
  g_assert_true (shows (home, "The first snow in the garden."));
  g_assert_true (shows (home, "No time capsule opens in the next thirty days."));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "home-on-this-day"));
}

static gboolean
scrolled_down (gpointer user_data)
{
  drain ();
  return gtk_adjustment_get_value (user_data) > 0;
}

/* What a capsule's notification does: the Life Log, with its entry in view. */
static void
test_show_entry (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  HearthLifelogPage *page = hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "lifelog_page");
  g_autoptr (GPtrArray) lists = NULL;
  GtkAdjustment *scroll;
  gint64 oldest = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("Day %u of the summer.", i + 1);
      g_autoptr (HearthLifelogEntry) entry = hearth_lifelog_write (f->family.lifelog, f->family.owner,
                                                                   f->family.circle_id, text, 0, &error);

      g_assert_no_error (error);
      if (oldest == 0)
        oldest = hearth_lifelog_entry_get_id (entry);
      hearth_clock_advance (f->family.clock, G_USEC_PER_SEC);
    }
  hearth_window_start (f->window, f->family.owner);
  show (f, "home");
  lists = hearth_test_find_all (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW);
  g_assert_cmpuint (lists->len, ==, 1);
  scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (g_ptr_array_index (lists, 0)));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);

  g_assert_true (hearth_window_show_entry (f->window, oldest));
  hearth_test_wait_until (settled, f, "the window's transitions");
  hearth_test_wait_until (scrolled_down, scroll, "the timeline to scroll to the oldest entry");
  g_assert_cmpstr (hearth_window_get_visible_module (f->window), ==, "lifelog");
  g_assert_false (hearth_window_show_entry (f->window, 999999));
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "lifelog-show-entry"));
}

int
main (int   argc,
      char *argv[])
{
  hearth_test_ui_init (&argc, &argv);

  g_test_add ("/ui/lifelog/write-seal-and-open", Fixture, NULL, fixture_set_up, test_write_seal_and_open,
              fixture_tear_down);
  g_test_add ("/ui/lifelog/visitor-is-not-invited-to-write", Fixture, NULL, fixture_set_up,
              test_visitor_is_not_invited_to_write, fixture_tear_down);
  g_test_add ("/ui/lifelog/show-entry", Fixture, NULL, fixture_set_up, test_show_entry, fixture_tear_down);
  g_test_add ("/ui/lifelog/home-on-this-day", Fixture, NULL, fixture_set_up, test_home_on_this_day,
              fixture_tear_down);

  return g_test_run ();
}
