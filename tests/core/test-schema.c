/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include "hearth-clock.h"
#include "hearth-permissions.h"
#include "hearth-store.h"
#include "hearth-test-common.h"

/*
 * The schema against the user's own: the seed schema (a copy of
 * ../shared/seed/database-schema.md in tests/data/) is parsed here, and every
 * table, column, enum, JSON column and foreign key it names is checked against a
 * freshly migrated database. Rows are made by a generic builder that reads the
 * database's own table_info and foreign_key_list, so that each check changes one
 * value of an otherwise valid row: the failure can only come from that value.
 */

typedef struct
{
  char  *name;
  char  *type;       /* the seed's words after the name */
  GStrv  enum_values; /* NULL unless an ENUM */
  char  *fk_table;   /* NULL unless FK(table.id) */
  gboolean json;
} SeedColumn;

typedef struct
{
  char      *name;
  GPtrArray *columns; /* SeedColumn */
} SeedTable;

static GPtrArray *seed_tables; /* SeedTable, parsed once */

/* The seed's log tables: what history and audit read, never changed. */
static const char * const log_tables[] = {
  "security_events", "circle_events", "permission_logs", "account_audit_logs",
  "transaction_logs", "lifelog_logs", "task_logs", "note_logs", "contact_logs",
  "trip_logs", "audit_logs",
};

/* The columns Hearth adds to the seed's tables (docs/SCHEMA.md). */
static const char * const added_columns[][2] = {
  { "accounts", "currency" },
  { "transactions", "occurred_on" },
  { "transactions", "description" },
  { "transactions", "payee" },
  { "transactions", "import_id" },
  { "trip_budgets", "currency" },
  { "note_reminders", "fired_at" },
  { "auth_sessions", "family_id" },
  { "auth_sessions", "rotated_at" },
  { "auth_sessions", "last_seen_at" },
  { "permission_policies", "circle_id" },
  { "circles", "kind" },
  { "circle_events", "actor_id" },
  { "audit_logs", "circle_id" },
  { "accounts", "balance" },
  { "transaction_logs", "changes" },
  { "categories", "circle_id" },
  { "tags", "circle_id" },
  { "accounts", "transaction_count" },
  { "lifelogs", "deleted_at" },
  { "tasks", "notes" },
  { "tasks", "due_at" },
  { "tasks", "due_all_day" },
  { "tasks", "recurrence" },
  { "tasks", "recurrence_start" },
  { "tasks", "reward" },
  { "tasks", "deleted_at" },
  { "tasks", "reminded_due_at" },
  { "task_logs", "changes" },
};

/* Seed parsing ---------------------------------------------------------------------- */

static void
seed_column_free (SeedColumn *column)
{
  g_free (column->name);
  g_free (column->type);
  g_strfreev (column->enum_values);
  g_free (column->fk_table);
  g_free (column);
}

static void
seed_table_free (SeedTable *table)
{
  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_free (table);
}

static SeedColumn *
parse_column (const char *item)
{
  g_autoptr (GRegex) enum_regex = g_regex_new ("ENUM\\s*\\(([^)]*)\\)", 0, 0, NULL);
  g_autoptr (GRegex) fk_regex = g_regex_new ("FK\\((\\w+)\\.id\\)", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_auto (GStrv) words = g_regex_split_simple ("\\s+", item, 0, 0);
  SeedColumn *column = g_new0 (SeedColumn, 1);

  column->name = g_strdup (words[0]);
  column->type = g_strdup (item + strlen (words[0]));
  g_strstrip (column->type);
  column->json = strstr (column->type, "JSONB") != NULL;

  if (g_regex_match (enum_regex, column->type, 0, &match))
    {
      g_autofree char *list = g_match_info_fetch (match, 1);
      g_auto (GStrv) parts = g_strsplit (list, ",", -1);
      g_autoptr (GStrvBuilder) values = g_strv_builder_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *value = g_strstrip (parts[i]);

          g_assert_true (value[0] == '\'' && value[strlen (value) - 1] == '\'');
          value[strlen (value) - 1] = '\0';
          g_strv_builder_add (values, value + 1);
        }
      column->enum_values = g_strv_builder_end (values);
    }
  g_clear_pointer (&match, g_match_info_unref);

  if (g_regex_match (fk_regex, column->type, 0, &match))
    column->fk_table = g_match_info_fetch (match, 1);

  return column;
}

