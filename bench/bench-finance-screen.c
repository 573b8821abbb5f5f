/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-bench"

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include <adwaita.h>

#include "hearth-auth.h"
#include "hearth-bench.h"
#include "hearth-clock.h"
#include "hearth-context.h"
#include "hearth-password.h"
#include "hearth-sample.h"
#include "hearth-window.h"

/*
 * The Finance screen at a family's scale, on a display: a ledger of ROWS
 * transactions, then, in a fresh process each run, the time from exec to the
 * first frame that shows the ledger, and the frame times while the ledger
 * jumps to random places (a scroll bar dragged about), with the process's peak
 * memory. Needs a display and a session bus; run by hand:
 *
 *   build-aux/test-env.sh env GSETTINGS_SCHEMA_DIR=build/data build/bench/bench-finance-screen [ROWS]
 *
 * The dataset is the sample family (hearth-sample.c) with ROWS lines. The
 * window is Hearth's own (HearthWindow with its Finance page), rendered with
 * GSK_RENDERER=cairo as under Xvfb there is no GPU. The profiles' passwords
 * are hashed at the cheapest cost, so that sign-in is not what is measured
 * (bench-sign-in measures it at the application's cost).
 */

#define N_RUNS 5
#define N_JUMPS 300

/* In the measured process -------------------------------------------------------------- */

typedef struct
{
  gint64          exec_time;
  GtkWidget      *window;
  GtkColumnView  *ledger;
  GtkAdjustment  *scroll;
  GRand          *rand;
  double          first_frame_ms;
  GArray         *frames;
  gint64          jump_start;
  guint           jumps;
  GMainLoop      *loop;
  gboolean        empty;        /* no profile: the first frame is onboarding's */
  gboolean        first_only;   /* stop at the first frame (callgrind) */
} Screen;

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* In the frame's update phase: the next jump. */
static gboolean
jump_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Screen *screen = user_data;
  double top = gtk_adjustment_get_upper (screen->scroll) - gtk_adjustment_get_page_size (screen->scroll);

  if (screen->jumps >= N_JUMPS)
    return G_SOURCE_REMOVE;
  screen->jump_start = g_get_monotonic_time ();
  gtk_adjustment_set_value (screen->scroll, g_rand_double_range (screen->rand, 0, MAX (top, 0)));
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* After each frame is painted: the first that shows the ledger's rows, then
 * each jump's frame. */
static void
after_paint_cb (GdkFrameClock *clock,
                Screen        *screen)
{
  if (screen->first_frame_ms == 0 && screen->empty)
    {
      if (!gtk_widget_get_mapped (screen->window))
        return;
      screen->first_frame_ms = (g_get_monotonic_time () - screen->exec_time) / 1000.0;
      g_main_loop_quit (screen->loop);
      return;
    }
  if (screen->first_frame_ms == 0)
    {
      GListModel *rows;

      screen->ledger = GTK_COLUMN_VIEW (find_widget (screen->window, GTK_TYPE_COLUMN_VIEW));
      rows = screen->ledger != NULL ? G_LIST_MODEL (gtk_column_view_get_model (screen->ledger)) : NULL;
      if (rows == NULL || !gtk_widget_get_mapped (GTK_WIDGET (screen->ledger)) ||
          g_list_model_get_n_items (rows) == 0 || gtk_widget_get_height (GTK_WIDGET (screen->ledger)) == 0)
        return;
      screen->first_frame_ms = (g_get_monotonic_time () - screen->exec_time) / 1000.0;
      if (screen->first_only)
        {
          g_main_loop_quit (screen->loop);
          return;
        }
      screen->scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (screen->ledger));
      gtk_widget_add_tick_callback (GTK_WIDGET (screen->ledger), jump_cb, screen, NULL);
      return;
    }

  if (screen->jump_start != 0)
    {
      double ms = hearth_bench_ms_since (screen->jump_start);

      g_array_append_val (screen->frames, ms);
      screen->jump_start = 0;
      if (++screen->jumps == N_JUMPS)
        g_main_loop_quit (screen->loop);
    }
}

