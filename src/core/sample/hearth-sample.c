/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-sample"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearth-categories.h"
#include "hearth-circles.h"
#include "hearth-finance.h"
#include "hearth-lifelog.h"
#include "hearth-recurrence.h"
#include "hearth-tasks.h"
#include "hearth-receipts.h"
#include "hearth-sample.h"
#include "hearth-search-private.h"

/*
 * A family to explore, and the benchmarks' datasets: one generator, sizes as
 * options, the same family from the same seed. Four profiles with known demo
 * passwords (two parents, two children), the family circle with their roles
 * and each one's personal circle, a joint account with years of household
 * money and a wallet of pocket money (categories, tags, a few receipts), a
 * life log, a time capsule that opens in three days, and the family's chores:
 * the bins, the dishes and homework, some paying pocket money, one of Noah's
 * done and waiting for a parent's approval. Profiles, circles, accounts, the
 * life log, receipts and chores go through the services, as a person's
 * actions would; the ledger's lines, which are many, are written in one
 * transaction with their balances and counts, as an import would.
 */

static const HearthSampleProfile profiles[] = {
  { "maria", "Maria Lopez", "Harbour-Lantern-41", HEARTH_ROLE_OWNER },
  { "tom", "Tom Lopez", "Copper-Meadow-27", HEARTH_ROLE_ADMIN },
  { "lina", "Lina Lopez", "Violet-Comet-63", HEARTH_ROLE_EDITOR },
  /* An editor: a child who does chores ticks them. */
  { "noah", "Noah Lopez", "Paper-Dragon-58", HEARTH_ROLE_EDITOR },
};

/**
 * hearth_sample_get_profiles:
 * @out_n: (out): how many
 *
 * Returns: (transfer none) (array length=out_n): the sample family's profiles,
 *   with the demo passwords the picker shows
 */
const HearthSampleProfile *
hearth_sample_get_profiles (guint *out_n)
{
  *out_n = G_N_ELEMENTS (profiles);
  return profiles;
}

static const struct
{
  const char *description;
  const char *payee;
  const char *category;
  int         min_cents;
  int         max_cents;
  int         weight;
} spending[] = {
  { "Weekly groceries", "Market Hall", "Groceries", 4000, 16000, 30 },
  { "Bread and milk", "Corner Bakery", "Groceries", 300, 1200, 20 },
  { "Petrol", "Fuel Station", "Transport", 3000, 8000, 8 },
  { "Bus passes", "City Transit", "Transport", 2000, 6000, 4 },
  { "Electricity", "Power & Light", "Utilities", 6000, 14000, 3 },
  { "Water", "Waterworks", "Utilities", 2000, 5000, 2 },
  { "Pizza night", "Luigi's", "Eating Out", 2500, 6000, 6 },
  { "School trip", "Riverside School", "Education", 1500, 9000, 2 },
  { "Football club", "FC Riverside", "Entertainment", 2500, 4000, 2 },
  { "Pharmacy", "Green Cross", "Health", 500, 4500, 4 },
  { "Shoes for Noah", "Shoe Box", "Clothing", 3000, 7000, 2 },
  { "Birthday present", "Toy Corner", "Gifts", 1500, 6000, 2 },
  { "Books", "Bookworm", "Education", 800, 4000, 3 },
  { "Cinema", "Odeon", "Entertainment", 2000, 5000, 3 },
};

static const char * const memories[] = {
  "Lina rode her bike all the way to the lake without stopping.",
  "Noah lost his first tooth at breakfast and hid it under the pillow.",
  "Rain all day: we built a blanket fort and read three books in it.",
  "Grandma's 70th: the whole family at the long table in the garden.",
  "First snow of the year. Noah wanted to sleep in his snow suit.",
  "Lina's school concert: she played the violin solo, and Tom cried.",
  "Camping by the river. The tent leaked, and it was the best night.",
  "We planted the apple tree that Maria's father gave us.",
};

typedef struct
{
  const HearthSampleOptions *options;
  GRand                     *rand;
  gint64                     account_id;
  gint64                     user_id;
  GHashTable                *categories;  /* name → id */
  gint64                     school_tag;
  gint64                     holiday_tag;
  GArray                    *tagged;      /* ids of lines for the holiday tag */
} Ledger;