/* Reads the tables out of the seed's markdown: a line "name (" opens a table, a
 * line ")" closes it, and the text between is split on the commas that are not
 * inside parentheses. */
static GPtrArray *
parse_seed (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRegex) open_regex = g_regex_new ("^([a-z_]+) \\($", 0, 0, NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) seed_table_free);
  SeedTable *current = NULL;
  GString *body = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (GMatchInfo) match = NULL;
      const char *line = lines[i];

      if (current == NULL)
        {
          if (g_regex_match (open_regex, line, 0, &match))
            {
              current = g_new0 (SeedTable, 1);
              current->name = g_match_info_fetch (match, 1);
              current->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) seed_column_free);
              body = g_string_new (NULL);
            }
          continue;
        }

      if (line[0] == ')')
        {
          int depth = 0;
          const char *start = body->str;

          for (const char *p = body->str;; p++)
            {
              if (*p == '(')
                depth++;
              else if (*p == ')')
                depth--;
              if ((*p == ',' && depth == 0) || *p == '\0')
                {
                  g_autofree char *item = g_strstrip (g_strndup (start, p - start));

                  if (*item != '\0')
                    g_ptr_array_add (current->columns, parse_column (item));
                  if (*p == '\0')
                    break;
                  start = p + 1;
                }
            }

          g_ptr_array_add (tables, current);
          current = NULL;
          g_string_free (body, TRUE);
          body = NULL;
          continue;
        }

      g_string_append_c (body, ' ');
      g_string_append (body, line);
    }

  g_assert_null (current);
  return tables;
}

static SeedTable *
find_seed_table (const char *name)
{
  for (guint i = 0; i < seed_tables->len; i++)
    {
      SeedTable *table = g_ptr_array_index (seed_tables, i);

      if (g_str_equal (table->name, name))
        return table;
    }
  return NULL;
}

static SeedColumn *
find_seed_column (const char *table_name,
                  const char *column_name)
{
  SeedTable *table = find_seed_table (table_name);

  for (guint i = 0; table != NULL && i < table->columns->len; i++)
    {
      SeedColumn *column = g_ptr_array_index (table->columns, i);

      if (g_str_equal (column->name, column_name))
        return column;
    }
  return NULL;
}

/* A fresh database per test ------------------------------------------------------------ */

typedef struct
{
  char        *dir;
  HearthClock *clock;
  HearthStore *store;
  guint        counter;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = hearth_test_make_temp_dir ();
  f->clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  f->store = hearth_test_open_store (f->dir, f->clock);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  hearth_test_remove_tree (f->dir);
  g_free (f->dir);
}

typedef struct
{
  char     *name;
  char     *type;
  gboolean  primary_key;
} DbColumn;

static void
db_column_free (DbColumn *column)
{
  g_free (column->name);
  g_free (column->type);
  g_free (column);
}

static GPtrArray *
list_db_columns (HearthStore *store,
                 const char  *table)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) db_column_free);

  statement = hearth_store_prepare (store, "SELECT name, type, pk FROM pragma_table_info (?)", &error);
  g_assert_no_error (error);
  hearth_statement_bind_text (statement, 1, table);
  while (hearth_statement_next_row (statement, &error))
    {
      DbColumn *column = g_new0 (DbColumn, 1);

      column->name = hearth_statement_dup_text (statement, 0);
      column->type = hearth_statement_dup_text (statement, 1);
      column->primary_key = hearth_statement_get_int64 (statement, 2) > 0;
      g_ptr_array_add (columns, column);
    }
  g_assert_no_error (error);
  return columns;
}

