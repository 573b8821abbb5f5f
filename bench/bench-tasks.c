/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-bench"

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include <adwaita.h>

#include "hearth-bench.h"
#include "hearth-clock.h"
#include "hearth-context.h"
#include "hearth-password.h"
#include "hearth-sample.h"
#include "hearth-tasks.h"
#include "hearth-window.h"

/*
 * The Tasks page at a large family's scale: TASKS tasks in the sample
 * family's circle (a tenth of them done, a third given to Noah, due over two
 * years or not at all), written in one transaction as an import would. Then:
 * completing a task through the service (one transaction, its log and
 * completion rows), and, in a fresh process each run, the time from exec to
 * the first frame that shows the Tasks page's rows, with the process's peak
 * memory. Needs a display and a session bus; run by hand:
 *
 *   build-aux/test-env.sh env GSETTINGS_SCHEMA_DIR=build/data build/bench/bench-tasks [TASKS]
 *
 * Compare the first frame with bench-finance-screen at the same number of
 * lines (bench/run-all.sh runs both).
 */

#define N_RUNS 5
#define N_COMPLETIONS 200

/* In the measured process -------------------------------------------------------------- */

typedef struct
{
  gint64      exec_time;
  GtkWidget  *window;
  double      first_frame_ms;
  GMainLoop  *loop;
} Screen;

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
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

/* After each frame is painted: the first that shows the page's rows. */
static void
after_paint_cb (GdkFrameClock *clock,
                Screen        *screen)
{
  GtkWidget *list = find_widget (screen->window, GTK_TYPE_LIST_VIEW);
  GListModel *rows = list != NULL ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))) : NULL;

  if (screen->first_frame_ms != 0 || rows == NULL || g_list_model_get_n_items (rows) == 0 ||
      gtk_widget_get_height (list) == 0)
    return;
  screen->first_frame_ms = (g_get_monotonic_time () - screen->exec_time) / 1000.0;
  g_main_loop_quit (screen->loop);
}

static int
run_screen (const char *path,
            gint64      exec_time)
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
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Screen screen = { exec_time };
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
  actor = hearth_auth_sign_in (auth, hearth_sample_get_profiles (&n_profiles)[0].username,
                               hearth_sample_get_profiles (&n_profiles)[0].password, FALSE, NULL, &error);
  hearth_bench_check (error);

  context = hearth_context_new (auth, settings, keyring);
  screen.window = GTK_WIDGET (hearth_window_new (NULL, context));
  screen.loop = loop;
  gtk_window_set_default_size (GTK_WINDOW (screen.window), 1000, 700);
  hearth_window_start (HEARTH_WINDOW (screen.window), actor);
  hearth_window_show_module (HEARTH_WINDOW (screen.window), "tasks");
  gtk_window_present (GTK_WINDOW (screen.window));
  g_signal_connect (gtk_widget_get_frame_clock (screen.window), "after-paint", G_CALLBACK (after_paint_cb), &screen);
  g_main_loop_run (loop);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%f %f\n", screen.first_frame_ms, usage.ru_maxrss / 1024.0);
  gtk_window_destroy (GTK_WINDOW (screen.window));
  return EXIT_SUCCESS;
}

/* The benchmark -------------------------------------------------------------------------- */

typedef struct
{
  guint   n_tasks;
  gint64  circle_id;
  gint64  maria;
  gint64  noah;
} Dataset;