static int
pick_spending (GRand *rand)
{
  int total = 0;
  int choice;

  for (guint i = 0; i < G_N_ELEMENTS (spending); i++)
    total += spending[i].weight;
  choice = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (spending); i++)
    {
      if (choice < spending[i].weight)
        return (int) i;
      choice -= spending[i].weight;
    }
  return 0;
}

/* The ledger's lines, oldest first, over the years before @now: a salary at
 * each month's start, spending between. Balances and counts follow in the
 * same transaction. */
static gboolean
write_ledger (HearthStore  *store,
              gpointer      user_data,
              GError      **error)
{
  Ledger *ledger = user_data;
  guint rows = ledger->options->transactions;
  gint64 days = (gint64) ledger->options->years * 365;
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_local (hearth_store_now (store) / G_USEC_PER_SEC);
  g_autoptr (GDateTime) start = g_date_time_add_days (now, (int) -days);

  for (guint i = 0; i < rows; i++)
    {
      g_autoptr (HearthStatement) insert = NULL;
      g_autoptr (GDateTime) day = g_date_time_add_days (start, (int) ((gint64) i * days / MAX (rows, 1)));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      gboolean salary = i % 40 == 0;
      int kind = pick_spending (ledger->rand);
      gint64 amount = salary ? 380000 + g_rand_int_range (ledger->rand, 0, 20000)
                             : g_rand_int_range (ledger->rand, spending[kind].min_cents, spending[kind].max_cents);
      gpointer category = salary ? NULL : g_hash_table_lookup (ledger->categories, spending[kind].category);

      insert = hearth_store_prepare (store,
                                     "INSERT INTO transactions (account_id, amount, direction, status, category_id, "
                                     "created_by, created_at, occurred_on, description, payee) "
                                     "VALUES (?, ?, ?, 'POSTED', ?, ?, ?, ?, ?, ?) RETURNING id",
                                     error);
      if (insert == NULL)
        return FALSE;
      hearth_statement_bind_int64 (insert, 1, ledger->account_id);
      hearth_statement_bind_int64 (insert, 2, amount);
      hearth_statement_bind_text (insert, 3, salary ? "IN" : "OUT");
      if (category != NULL)
        hearth_statement_bind_int64 (insert, 4, *(gint64 *) category);
      else
        hearth_statement_bind_null (insert, 4);
      hearth_statement_bind_int64 (insert, 5, ledger->user_id);
      hearth_statement_bind_int64 (insert, 6, g_date_time_to_unix (day) * G_USEC_PER_SEC);
      hearth_statement_bind_text (insert, 7, date);
      hearth_statement_bind_text (insert, 8, salary ? "Salary" : spending[kind].description);
      hearth_statement_bind_text (insert, 9, salary ? "Riverside Hospital" : spending[kind].payee);
      if (!hearth_statement_fetch_one (insert, error))
        return FALSE;
      if (!salary && g_str_equal (spending[kind].category, "Education") && ledger->school_tag != 0)
        {
          g_autoptr (HearthStatement) tag = hearth_store_prepare (store,
                                                                  "INSERT INTO tag_relations (tag_id, entity_id, "
                                                                  "entity_type) VALUES (?, ?, 'transaction')",
                                                                  error);

          if (tag == NULL)
            return FALSE;
          hearth_statement_bind_int64 (tag, 1, ledger->school_tag);
          hearth_statement_bind_int64 (tag, 2, hearth_statement_get_int64 (insert, 0));
          if (!hearth_statement_run (tag, error))
            return FALSE;
        }
      if (i + 1 == rows || i % 97 == 5)
        {
          gint64 id = hearth_statement_get_int64 (insert, 0);

          g_array_append_val (ledger->tagged, id);
        }
      if (ledger->options->progress != NULL && i % 10000 == 0)
        ledger->options->progress (i, rows, ledger->options->progress_data);
    }

  return hearth_store_execute (store,
                               "UPDATE accounts SET "
                               "  balance = ifnull ((SELECT sum (CASE direction WHEN 'IN' THEN amount ELSE -amount "
                               "                                 END) FROM transactions "
                               "                     WHERE account_id = accounts.id AND status = 'POSTED'), 0), "
                               "  transaction_count = (SELECT count(*) FROM transactions "
                               "                       WHERE account_id = accounts.id)",
                               error);
}