/* Returns the table that @table.@column references, or NULL. */
static char *
dup_foreign_table (HearthStore *store,
                   const char  *table,
                   const char  *column)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT \"table\" FROM pragma_foreign_key_list (?) WHERE \"from\" = ?",
                                    &error);
  g_assert_no_error (error);
  hearth_statement_bind_text (statement, 1, table);
  hearth_statement_bind_text (statement, 2, column);
  if (!hearth_statement_next_row (statement, &error))
    {
      g_assert_no_error (error);
      return NULL;
    }
  return hearth_statement_dup_text (statement, 0);
}

static gint64 insert_row (Fixture *f, const char *table, const char *column, const char *literal, GError **error);

/* A valid SQL literal for @table.@column: a new parent row for a foreign key,
 * the first value of an enum, and plain values of the right shape otherwise. */
static char *
valid_literal (Fixture    *f,
               const char *table,
               DbColumn   *column)
{
  g_autofree char *parent = dup_foreign_table (f->store, table, column->name);
  SeedColumn *seed = find_seed_column (table, column->name);

  if (parent != NULL)
    {
      g_autoptr (GError) error = NULL;
      gint64 id = insert_row (f, parent, NULL, NULL, &error);

      g_assert_no_error (error);
      return g_strdup_printf ("%" G_GINT64_FORMAT, id);
    }

  if (seed != NULL && seed->enum_values != NULL)
    return g_strdup_printf ("'%s'", seed->enum_values[0]);
  if (seed != NULL && seed->json)
    return g_strdup ("'{\"k\": 1}'");
  if (g_str_equal (column->name, "currency"))
    return g_strdup ("'EUR'");
  if (g_str_equal (table, "transaction_logs") && g_str_equal (column->name, "changes"))
    return g_strdup ("'{}'");
  if (g_str_equal (table, "circles") && g_str_equal (column->name, "kind"))
    return g_strdup ("'SHARED'");
  if (g_str_equal (column->name, "occurred_on") || g_str_has_suffix (column->name, "_date"))
    return g_strdup ("'2026-11-26'");
  if (g_str_equal (column->type, "INTEGER"))
    return g_strdup ("1");

  return g_strdup_printf ("'value %u'", ++f->counter);
}

/* Inserts a valid row into @table, with @column set to @literal when given.
 * Returns the new row's rowid. */
static gint64
insert_row (Fixture     *f,
            const char  *table,
            const char  *column_override,
            const char  *literal,
            GError     **error)
{
  g_autoptr (GPtrArray) columns = list_db_columns (f->store, table);
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (GString) values = g_string_new (NULL);
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;
  gboolean single_key = FALSE;
  guint n_keys = 0;

  for (guint i = 0; i < columns->len; i++)
    n_keys += ((DbColumn *) g_ptr_array_index (columns, i))->primary_key;
  single_key = n_keys == 1;

  for (guint i = 0; i < columns->len; i++)
    {
      DbColumn *column = g_ptr_array_index (columns, i);
      g_autofree char *value = NULL;

      if (column_override != NULL && g_str_equal (column->name, column_override))
        value = g_strdup (literal);
      else if (single_key && column->primary_key && g_str_equal (column->name, "id"))
        continue;
      else
        value = valid_literal (f, table, column);

      g_string_append_printf (names, "%s%s", names->len ? ", " : "", column->name);
      g_string_append_printf (values, "%s%s", values->len ? ", " : "", value);
    }

  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) RETURNING rowid",
                         table, names->str, values->str);
  statement = hearth_store_prepare (f->store, sql, error);
  if (statement == NULL || !hearth_statement_fetch_one (statement, error))
    return 0;
  return hearth_statement_get_int64 (statement, 0);
}

static void
assert_rejected (Fixture    *f,
                 const char *table,
                 const char *column,
                 const char *literal)
{
  g_autoptr (GError) error = NULL;

  insert_row (f, table, column, literal, &error);
  if (error == NULL)
    g_error ("%s.%s accepted %s", table, column, literal);
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT);
}

static void
assert_accepted (Fixture    *f,
                 const char *table,
                 const char *column,
                 const char *literal)
{
  g_autoptr (GError) error = NULL;

  insert_row (f, table, column, literal, &error);
  if (error != NULL)
    g_error ("%s.%s refused %s: %s", table, column, literal ? literal : "(a valid row)", error->message);
}

/* Tables and columns ------------------------------------------------------------------ */

