/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-bench"

#include "config.h"

#include "hearth-bench.h"
#include "hearth-sample.h"

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

/* The benchmarks' dataset is the sample family (hearth-sample.c) with @rows
 * lines in its joint account over twenty years: one generator for both.
 * Returns Maria, signed in, with her family circle and the joint account. */
HearthActor *
hearth_bench_make_family (HearthAuth *auth,
                          guint       rows,
                          gint64     *out_circle_id,
                          gint64     *out_account_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) ids = NULL;
  HearthSampleOptions options = { 2026, 20, rows, 0, NULL, NULL };
  const HearthSampleProfile *profiles;
  HearthActor *maria;
  guint n;

  hearth_sample_generate (auth, &options, &error);
  hearth_bench_check (error);
  profiles = hearth_sample_get_profiles (&n);
  maria = hearth_auth_sign_in (auth, profiles[0].username, profiles[0].password, FALSE, NULL, &error);
  hearth_bench_check (error);
  ids = hearth_store_prepare (hearth_auth_get_store (auth),
                              "SELECT circle_id, id FROM accounts WHERE type = 'BANK' ORDER BY id LIMIT 1", &error);
  hearth_bench_check (error);
  hearth_statement_fetch_one (ids, &error);
  hearth_bench_check (error);
  *out_circle_id = hearth_statement_get_int64 (ids, 0);
  *out_account_id = hearth_statement_get_int64 (ids, 1);
  return maria;
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