typedef struct
{
  GPtrArray *actors;
  gint64     family_id;
} Memories;

/* Written as if on their days: memory i is i × 140 days old, and the first
 * two are one and two years old to the day. Indexed for search as the life
 * log would. */
static gboolean
write_memories (HearthStore  *store,
                gpointer      user_data,
                GError      **error)
{
  Memories *memory = user_data;
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_local (hearth_store_now (store) / G_USEC_PER_SEC);

  for (guint i = 0; i < G_N_ELEMENTS (memories); i++)
    {
      g_autoptr (HearthStatement) insert = NULL;
      g_autoptr (GDateTime) when = i < 2 ? g_date_time_add_years (now, -(int) (i + 1))
                                         : g_date_time_add_days (now, -140 * (int) i);
      gint64 id;

      insert = hearth_store_prepare (store,
                                     "INSERT INTO lifelogs (circle_id, author_id, content, created_at) "
                                     "VALUES (?, ?, ?, ?) RETURNING id",
                                     error);
      if (insert == NULL)
        return FALSE;
      hearth_statement_bind_int64 (insert, 1, memory->family_id);
      hearth_statement_bind_int64 (insert, 2, hearth_actor_get_user_id (g_ptr_array_index (memory->actors, i % 3)));
      hearth_statement_bind_text (insert, 3, memories[i]);
      hearth_statement_bind_int64 (insert, 4, g_date_time_to_unix (when) * G_USEC_PER_SEC);
      if (!hearth_statement_fetch_one (insert, error))
        return FALSE;
      id = hearth_statement_get_int64 (insert, 0);
      /* Done with before the index is written to. */
      g_clear_pointer (&insert, hearth_statement_release);
      if (!_hearth_search_add (store, HEARTH_SEARCH_KIND_LIFELOG, id, memories[i], error))
        return FALSE;
    }
  return TRUE;
}

/* A small PNG of one pixel: a receipt's stand-in. */
static GFile *
write_receipt (const char  *dir,
               guint        n,
               GError     **error)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
    0, 0, 0, 0x90, 0x77, 0x53, 0xde, 0, 0, 0, 12, 'I', 'D', 'A', 'T', 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0, 0,
    3, 1, 1, 0, 0x18, 0xdd, 0x8d, 0xb0, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };
  g_autofree char *name = g_strdup_printf ("receipt-%u.png", n);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!g_file_set_contents (path, (const char *) png, sizeof png, error))
    return NULL;
  return g_file_new_for_path (path);
}

/**
 * hearth_sample_generate:
 * @auth: on the empty store to fill (a new file)
 * @options: the sizes and the seed
 *
 * Fills the store with the sample family. The same options make the same
 * family, line for line (dates count back from the store clock's now).
 */
/* A chore: due next at @hour on the day @days from today (all day when -1),
 * repeating by @repeat, given to the profiles @who (indexes of @actors), and
 * paying @reward. */
static gint64
add_chore (HearthTasks  *tasks,
           GPtrArray    *actors,
           gint64        family_id,
           const char   *title,
           int           days,
           int           hour,
           HearthRepeat  repeat,
           const guint  *who,
           gint64        reward,
           GError      **error)
{
  HearthActor *maria = g_ptr_array_index (actors, 0);
  HearthStore *store = hearth_tasks_get_store (tasks);
  g_autoptr (HearthTask) task = hearth_tasks_create (tasks, maria, family_id, title, error);
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_local (hearth_store_now (store) / G_USEC_PER_SEC);
  g_autoptr (GDateTime) day = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), MAX (hour, 0), 0, 0);
  g_autoptr (GDateTime) due = g_date_time_add_days (day, days);
  g_autofree char *rule = hearth_recurrence_rule_for (repeat, due);
  gint64 id;

  if (task == NULL)
    return 0;
  id = hearth_task_get_id (task);
  if (!hearth_tasks_set_due (tasks, maria, id, g_date_time_to_unix (due) * G_USEC_PER_SEC, hour < 0, rule, error) ||
      (reward != 0 && !hearth_tasks_set_reward (tasks, maria, id, reward, error)))
    return 0;
  for (guint i = 0; who[i] != 0; i++)
    if (!hearth_tasks_assign (tasks, maria, id, hearth_actor_get_user_id (g_ptr_array_index (actors, who[i])), error))
      return 0;
  return id;
}