static void
test_seed_is_parsed (void)
{
  SeedColumn *type = find_seed_column ("security_events", "type");
  SeedColumn *user = find_seed_column ("sudo_sessions", "user_id");

  /* The parser itself, on a few entries read by eye from the seed. */
  g_assert_cmpuint (seed_tables->len, ==, 37);
  g_assert_nonnull (type);
  g_assert_cmpuint (g_strv_length (type->enum_values), ==, 10);
  g_assert_cmpstr (type->enum_values[0], ==, "LOGIN_SUCCESS");
  g_assert_cmpstr (type->enum_values[9], ==, "SUDO_MODE_ENABLED");
  g_assert_nonnull (user);
  g_assert_cmpstr (user->fk_table, ==, "users");
  g_assert_true (find_seed_column ("contacts", "metadata")->json);
  g_assert_nonnull (find_seed_column ("security_questions", "answer_hash"));
}

static void
test_every_seed_column_exists (Fixture       *f,
                               gconstpointer  data)
{
  for (guint i = 0; i < seed_tables->len; i++)
    {
      SeedTable *table = g_ptr_array_index (seed_tables, i);
      g_autoptr (GPtrArray) columns = list_db_columns (f->store, table->name);

      if (columns->len == 0)
        g_error ("The seed's table %s is missing", table->name);

      for (guint j = 0; j < table->columns->len; j++)
        {
          SeedColumn *seed = g_ptr_array_index (table->columns, j);
          gboolean found = FALSE;

          for (guint k = 0; k < columns->len && !found; k++)
            found = g_str_equal (((DbColumn *) g_ptr_array_index (columns, k))->name, seed->name);

          if (!found)
            g_error ("The seed's column %s.%s is missing", table->name, seed->name);
        }
    }
}

static void
test_added_columns_exist (Fixture       *f,
                          gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (added_columns); i++)
    {
      g_autoptr (GPtrArray) columns = list_db_columns (f->store, added_columns[i][0]);
      gboolean found = FALSE;

      for (guint k = 0; k < columns->len && !found; k++)
        found = g_str_equal (((DbColumn *) g_ptr_array_index (columns, k))->name, added_columns[i][1]);

      if (!found)
        g_error ("The added column %s.%s is missing", added_columns[i][0], added_columns[i][1]);
      g_assert_null (find_seed_column (added_columns[i][0], added_columns[i][1]));
    }
}

static void
test_every_table_takes_a_valid_row (Fixture       *f,
                                    gconstpointer  data)
{
  for (guint i = 0; i < seed_tables->len; i++)
    {
      SeedTable *table = g_ptr_array_index (seed_tables, i);

      if (!g_str_equal (table->name, "search_index"))
        assert_accepted (f, table->name, NULL, NULL);
    }
}

static void
test_tables_are_strict (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (f->store,
                                    "SELECT name FROM pragma_table_list "
                                    "WHERE schema = 'main' AND type = 'table' AND strict = 0 "
                                    "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'",
                                    &error);
  g_assert_no_error (error);
  if (hearth_statement_next_row (statement, &error))
    g_error ("%s is not STRICT", hearth_statement_get_text (statement, 0));
  g_assert_no_error (error);

  /* So a timestamp cannot be text. */
  assert_rejected (f, "users", "created_at", "'yesterday'");
}

/* Constraints ---------------------------------------------------------------------- */