static gboolean
write_tasks (HearthStore  *store,
             gpointer      user_data,
             GError      **error)
{
  Dataset *dataset = user_data;
  g_autoptr (GRand) rand = g_rand_new_with_seed (14);
  g_autoptr (HearthStatement) task = NULL;
  g_autoptr (HearthStatement) assignment = NULL;
  gint64 now = hearth_store_now (store);

  task = hearth_store_prepare (store,
                               "INSERT INTO tasks (circle_id, creator_id, title, status, created_at, due_at, "
                               "due_all_day) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               error);
  assignment = hearth_store_prepare (store, "INSERT INTO task_assignments (task_id, user_id) VALUES (?, ?)", error);
  if (task == NULL || assignment == NULL)
    return FALSE;
  for (guint i = 0; i < dataset->n_tasks; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s %u", hearth_bench_words[i % G_N_ELEMENTS (hearth_bench_words)],
                                                i);
      gint64 id;

      hearth_statement_reset (task);
      hearth_statement_bind_int64 (task, 1, dataset->circle_id);
      hearth_statement_bind_int64 (task, 2, dataset->maria);
      hearth_statement_bind_text (task, 3, title);
      hearth_statement_bind_text (task, 4, g_rand_int_range (rand, 0, 10) == 0 ? "DONE" : "TODO");
      hearth_statement_bind_int64 (task, 5, now - (gint64) (dataset->n_tasks - i) * G_USEC_PER_SEC);
      if (g_rand_int_range (rand, 0, 5) == 0)
        hearth_statement_bind_null (task, 6);
      else
        hearth_statement_bind_int64 (task, 6, now + g_rand_int_range (rand, -365, 365) * G_TIME_SPAN_DAY);
      hearth_statement_bind_int64 (task, 7, g_rand_boolean (rand));
      if (!hearth_statement_fetch_one (task, error))
        return FALSE;
      id = hearth_statement_get_int64 (task, 0);
      if (i % 3 == 0)
        {
          hearth_statement_reset (assignment);
          hearth_statement_bind_int64 (assignment, 1, id);
          hearth_statement_bind_int64 (assignment, 2, dataset->noah);
          if (!hearth_statement_run (assignment, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gint64
user_id (HearthStore *store,
         const char  *username)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = hearth_store_prepare (store, "SELECT id FROM users WHERE username = ?",
                                                                &error);

  hearth_bench_check (error);
  hearth_statement_bind_text (statement, 1, username);
  hearth_statement_fetch_one (statement, &error);
  hearth_bench_check (error);
  return hearth_statement_get_int64 (statement, 0);
}

static char *
make_dataset (const char *dir,
              guint       n_tasks,
              GArray     *commit_ms)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  char *path = g_build_filename (dir, HEARTH_STORE_FILE_NAME, NULL);
  g_autoptr (HearthStore) store = hearth_store_open (path, clock, &error);
  g_autoptr (HearthGuard) guard = NULL;
  g_autoptr (HearthAuth) auth = NULL;
  g_autoptr (HearthActor) maria = NULL;
  g_autoptr (HearthTasks) tasks = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  Dataset dataset = { n_tasks };
  gint64 account_id;

  hearth_bench_check (error);
  guard = hearth_guard_new (store);
  auth = hearth_auth_new (guard, hearth_password_cost_cheapest ());
  maria = hearth_bench_make_family (auth, 1440, &dataset.circle_id, &account_id);
  dataset.maria = hearth_actor_get_user_id (maria);
  dataset.noah = user_id (store, "noah");
  hearth_store_transaction (store, write_tasks, &dataset, &error);
  hearth_bench_check (error);
  hearth_store_execute (store, "ANALYZE", &error);
  hearth_bench_check (error);

  /* Completing one task: the service's whole transaction. */
  tasks = hearth_tasks_new (guard);
  for (guint i = 0; i < N_COMPLETIONS; i++)
    {
      gint64 id = g_rand_int_range (rand, 1, (gint32) n_tasks);
      gint64 start = g_get_monotonic_time ();
      double ms;

      hearth_tasks_set_status (tasks, maria, id, HEARTH_TASK_STATUS_DONE, &error);
      hearth_bench_check (error);
      ms = hearth_bench_ms_since (start);
      g_array_append_val (commit_ms, ms);
    }
  hearth_auth_sign_out (auth, maria, NULL);
  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GArray) commit_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_tasks;

  /* The measured process: bench-tasks --screen PATH EXEC-TIME. */
  if (argc == 4 && g_str_equal (argv[1], "--screen"))
    {
      gtk_init ();
      return run_screen (argv[2], g_ascii_strtoll (argv[3], NULL, 10));
    }

  /* bench-tasks --dataset DIR TASKS: makes the dataset and says where. */
  if (argc == 4 && g_str_equal (argv[1], "--dataset"))
    {
      g_autofree char *made = make_dataset (argv[2], (guint) strtoul (argv[3], NULL, 10), commit_ms);

      g_print ("%s\n", made);
      return EXIT_SUCCESS;
    }

  n_tasks = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  dir = g_dir_make_tmp ("hearth-bench-XXXXXX", NULL);
  path = make_dataset (dir, n_tasks, commit_ms);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *exec_time = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
      g_autofree char *out = NULL;
      g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "GSK_RENDERER", "cairo", TRUE);
      const char *child[] = { argv[0], "--screen", path, exec_time, NULL };
      double figures[2];
      int status;

      if (!g_spawn_sync (NULL, (char **) child, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        hearth_bench_check (error);
      if (sscanf (out, "%lf %lf", &figures[0], &figures[1]) != 2)
        g_error ("The screen said: %s", out);
      g_array_append_val (first, figures[0]);
      g_array_append_val (rss, figures[1]);
    }

  g_print ("Hearth's Tasks page: %u tasks in one circle, Xvfb, GSK_RENDERER=cairo\n", n_tasks);
  g_print ("(medians of %d runs, each a new process; %d completions)\n\n", N_RUNS, N_COMPLETIONS);
  hearth_bench_print_header ();
  hearth_bench_print_row ("Complete a task (one transaction), p50", "", hearth_bench_percentile (commit_ms, 0.5), 0,
                          "ms");
  hearth_bench_print_row ("Complete a task (one transaction), p95", "<= 2 ms",
                          hearth_bench_percentile (commit_ms, 0.95), 2, "ms");
  hearth_bench_print_row ("Exec to the first frame of the Tasks page", "<= 300 ms",
                          hearth_bench_percentile (first, 0.5), 300, "ms");
  hearth_bench_print_row ("Peak memory (RSS) of the Tasks page's process", "<= 150 MB",
                          hearth_bench_percentile (rss, 0.5), 150, "MB");
  hearth_bench_remove_dir (dir);
  return EXIT_SUCCESS;
}