static int
run_screen (const char *path,
            gint64      exec_time,
            gboolean    first_only)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  g_autoptr (HearthStore) store = NULL;
  g_autoptr (HearthGuard) guard = NULL;
  g_autoptr (HearthAuth) auth = NULL;
  g_autoptr (HearthContext) context = NULL;
  g_autoptr (HearthKeyring) keyring = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (HearthActor) actor = NULL;
  g_autoptr (GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Screen screen = { exec_time };
  gboolean has_profiles;
  struct rusage usage;
  guint n_profiles;

  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE_PATH "/icons");
  store = hearth_store_open (path, clock, &error);
  hearth_bench_check (error);
  guard = hearth_guard_new (store);
  auth = hearth_auth_new (guard, hearth_password_cost_cheapest ());
  keyring = hearth_keyring_new ("io.github.hearthapp.Hearth.Bench");
  settings = g_settings_new ("io.github.hearthapp.Hearth");
  has_profiles = hearth_auth_has_profiles (auth, &error);
  hearth_bench_check (error);
  if (has_profiles)
    {
      actor = hearth_auth_sign_in (auth, hearth_sample_get_profiles (&n_profiles)[0].username,
                                   hearth_sample_get_profiles (&n_profiles)[0].password, FALSE, NULL, &error);
      hearth_bench_check (error);
    }
  screen.empty = !has_profiles;
  screen.first_only = first_only;

  context = hearth_context_new (auth, settings, keyring);
  screen.window = GTK_WIDGET (hearth_window_new (NULL, context));
  screen.frames = frames;
  screen.rand = rand;
  screen.loop = loop;
  gtk_window_set_default_size (GTK_WINDOW (screen.window), 1000, 700);
  hearth_window_start (HEARTH_WINDOW (screen.window), actor);
  if (actor != NULL)
    hearth_window_show_module (HEARTH_WINDOW (screen.window), "finance");
  gtk_window_present (GTK_WINDOW (screen.window));
  g_signal_connect (gtk_widget_get_frame_clock (screen.window), "after-paint", G_CALLBACK (after_paint_cb), &screen);
  g_main_loop_run (loop);

  getrusage (RUSAGE_SELF, &usage);
  if (frames->len == 0)
    g_array_append_val (frames, (double) { 0 });
  g_print ("%f %f %f %f %f\n", screen.first_frame_ms, hearth_bench_percentile (frames, 0.5),
           hearth_bench_percentile (frames, 0.95), hearth_bench_percentile (frames, 0.99), usage.ru_maxrss / 1024.0);
  gtk_window_destroy (GTK_WINDOW (screen.window));
  return EXIT_SUCCESS;
}

/* The benchmark -------------------------------------------------------------------------- */

/* Runs the measured process in @mode on @path, as a new exec, and reads its
 * figures: first frame, frame p50, p95, p99 (ms), peak RSS (MB). */
static void
run_child (const char *self_path,
           const char *mode,
           const char *path,
           double      figures[5])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *exec_time = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  g_autofree char *out = NULL;
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "GSK_RENDERER", "cairo", TRUE);
  const char *child[] = { self_path, mode, path, exec_time, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) child, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    hearth_bench_check (error);
  if (sscanf (out, "%lf %lf %lf %lf %lf", &figures[0], &figures[1], &figures[2], &figures[3], &figures[4]) != 5)
    g_error ("The screen said: %s", out);
}