static void
test_enums_reject_unknown_values (Fixture       *f,
                                  gconstpointer  data)
{
  guint n_checked = 0;

  for (guint i = 0; i < seed_tables->len; i++)
    {
      SeedTable *table = g_ptr_array_index (seed_tables, i);

      for (guint j = 0; j < table->columns->len; j++)
        {
          SeedColumn *column = g_ptr_array_index (table->columns, j);

          if (column->enum_values == NULL)
            continue;

          for (guint k = 0; column->enum_values[k] != NULL; k++)
            {
              g_autofree char *literal = g_strdup_printf ("'%s'", column->enum_values[k]);
              g_autofree char *lower = g_ascii_strdown (literal, -1);

              assert_accepted (f, table->name, column->name, literal);
              /* The same words, not the same words in another case. */
              assert_rejected (f, table->name, column->name, lower);
            }
          assert_rejected (f, table->name, column->name, "'NOT_A_VALUE'");
          assert_rejected (f, table->name, column->name, "''");
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, ==, 16);
}

static void
test_security_events_take_added_types (Fixture       *f,
                                       gconstpointer  data)
{
  static const char * const added[] = {
    "SESSION_REVOKED", "REFRESH_REUSE_DETECTED", "RECOVERY_FAILED", "PERMISSION_DENIED",
    "PASSKEY_ADDED", "PASSKEY_REMOVED", "SECURITY_QUESTIONS_CHANGED",
  };

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      g_autofree char *literal = g_strdup_printf ("'%s'", added[i]);

      assert_accepted (f, "security_events", "type", literal);
    }
}

static void
test_circles_take_added_values (Fixture       *f,
                                gconstpointer  data)
{
  static const char * const added_events[] = { "'CREATED'", "'RENAMED'", "'ROLE_CHANGED'" };

  for (guint i = 0; i < G_N_ELEMENTS (added_events); i++)
    assert_accepted (f, "circle_events", "type", added_events[i]);
  assert_accepted (f, "circles", "kind", "'PERSONAL'");
  assert_accepted (f, "circles", "kind", "'SHARED'");
  assert_rejected (f, "circles", "kind", "'shared'");
  assert_rejected (f, "circle_events", "type", "'INVENTED'");
}

static void
test_foreign_keys_reject_dangling_ids (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  guint n_checked = 0;

  /* Every seed FK is a real foreign key to the same table... */
  for (guint i = 0; i < seed_tables->len; i++)
    {
      SeedTable *table = g_ptr_array_index (seed_tables, i);

      for (guint j = 0; j < table->columns->len; j++)
        {
          SeedColumn *column = g_ptr_array_index (table->columns, j);
          g_autofree char *target = NULL;

          if (column->fk_table == NULL)
            continue;
          target = dup_foreign_table (f->store, table->name, column->name);
          if (g_strcmp0 (target, column->fk_table) != 0)
            g_error ("%s.%s should reference %s", table->name, column->name, column->fk_table);
        }
    }

  /* ...and every foreign key of the database refuses an id that is not there. */
  statement = hearth_store_prepare (f->store,
                                    "SELECT m.name, fk.\"from\" FROM sqlite_schema AS m, "
                                    "pragma_foreign_key_list (m.name) AS fk "
                                    "WHERE m.type = 'table' ORDER BY m.name, fk.\"from\"",
                                    &error);
  g_assert_no_error (error);
  while (hearth_statement_next_row (statement, &error))
    {
      g_autofree char *table = hearth_statement_dup_text (statement, 0);
      g_autofree char *column = hearth_statement_dup_text (statement, 1);

      assert_rejected (f, table, column, "987654321");
      n_checked++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_checked, >=, 20);
}

static void
test_foreign_keys_are_indexed (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = NULL;

  /* An index, or the primary key, whose first column is the foreign key. */
  statement = hearth_store_prepare (f->store,
                                    "SELECT m.name, fk.\"from\" FROM sqlite_schema AS m, "
                                    "pragma_foreign_key_list (m.name) AS fk "
                                    "WHERE m.type = 'table' AND NOT EXISTS ("
                                    "  SELECT 1 FROM pragma_index_list (m.name) AS il, "
                                    "  pragma_index_info (il.name) AS ii "
                                    "  WHERE ii.seqno = 0 AND ii.name = fk.\"from\") "
                                    "AND NOT EXISTS ("
                                    "  SELECT 1 FROM pragma_table_info (m.name) AS ti "
                                    "  WHERE ti.name = fk.\"from\" AND ti.pk = 1)",
                                    &error);
  g_assert_no_error (error);
  if (hearth_statement_next_row (statement, &error))
    g_error ("%s.%s has no index", hearth_statement_get_text (statement, 0),
             hearth_statement_get_text (statement, 1));
  g_assert_no_error (error);
}