/* The family's chores; Noah took out the bins yesterday, and waits for a
 * parent to approve his pocket money. What is still to do falls due from
 * tomorrow: a family opening the sample is not greeted by reminders of
 * chores it never had (and the tests do not depend on the hour). */
static gboolean
add_chores (HearthAuth  *auth,
            GPtrArray   *actors,
            gint64       family_id,
            GError     **error)
{
  static const guint lina[] = { 2, 0 };
  static const guint noah[] = { 3, 0 };
  static const guint children[] = { 2, 3, 0 };
  static const guint maria[] = { 0, 0 };
  g_autoptr (HearthTasks) tasks = hearth_tasks_new (hearth_auth_get_guard (auth));
  gint64 bins;

  bins = add_chore (tasks, actors, family_id, _("Take out the bins"), -1, 19, HEARTH_REPEAT_WEEKLY, noah, 150, error);
  return bins != 0 &&
         hearth_tasks_complete (tasks, g_ptr_array_index (actors, 3), bins, error) != 0 &&
         add_chore (tasks, actors, family_id, _("Do the dishes"), 1, 20, HEARTH_REPEAT_DAILY, lina, 100, error) != 0 &&
         add_chore (tasks, actors, family_id, _("Homework"), 1, -1, HEARTH_REPEAT_WEEKDAYS, children, 0, error) != 0 &&
         add_chore (tasks, actors, family_id, _("Book the dentist"), 10, 9, HEARTH_REPEAT_NEVER, maria, 0, error) != 0;
}