static char *
make_dataset (const char *dir,
              guint       rows)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  char *path = g_build_filename (dir, HEARTH_STORE_FILE_NAME, NULL);
  g_autoptr (HearthStore) store = hearth_store_open (path, clock, &error);
  g_autoptr (HearthGuard) guard = NULL;
  g_autoptr (HearthAuth) auth = NULL;
  g_autoptr (HearthActor) maria = NULL;
  gint64 family_id, account_id;

  hearth_bench_check (error);
  guard = hearth_guard_new (store);
  auth = hearth_auth_new (guard, hearth_password_cost_cheapest ());
  maria = hearth_bench_make_family (auth, rows, &family_id, &account_id);
  hearth_auth_sign_out (auth, maria, NULL);
  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) p50 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) p95 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) p99 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) empty_first = g_array_new (FALSE, FALSE, sizeof (double));
  guint rows;

  /* The measured process: bench-finance-screen --screen PATH EXEC-TIME; with
   * --first-frame it stops at the first frame (for callgrind, run-all.sh). */
  if (argc == 4 && (g_str_equal (argv[1], "--screen") || g_str_equal (argv[1], "--first-frame")))
    {
      gtk_init ();
      return run_screen (argv[2], g_ascii_strtoll (argv[3], NULL, 10), g_str_equal (argv[1], "--first-frame"));
    }
  /* bench-finance-screen --dataset DIR ROWS: makes the dataset and says where. */
  if (argc == 4 && g_str_equal (argv[1], "--dataset"))
    {
      g_autofree char *made = make_dataset (argv[2], (guint) strtoul (argv[3], NULL, 10));

      g_print ("%s\n", made);
      return EXIT_SUCCESS;
    }

  rows = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 1000000;
  dir = g_dir_make_tmp ("hearth-bench-XXXXXX", NULL);
  path = make_dataset (dir, rows);

  for (guint run = 0; run < N_RUNS; run++)
    {
      double figures[5];

      run_child (argv[0], "--screen", path, figures);
      g_array_append_val (first, figures[0]);
      g_array_append_val (p50, figures[1]);
      g_array_append_val (p95, figures[2]);
      g_array_append_val (p99, figures[3]);
      g_array_append_val (rss, figures[4]);
    }
  /* The same with a database that has no profile yet: onboarding's frame. */
  {
    g_autofree char *empty_dir = g_dir_make_tmp ("hearth-bench-XXXXXX", NULL);
    g_autofree char *empty_path = g_build_filename (empty_dir, HEARTH_STORE_FILE_NAME, NULL);
    g_autoptr (HearthClock) clock = hearth_clock_new_system ();
    g_autoptr (GError) error = NULL;
    g_autoptr (HearthStore) empty_store = hearth_store_open (empty_path, clock, &error);

    hearth_bench_check (error);
    g_clear_object (&empty_store);
    for (guint run = 0; run < N_RUNS; run++)
      {
        double figures[5];

        run_child (argv[0], "--first-frame", empty_path, figures);
        g_array_append_val (empty_first, figures[0]);
      }
    hearth_bench_remove_dir (empty_dir);
  }

  g_print ("Hearth's Finance screen: %u transactions in one account, Xvfb, GSK_RENDERER=cairo\n", rows);
  g_print ("(medians of %d runs, each a new process; %d jumps per run)\n\n", N_RUNS, N_JUMPS);
  hearth_bench_print_header ();
  hearth_bench_print_row ("Exec to the first frame, empty database", "<= 300 ms",
                          hearth_bench_percentile (empty_first, 0.5), 300, "ms");
  hearth_bench_print_row ("Exec to the first frame of the ledger", "<= 300 ms",
                          hearth_bench_percentile (first, 0.5), 300, "ms");
  hearth_bench_print_row ("Frame while jumping, p50", "", hearth_bench_percentile (p50, 0.5), 0, "ms");
  hearth_bench_print_row ("Frame while jumping, p95", "<= 8 ms", hearth_bench_percentile (p95, 0.5), 8, "ms");
  hearth_bench_print_row ("Frame while jumping, p99", "", hearth_bench_percentile (p99, 0.5), 0, "ms");
  hearth_bench_print_row ("Peak memory (RSS) of the screen's process", "<= 150 MB",
                          hearth_bench_percentile (rss, 0.5), 150, "MB");
  hearth_bench_remove_dir (dir);
  return EXIT_SUCCESS;
}
