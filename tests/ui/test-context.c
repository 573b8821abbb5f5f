/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include "hearth-context.h"
#include "hearth-session.h"
#include "hearth-test-common.h"
#include "hearth-test-family.h"
#include "hearth-test-ui.h"
#include "hearth-window.h"

/*
 * The context the application hands a window, and the session the window's
 * pages follow: one actor and circle for all of them, announced only once
 * both hold, and each page following the store only while someone is signed
 * in.
 */

typedef struct
{
  HearthTestFamily  family;
  HearthContext    *context;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  hearth_test_family_set_up (&f->family, "Olivia", "Family");
  f->context = hearth_test_context_new (&f->family);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hearth_test_finalize (&f->context);
  hearth_test_family_tear_down (&f->family);
}

/* The services work on the auth's guard and store. */
static void
test_context_holds_one_store (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) circles = NULL;

  g_assert_true (hearth_context_get_auth (f->context) == f->family.auth);
  g_assert_true (hearth_context_get_store (f->context) == f->family.store);
  g_assert_true (hearth_context_get_guard (f->context) == hearth_auth_get_guard (f->family.auth));
  g_assert_true (hearth_context_get_clock (f->context) == f->family.clock);
  g_assert_true (hearth_circles_get_store (hearth_context_get_circles (f->context)) == f->family.store);
  g_assert_true (hearth_finance_get_store (hearth_context_get_finance (f->context)) == f->family.store);
  g_assert_true (hearth_lifelog_get_store (hearth_context_get_lifelog (f->context)) == f->family.store);

  /* What the family's own service made, the context's reads. */
  circles = hearth_circles_list (hearth_context_get_circles (f->context), f->family.owner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circles->len, ==, 2);
}

typedef struct
{
  HearthSession *session;
  GPtrArray     *seen;   /* "actor:ID circle:ID" at each notify */
  guint          changed;
} Watch;

static void
changed_cb (HearthSession *session,
            Watch         *watch)
{
  watch->changed++;
}

static void
notify_cb (HearthSession *session,
           GParamSpec    *pspec,
           Watch         *watch)
{
  HearthActor *actor = hearth_session_get_actor (session);

  g_ptr_array_add (watch->seen,
                   g_strdup_printf ("%s %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, pspec->name,
                                    actor != NULL ? hearth_actor_get_user_id (actor) : 0,
                                    hearth_session_get_circle_id (session)));
}

/* Both values change before either is announced, and "changed" follows
 * once; nothing changed, nothing is said. */
static void
test_session_notifies_once_both_hold (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr (HearthSession) session = hearth_session_new ();
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  HearthActor *owner = f->family.owner;
  gint64 user = hearth_actor_get_user_id (owner);
  g_autofree char *actor_line = g_strdup_printf ("actor %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, user,
                                                 f->family.circle_id);
  g_autofree char *circle_line = g_strdup_printf ("circle-id %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, user,
                                                  f->family.circle_id);
  Watch watch = { session, seen, 0 };

  g_assert_null (hearth_session_get_actor (session));
  g_assert_cmpint (hearth_session_get_circle_id (session), ==, 0);
  g_signal_connect (session, "notify", G_CALLBACK (notify_cb), &watch);
  g_signal_connect (session, "changed", G_CALLBACK (changed_cb), &watch);

  hearth_session_set (session, owner, f->family.circle_id);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, actor_line);
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, circle_line);
  g_assert_cmpuint (watch.changed, ==, 1);

  hearth_session_set (session, owner, f->family.circle_id);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpuint (watch.changed, ==, 1);

  hearth_session_set_circle_id (session, f->family.circle_id + 1);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (seen, 2), "circle-id "));
  g_assert_cmpuint (watch.changed, ==, 2);

  hearth_session_set (session, NULL, 0);
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (seen, 3), ==, "actor 0/0");
  g_assert_cmpstr (g_ptr_array_index (seen, 4), ==, "circle-id 0/0");
  g_assert_cmpuint (watch.changed, ==, 3);
  g_signal_handlers_disconnect_by_data (session, &watch);
}

static gboolean
follows (HearthStore *store,
         const char  *table)
{
  return g_signal_has_handler_pending (store, g_signal_lookup ("changed", HEARTH_TYPE_STORE),
                                       g_quark_from_string (table), FALSE);
}

/* The pages follow the store while someone is signed in, and stop when
 * nobody is, or when the window goes. */
static void
test_pages_follow_the_store_while_signed_in (Fixture       *f,
                                             gconstpointer  data)
{
  HearthStore *store = f->family.store;
  HearthWindow *window = hearth_window_new (NULL, f->context);
  HearthSession *session = hearth_window_get_session (window);

  hearth_window_start (window, NULL);
  g_assert_null (hearth_session_get_actor (session));
  g_assert_false (follows (store, "accounts"));
  g_assert_false (follows (store, "lifelogs"));
  g_assert_false (follows (store, "permission_policies"));

  hearth_window_start (window, f->family.owner);
  g_assert_true (hearth_session_get_actor (session) == f->family.owner);
  g_assert_cmpint (hearth_session_get_circle_id (session), ==, f->family.circle_id);
  g_assert_true (follows (store, "accounts"));   /* Finance */
  g_assert_true (follows (store, "lifelogs"));   /* Home */
  g_assert_true (follows (store, "permission_policies"));   /* Circles */

  hearth_window_start (window, NULL);
  g_assert_false (follows (store, "accounts"));
  g_assert_false (follows (store, "lifelogs"));
  g_assert_false (follows (store, "permission_policies"));

  hearth_window_start (window, f->family.owner);
  g_assert_true (follows (store, "accounts"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (follows (store, "accounts"));
  g_assert_false (follows (store, "circles"));
}

int
main (int   argc,
      char *argv[])
{
  hearth_test_ui_init (&argc, &argv);

  g_test_add ("/context/holds-one-store", Fixture, NULL, fixture_set_up, test_context_holds_one_store,
              fixture_tear_down);
  g_test_add ("/context/session-notifies-once-both-hold", Fixture, NULL, fixture_set_up,
              test_session_notifies_once_both_hold, fixture_tear_down);
  g_test_add ("/context/pages-follow-the-store-while-signed-in", Fixture, NULL, fixture_set_up,
              test_pages_follow_the_store_while_signed_in, fixture_tear_down);

  return g_test_run ();
}