static void
test_json_columns_reject_invalid_json (Fixture       *f,
                                       gconstpointer  data)
{
  guint n_checked = 0;

  for (guint i = 0; i < seed_tables->len; i++)
    {
      SeedTable *table = g_ptr_array_index (seed_tables, i);

      for (guint j = 0; j < table->columns->len; j++)
        {
          SeedColumn *column = g_ptr_array_index (table->columns, j);

          if (!column->json)
            continue;

          assert_accepted (f, table->name, column->name, "'[1, \"two\", {\"three\": null}]'");
          assert_rejected (f, table->name, column->name, "'{not json'");
          assert_rejected (f, table->name, column->name, "'{\"a\": }'");
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, ==, 11);
}

static void
test_dates_and_money (Fixture       *f,
                      gconstpointer  data)
{
  assert_rejected (f, "trips", "start_date", "'2026-02-30'");
  assert_rejected (f, "trips", "end_date", "'26/11/2026'");
  assert_rejected (f, "transactions", "occurred_on", "'2026-11-26T10:00'");
  assert_accepted (f, "transactions", "occurred_on", "'2024-02-29'");
  /* Money is integer minor units. */
  assert_rejected (f, "transactions", "amount", "12.5");
  assert_rejected (f, "transactions", "amount", "0");
  assert_rejected (f, "accounts", "currency", "'eur'");
  assert_rejected (f, "accounts", "currency", "'EURO'");
}

static void
test_usernames_are_unique_regardless_of_case (Fixture       *f,
                                              gconstpointer  data)
{
  assert_accepted (f, "users", "username", "'Ada'");
  assert_rejected (f, "users", "username", "'ADA'");
  assert_accepted (f, "users", "email", "'ada@example.org'");
  assert_rejected (f, "users", "email", "'Ada@Example.org'");
}

static void
test_logs_are_append_only (Fixture       *f,
                           gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (log_tables); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *update = NULL;
      g_autofree char *delete = NULL;
      g_autofree char *count = NULL;
      gint64 id;

      id = insert_row (f, log_tables[i], NULL, NULL, &error);
      g_assert_no_error (error);

      update = g_strdup_printf ("UPDATE %s SET created_at = created_at + 1 WHERE id = %" G_GINT64_FORMAT,
                                log_tables[i], id);
      hearth_store_execute (f->store, update, &error);
      g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT);
      g_clear_error (&error);

      delete = g_strdup_printf ("DELETE FROM %s", log_tables[i]);
      hearth_store_execute (f->store, delete, &error);
      g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT);
      g_clear_error (&error);

      count = g_strdup_printf ("SELECT count(*) FROM %s WHERE created_at = 1", log_tables[i]);
      g_assert_cmpint (hearth_test_query_int (f->store, count), ==, 1);
    }
}

static void
test_logged_rows_cannot_vanish (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *literal = NULL;
  g_autofree char *delete = NULL;
  gint64 task;

  /* A task with history: deleting it would orphan its log, so it is refused. */
  task = insert_row (f, "tasks", NULL, NULL, &error);
  g_assert_no_error (error);
  literal = g_strdup_printf ("%" G_GINT64_FORMAT, task);
  assert_accepted (f, "task_logs", "task_id", literal);

  delete = g_strdup_printf ("DELETE FROM tasks WHERE id = %" G_GINT64_FORMAT, task);
  hearth_store_execute (f->store, delete, &error);
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT);
}

/* The search index ---------------------------------------------------------------------- */

static void
test_search_index_is_contentless_fts5 (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;

  sql = hearth_test_query_text (f->store, "SELECT sql FROM sqlite_schema WHERE name = 'search_index'");
  g_assert_nonnull (strstr (sql, "USING fts5"));

  hearth_store_execute (f->store,
                        "INSERT INTO search_index (rowid, entity_type, entity_id, searchable_text) "
                        "VALUES (42, 'note', 7, 'Grandma''s crème brûlée recipe')",
                        &error);
  g_assert_no_error (error);

  /* Found, also without the accents, and the text is not stored. */
  statement = hearth_store_prepare (f->store,
                                    "SELECT rowid, searchable_text FROM search_index "
                                    "WHERE search_index MATCH ?",
                                    &error);
  g_assert_no_error (error);
  hearth_statement_bind_text (statement, 1, "creme AND brulee");
  g_assert_true (hearth_statement_fetch_one (statement, &error));
  g_assert_cmpint (hearth_statement_get_int64 (statement, 0), ==, 42);
  g_assert_true (hearth_statement_get_is_null (statement, 1));
  g_assert_false (hearth_statement_next_row (statement, &error));
  g_assert_no_error (error);
}

