/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-bench"

#include "config.h"

#include <adwaita.h>

#include "hearth-auth.h"
#include "hearth-bench.h"
#include "hearth-clock.h"
#include "hearth-store.h"

/*
 * One sign-in at the application's Argon2id cost (MODERATE), and whether the
 * window keeps drawing meanwhile: a spinning window counts its frames while
 * hearth_auth_sign_in_async() works in its thread. Needs a display:
 *
 *   build-aux/test-env.sh env GSETTINGS_SCHEMA_DIR=build/data build/bench/bench-sign-in
 */

#define RUNS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  guint  frames;
  gint64 last_frame;
  gint64 longest_gap;
  gboolean done;
} Watch;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  if (watch->last_frame != 0)
    watch->longest_gap = MAX (watch->longest_gap, now - watch->last_frame);
  watch->last_frame = now;
  watch->frames++;
  return G_SOURCE_CONTINUE;
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) actor = hearth_auth_sign_in_finish (HEARTH_AUTH (source), result, NULL, &error);

  if (actor == NULL)
    g_error ("%s", error->message);
  watch->done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hearth-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, HEARTH_STORE_FILE_NAME, NULL);
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  g_autoptr (HearthStore) store = hearth_store_open (path, clock, &error);
  g_autoptr (HearthGuard) guard = NULL;
  g_autoptr (HearthAuth) auth = NULL;
  g_autoptr (HearthActor) ada = NULL;
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto (GStrv) keys = NULL;
  GtkWidget *window;
  GtkWidget *spinner;
  Watch watch = { 0 };
  gint64 start;

  if (store == NULL)
    g_error ("%s", error->message);

  adw_init ();
  guard = hearth_guard_new (store);
  auth = hearth_auth_new (guard, hearth_password_cost_default ());
  ada = hearth_auth_create_profile (auth, "ada", "Ada Lovelace", NULL, "Tapioca-Harbour-71", &keys, &error);
  if (ada == NULL)
    g_error ("%s", error->message);

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr (HearthActor) actor = NULL;
      double ms;

      start = g_get_monotonic_time ();
      actor = hearth_auth_sign_in (auth, "ada", "Tapioca-Harbour-71", FALSE, NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (actor == NULL)
        g_error ("%s", error->message);
      g_array_append_val (samples, ms);
    }
  g_array_sort (samples, compare_doubles);
  g_print ("Sign-in at the application's cost (Argon2id MODERATE, %zu MiB), median of %d runs\n\n",
           hearth_password_cost_default ().memlimit / (1024 * 1024), RUNS);
  hearth_bench_print_header ();
  hearth_bench_print_row ("Sign-in at Argon2id MODERATE", "<= 1000 ms", g_array_index (samples, double, RUNS / 2),
                          1000, "ms");

  window = gtk_window_new ();
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_window_set_child (GTK_WINDOW (window), spinner);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_add_tick_callback (spinner, tick_cb, &watch, NULL);

  /* The same window with nothing else to do, as the baseline. */
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < (gint64) (g_array_index (samples, double, RUNS / 2) * 1000))
    g_main_context_iteration (NULL, FALSE);
  hearth_bench_print_row ("Idle window: longest gap between frames", "", watch.longest_gap / 1000.0, 0, "ms");
  watch = (Watch) { 0 };

  start = g_get_monotonic_time ();
  hearth_auth_sign_in_async (auth, "ada", "Tapioca-Harbour-71", NULL, NULL, signed_in_cb, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  hearth_bench_print_row ("Window's longest frame gap during sign-in", "<= 50 ms", watch.longest_gap / 1000.0, 50,
                          "ms");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