gboolean
hearth_sample_generate (HearthAuth                *auth,
                        const HearthSampleOptions *options,
                        GError                   **error)
{
  HearthStore *store = hearth_auth_get_store (auth);
  g_autoptr (HearthCircles) circles = hearth_circles_new (hearth_auth_get_guard (auth));
  g_autoptr (HearthFinance) finance = hearth_finance_new (hearth_auth_get_guard (auth));
  g_autoptr (HearthLifelog) lifelog = hearth_lifelog_new (hearth_auth_get_guard (auth));
  g_autoptr (GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (HearthCircle) family = NULL;
  g_autoptr (HearthAccount) joint = NULL;
  g_autoptr (HearthAccount) wallet = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  g_autoptr (GHashTable) category_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GRand) rand = g_rand_new_with_seed (options->seed);
  g_autoptr (HearthTag) school = NULL;
  g_autoptr (HearthTag) holiday = NULL;
  g_autoptr (GArray) tagged = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *scratch = NULL;
  HearthActor *maria;
  gint64 family_id;
  Ledger ledger = { options, rand };
  Memories memory = { 0 };

  g_return_val_if_fail (HEARTH_IS_AUTH (auth), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_auto (GStrv) keys = NULL;
      HearthActor *actor = hearth_auth_create_profile (auth, profiles[i].username, profiles[i].display_name, NULL,
                                                       profiles[i].password, &keys, error);

      if (actor == NULL)
        return FALSE;
      g_ptr_array_add (actors, actor);
    }
  maria = g_ptr_array_index (actors, 0);

  family = hearth_circles_create (circles, maria, _("The Lopez Family"), error);
  if (family == NULL)
    return FALSE;
  family_id = hearth_circle_get_id (family);
  for (guint i = 1; i < actors->len; i++)
    {
      if (!hearth_circles_add_member (circles, maria, family_id,
                                      hearth_actor_get_user_id (g_ptr_array_index (actors, i)), profiles[i].role,
                                      error))
        return FALSE;
    }

  /* Money: the joint account's years, a wallet of pocket money. */
  joint = hearth_finance_create_account (finance, maria, family_id, _("Joint Account"), "BANK", "EUR", error);
  wallet = joint != NULL ? hearth_finance_create_account (finance, maria, family_id, _("Pocket Money"), "WALLET",
                                                          "EUR", error)
                         : NULL;
  if (wallet == NULL)
    return FALSE;
  for (guint i = 0; i < 24; i++)
    {
      g_autoptr (GDateTime) now = g_date_time_new_from_unix_local (hearth_store_now (store) / G_USEC_PER_SEC);
      g_autoptr (GDateTime) day = g_date_time_add_days (now, -7 * (int) (24 - i));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      HearthTransactionDraft draft = { date, i % 4 == 0 ? 2000 : 150 + g_rand_int_range (rand, 0, 500), i % 4 == 0,
                                       i % 4 == 0 ? _("Pocket money") : _("Ice cream"), "", 0 };

      if (hearth_finance_add_transaction (finance, maria, hearth_account_get_id (wallet), &draft, error) == 0)
        return FALSE;
    }
  categories = hearth_categories_list (hearth_finance_get_categories (finance), maria, family_id, "FINANCE", error);
  if (categories == NULL)
    return FALSE;
  for (guint i = 0; i < categories->len; i++)
    {
      HearthCategory *category = g_ptr_array_index (categories, i);
      gint64 id = hearth_category_get_id (category);

      g_hash_table_insert (category_ids, (gpointer) hearth_category_get_name (category), g_memdup2 (&id, sizeof id));
    }
  school = hearth_categories_create_tag (hearth_finance_get_categories (finance), maria, family_id, "FINANCE",
                                         _("School"), error);
  holiday = school != NULL ? hearth_categories_create_tag (hearth_finance_get_categories (finance), maria, family_id,
                                                           "FINANCE", _("Holiday"), error)
                           : NULL;
  if (holiday == NULL)
    return FALSE;

  ledger.account_id = hearth_account_get_id (joint);
  ledger.user_id = hearth_actor_get_user_id (maria);
  ledger.categories = category_ids;
  ledger.school_tag = hearth_tag_get_id (school);
  ledger.holiday_tag = hearth_tag_get_id (holiday);
  ledger.tagged = tagged;
  hearth_store_set_cache_size (store, 32768);
  if (!hearth_store_transaction (store, write_ledger, &ledger, error))
    {
      hearth_store_set_cache_size (store, 0);
      return FALSE;
    }
  hearth_store_set_cache_size (store, 0);

  /* A few lines as a person keeps them: tagged, with receipts. */
  scratch = g_dir_make_tmp ("hearth-sample-XXXXXX", error);
  if (scratch == NULL)
    return FALSE;
  for (guint i = 0; i < MIN (tagged->len, options->receipts); i++)
    {
      gint64 id = g_array_index (tagged, gint64, tagged->len - 1 - i);
      const char *tags[] = { hearth_tag_get_name (holiday), NULL };
      HearthTransactionDraft values = { .tags = tags };
      g_autoptr (GFile) receipt = write_receipt (scratch, i, error);

      if (receipt == NULL ||
          !hearth_finance_edit_transaction (finance, maria, id, &values, HEARTH_TRANSACTION_FIELD_TAGS, error) ||
          hearth_finance_attach_receipt (finance, maria, id, receipt, NULL, error) == 0)
        return FALSE;
      g_file_delete (receipt, NULL, NULL);
    }
  g_rmdir (scratch);

  /* The life log over the years (two of its days are this day, one and two
   * years ago, for Home), and a capsule opening soon. */
  memory.actors = actors;
  memory.family_id = family_id;
  if (!hearth_store_transaction (store, write_memories, &memory, error))
    return FALSE;
  {
    g_autoptr (HearthLifelogEntry) capsule = NULL;

    capsule = hearth_lifelog_write (lifelog, g_ptr_array_index (actors, 1), family_id,
                                    _("Dear Lina, by the time you read this you will be thirteen. We are so proud "
                                      "of the person you are becoming. Love, Dad"),
                                    hearth_store_now (store) + 3 * G_TIME_SPAN_DAY, error);
    if (capsule == NULL)
      return FALSE;
  }
  if (!add_chores (auth, actors, family_id, error))
    return FALSE;
  {
    g_autoptr (GError) local_error = NULL;

    /* Everyone signs out: the picker comes first. */
    for (guint i = 0; i < actors->len; i++)
      hearth_auth_sign_out (auth, g_ptr_array_index (actors, i), &local_error);
  }
  return TRUE;
}
