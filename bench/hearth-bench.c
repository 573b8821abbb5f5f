/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-bench"

#include "config.h"

#include "hearth-bench.h"

const char * const hearth_bench_words[] = {
  "Groceries", "Rent", "Electricity", "Water", "Bakery", "School trip", "Bus pass", "Petrol", "Pharmacy",
  "Birthday present", "Cinema", "Pizza", "Books", "Shoes", "Dentist", "Insurance", "Salary", "Pocket money",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p quantile of @samples (sorted in place). */
double
hearth_bench_percentile (GArray *samples,
                         double  p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, MIN ((guint) (p * samples->len), samples->len - 1));
}

void
hearth_bench_check (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

double
hearth_bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

void
hearth_bench_print_header (void)
{
  g_print ("| %-44s | %-10s | %14s | %-4s |\n", "figure", "target", "measured", "");
  g_print ("|%s|%s|%s|%s|\n", "----------------------------------------------", "------------",
           "----------------", "------");
}

/* One line of the table; @limit 0 for a figure without a target. */
void
hearth_bench_print_row (const char *figure,
                        const char *target,
                        double      measured,
                        double      limit,
                        const char *unit)
{
  g_print ("| %-44s | %-10s | %10.3f %-3s | %-4s |\n", figure, target, measured, unit,
           limit <= 0 ? "" : measured <= limit ? "pass" : "miss");
}

/* @rows transactions in one account over twenty years from 2006, one in
 * ten money in, with a family's descriptions; deterministic. */
void
hearth_bench_generate_ledger (HearthStore *store,
                              gint64       account_id,
                              gint64       user_id,
                              guint        rows)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (2026);

  hearth_store_begin (store, &error);
  hearth_bench_check (error);
  for (guint i = 0; i < rows; i++)
    {
      g_autoptr (HearthStatement) insert = NULL;
      char date[11];
      guint day = i * 7300u / rows;
      GDate when;

      g_date_clear (&when, 1);
      g_date_set_dmy (&when, 1, 1, 2006);
      g_date_add_days (&when, day);
      g_snprintf (date, sizeof date, "%04u-%02u-%02u", g_date_get_year (&when), g_date_get_month (&when),
                  g_date_get_day (&when));

      insert = hearth_store_prepare (store,
                                     "INSERT INTO transactions (account_id, amount, direction, status, category_id, "
                                     "created_by, created_at, occurred_on, description, payee) "
                                     "VALUES (?, ?, ?, 'POSTED', NULL, ?, 0, ?, ?, '')",
                                     &error);
      hearth_bench_check (error);
      hearth_statement_bind_int64 (insert, 1, account_id);
      hearth_statement_bind_int64 (insert, 2, g_rand_int_range (rand, 100, 250000));
      hearth_statement_bind_text (insert, 3, g_rand_int_range (rand, 0, 10) == 0 ? "IN" : "OUT");
      hearth_statement_bind_int64 (insert, 4, user_id);
      hearth_statement_bind_text (insert, 5, date);
      hearth_statement_bind_text (insert, 6, hearth_bench_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (hearth_bench_words))]);
      hearth_statement_run (insert, &error);
      hearth_bench_check (error);
    }
  hearth_store_execute (store,
                        "UPDATE accounts SET balance = (SELECT sum (CASE direction WHEN 'IN' THEN amount "
                        "ELSE -amount END) FROM transactions WHERE account_id = accounts.id), "
                        "transaction_count = (SELECT count(*) FROM transactions WHERE account_id = accounts.id)",
                        &error);
  hearth_bench_check (error);
  hearth_store_commit (store, &error);
  hearth_bench_check (error);
}

/* Removes a benchmark's temporary folder and the files in it. */
void
hearth_bench_remove_dir (const char *dir)
{
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, 0,
                                                                    NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr (GFile) child = g_file_get_child (folder, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (folder, NULL, NULL);
}
