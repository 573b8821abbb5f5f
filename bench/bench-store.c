/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "hearth-clock.h"
#include "hearth-bench.h"
#include "hearth-store.h"

/*
 * The store's costs that every later module builds on: creating and migrating a
 * new database (the first launch), opening an existing one (every launch),
 * writing ledger rows in one transaction, and reading one keyset page of a
 * large ledger. Run by hand:
 *
 *   build/bench/bench-store [ROWS]
 *
 * It works in a temporary folder and prints one line per measurement.
 */

#define N_OPEN_RUNS 20
#define N_PAGES 2000
#define PAGE_SIZE 50

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

static gint64
query_int (HearthStore *store,
           const char  *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = hearth_store_prepare (store, sql, &error);

  check (error);
  hearth_statement_fetch_one (statement, &error);
  check (error);
  return hearth_statement_get_int64 (statement, 0);
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static gint64
insert_ledger (HearthStore *store,
               int          rows)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) insert = NULL;
  gint64 account;
  gint64 start;

  hearth_store_execute (store,
                        "INSERT INTO users (username, display_name, created_at, updated_at) "
                        "VALUES ('bench', 'Bench', 1, 1);"
                        "INSERT INTO circles (name, owner_id, created_at) VALUES ('Family', 1, 1);"
                        "INSERT INTO accounts (circle_id, owner_id, type, name, created_at, currency) "
                        "VALUES (1, 1, 'BANK', 'Current account', 1, 'EUR');",
                        &error);
  check (error);
  account = query_int (store, "SELECT max(id) FROM accounts");

  start = g_get_monotonic_time ();
  hearth_store_begin (store, &error);
  check (error);
  insert = hearth_store_prepare (store,
                                 "INSERT INTO transactions (account_id, amount, direction, category_id, "
                                 "created_by, created_at, occurred_on, description, payee) "
                                 "VALUES (?, ?, ?, ?, 1, ?, date ('2016-01-01', '+' || ? || ' days'), ?, ?)",
                                 &error);
  check (error);
  for (int i = 0; i < rows; i++)
    {
      g_autofree char *description = g_strdup_printf ("Groceries, receipt %d", i);

      hearth_statement_bind_int64 (insert, 1, account);
      hearth_statement_bind_int64 (insert, 2, 100 + g_random_int_range (0, 20000));
      hearth_statement_bind_text (insert, 3, i % 5 == 0 ? "IN" : "OUT");
      hearth_statement_bind_int64 (insert, 4, 1 + i % 16);
      hearth_statement_bind_int64 (insert, 5, i);
      hearth_statement_bind_int64 (insert, 6, i / 30);
      hearth_statement_bind_text (insert, 7, description);
      hearth_statement_bind_text (insert, 8, "Corner Shop");
      hearth_statement_run (insert, &error);
      check (error);
      hearth_statement_reset (insert);
    }
  g_clear_pointer (&insert, hearth_statement_release);
  hearth_store_commit (store, &error);
  check (error);

  return g_get_monotonic_time () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = g_dir_make_tmp ("hearth-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (HearthStore) store = NULL;
  g_autoptr (HearthStatement) page = NULL;
  g_autoptr (HearthStatement) plan = NULL;
  GStatBuf st;
  int rows = argc > 1 ? atoi (argv[1]) : 100000;
  gint64 elapsed;

  check (error);
  path = g_build_filename (dir, HEARTH_STORE_FILE_NAME, NULL);

  /* First launch: create and migrate. */
  for (int i = 0; i < N_OPEN_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      HearthStore *fresh = hearth_store_open (path, clock, &error);
      double ms;

      check (error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
      g_object_unref (fresh);
      remove_database (path);
    }
  hearth_bench_print_header ();
  hearth_bench_print_row ("Store: a new database created and migrated", "", median (samples), 0, "ms");

  store = hearth_store_open (path, clock, &error);
  check (error);
  elapsed = insert_ledger (store, rows);
  hearth_bench_print_row ("Store: raw ledger rows inserted per second", "", rows / (elapsed / 1e6) / 1000.0, 0,
                          "k/s");
  g_clear_object (&store);

  /* Every launch after the first. */
  g_array_set_size (samples, 0);
  for (int i = 0; i < N_OPEN_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      HearthStore *existing = hearth_store_open (path, clock, &error);
      double ms;

      check (error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
      g_object_unref (existing);
    }
  hearth_bench_print_row ("Store: an existing database opened", "", median (samples), 0, "ms");

  /* A ledger page at a random place, by keyset (what HearthQueryModel will do). */
  store = hearth_store_open (path, clock, &error);
  check (error);
  plan = hearth_store_prepare (store,
                               "EXPLAIN QUERY PLAN SELECT id FROM transactions "
                               "WHERE account_id = ? AND (occurred_on, id) < (?, ?) "
                               "ORDER BY occurred_on DESC, id DESC LIMIT ?",
                               &error);
  check (error);
  while (hearth_statement_next_row (plan, &error))
    g_print ("  plan: %s\n", hearth_statement_get_text (plan, 3));
  check (error);

  page = hearth_store_prepare (store,
                               "SELECT id, occurred_on, amount, direction, description FROM transactions "
                               "WHERE account_id = 1 AND (occurred_on, id) < (date ('2016-01-01', '+' || ? || ' "
                               "days'), ?) "
                               "ORDER BY occurred_on DESC, id DESC LIMIT ?",
                               &error);
  check (error);
  g_array_set_size (samples, 0);
  for (int i = 0; i < N_PAGES; i++)
    {
      gint64 start = g_get_monotonic_time ();
      int n = 0;
      int position = g_random_int_range (0, rows);
      double us;

      hearth_statement_bind_int64 (page, 1, position / 30);
      hearth_statement_bind_int64 (page, 2, position + 1);
      hearth_statement_bind_int64 (page, 3, PAGE_SIZE);
      while (hearth_statement_next_row (page, &error))
        n++;
      check (error);
      hearth_statement_reset (page);
      us = (double) (g_get_monotonic_time () - start);
      g_array_append_val (samples, us);
      g_assert (n > 0);
    }
  hearth_bench_print_row ("Store: one page read by keyset", "", median (samples) / 1000.0, 0, "ms");

  g_stat (path, &st);
  hearth_bench_print_row ("Store: database file of raw ledger rows", "", st.st_size / 1048576.0, 0, "MiB");

  g_clear_pointer (&page, hearth_statement_release);
  g_clear_pointer (&plan, hearth_statement_release);
  g_clear_object (&store);
  remove_database (path);
  g_rmdir (dir);

  return 0;
}