/* Seed rows ---------------------------------------------------------------------------- */

static void
test_system_categories (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const modules[] = { "FINANCE", "LIFELOG", "KNOWLEDGE" };

  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM categories "
                                              "WHERE module = '%s' AND system_defined = 1",
                                              modules[i]);

      g_assert_cmpint (hearth_test_query_int (f->store, sql), >=, 5);
    }

  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT count(*) FROM categories WHERE system_defined = 0"),
                   ==, 0);
}

static void
test_default_policies_match_vocabulary (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  const HearthPermission *vocabulary;
  size_t n_permissions;
  guint n_rows = 0;

  vocabulary = hearth_permissions_get_vocabulary (&n_permissions);
  g_assert_cmpuint (n_permissions, >, 0);

  statement = hearth_store_prepare (f->store,
                                    "SELECT allowed FROM permission_policies "
                                    "WHERE circle_id IS NULL AND role = ? AND resource = ? AND action = ?",
                                    &error);
  g_assert_no_error (error);

  for (size_t i = 0; i < n_permissions; i++)
    {
      for (HearthRole role = HEARTH_ROLE_VISITOR; role <= HEARTH_ROLE_OWNER; role++)
        {
          gboolean expected = role >= vocabulary[i].least_role;

          hearth_statement_bind_text (statement, 1, hearth_role_to_string (role));
          hearth_statement_bind_text (statement, 2, vocabulary[i].resource);
          hearth_statement_bind_text (statement, 3, vocabulary[i].action);
          if (!hearth_statement_fetch_one (statement, &error))
            g_error ("No default policy for %s %s.%s", hearth_role_to_string (role),
                     vocabulary[i].resource, vocabulary[i].action);
          if (hearth_statement_get_int64 (statement, 0) != expected)
            g_error ("%s %s.%s should be %s", hearth_role_to_string (role),
                     vocabulary[i].resource, vocabulary[i].action, expected ? "allowed" : "denied");
          hearth_statement_reset (statement);
          n_rows++;
        }
    }

  /* Nothing seeded beyond the vocabulary. */
  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT count(*) FROM permission_policies"),
                   ==, n_rows);
}

static void
test_default_policies_in_words (Fixture       *f,
                                gconstpointer  data)
{
  /* The sentence of docs/PERMISSIONS.md, checked against the rows rather than
   * the table above. */
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT count(*) FROM permission_policies "
                                          "WHERE role = 'OWNER' AND allowed = 0"), ==, 0);
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT (SELECT group_concat(resource || '.' || action, ' ') FROM "
                                          "(SELECT resource, action FROM permission_policies "
                                          " WHERE role = 'ADMIN' AND allowed = 0 ORDER BY 1, 2)) "
                                          "= 'circle.dissolve circle.transfer_ownership policy.update'"),
                   ==, 1);
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT count(*) FROM permission_policies "
                                          "WHERE role IN ('EDITOR', 'VISITOR') AND action = 'read' AND allowed = 0 "
                                          "AND resource <> 'audit'"),
                   ==, 0);
  /* The audit log is read by owners and admins alone. */
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT count(*) FROM permission_policies "
                                          "WHERE resource = 'audit' AND action = 'read' AND allowed = 1 "
                                          "AND role IN ('OWNER', 'ADMIN')"),
                   ==, 2);
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT count(*) FROM permission_policies "
                                          "WHERE role = 'VISITOR' AND action <> 'read' AND allowed = 1"),
                   ==, 0);
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT count(*) FROM permission_policies "
                                          "WHERE role = 'EDITOR' AND allowed = 1 "
                                          "AND resource IN ('note', 'task', 'transaction') "
                                          "AND action IN ('create', 'update')"),
                   ==, 6);
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT count(*) FROM permission_policies "
                                          "WHERE role = 'EDITOR' AND allowed = 1 "
                                          "AND resource IN ('member', 'policy', 'circle') AND action <> 'read'"),
                   ==, 0);
}

static void
test_policy_override_per_circle (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *override = NULL;
  gint64 circle = insert_row (f, "circles", NULL, NULL, &error);

  g_assert_no_error (error);

  /* One override per circle and (role, resource, action); the default stays. */
  override = g_strdup_printf ("INSERT INTO permission_policies (circle_id, role, resource, action, allowed) "
                              "VALUES (%" G_GINT64_FORMAT ", 'EDITOR', 'transaction', 'void', 1)", circle);
  hearth_store_execute (f->store, override, &error);
  g_assert_no_error (error);
  hearth_store_execute (f->store, override, &error);
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  hearth_store_execute (f->store,
                        "INSERT INTO permission_policies (circle_id, role, resource, action, allowed) "
                        "VALUES (NULL, 'EDITOR', 'transaction', 'void', 1)",
                        &error);
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT);
}

static void
test_roles_round_trip (void)
{
  HearthRole role;

  for (HearthRole r = HEARTH_ROLE_VISITOR; r <= HEARTH_ROLE_OWNER; r++)
    {
      g_assert_true (hearth_role_from_string (hearth_role_to_string (r), &role));
      g_assert_cmpint (role, ==, r);
    }
  g_assert_false (hearth_role_from_string ("owner", &role));
  g_assert_false (hearth_role_from_string ("ROOT", &role));
  g_assert_cmpint (HEARTH_ROLE_OWNER, >, HEARTH_ROLE_ADMIN);
  g_assert_cmpint (HEARTH_ROLE_ADMIN, >, HEARTH_ROLE_EDITOR);
  g_assert_cmpint (HEARTH_ROLE_EDITOR, >, HEARTH_ROLE_VISITOR);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *seed_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  seed_path = g_test_build_filename (G_TEST_DIST, "data", "database-schema.md", NULL);
  seed_tables = parse_seed (seed_path);

  g_test_add_func ("/schema/seed-is-parsed", test_seed_is_parsed);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/schema/every-seed-column-exists", test_every_seed_column_exists);
  ADD ("/schema/added-columns-exist", test_added_columns_exist);
  ADD ("/schema/every-table-takes-a-valid-row", test_every_table_takes_a_valid_row);
  ADD ("/schema/tables-are-strict", test_tables_are_strict);
  ADD ("/schema/enums-reject-unknown-values", test_enums_reject_unknown_values);
  ADD ("/schema/circles-take-added-values", test_circles_take_added_values);
  ADD ("/schema/security-events-take-added-types", test_security_events_take_added_types);
  ADD ("/schema/foreign-keys-reject-dangling-ids", test_foreign_keys_reject_dangling_ids);
  ADD ("/schema/foreign-keys-are-indexed", test_foreign_keys_are_indexed);
  ADD ("/schema/json-columns-reject-invalid-json", test_json_columns_reject_invalid_json);
  ADD ("/schema/dates-and-money", test_dates_and_money);
  ADD ("/schema/usernames-unique-regardless-of-case", test_usernames_are_unique_regardless_of_case);
  ADD ("/schema/logs-are-append-only", test_logs_are_append_only);
  ADD ("/schema/logged-rows-cannot-vanish", test_logged_rows_cannot_vanish);
  ADD ("/schema/search-index-is-contentless-fts5", test_search_index_is_contentless_fts5);
  ADD ("/schema/seed/system-categories", test_system_categories);
  ADD ("/schema/seed/default-policies-match-vocabulary", test_default_policies_match_vocabulary);
  ADD ("/schema/seed/default-policies-in-words", test_default_policies_in_words);
  ADD ("/schema/policy-override-per-circle", test_policy_override_per_circle);
  g_test_add_func ("/schema/roles-round-trip", test_roles_round_trip);

  status = g_test_run ();
  g_clear_pointer (&seed_tables, g_ptr_array_unref);
  return status;
}
