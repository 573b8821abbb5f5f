/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-search"

#include "config.h"

#include <string.h>

#include "hearth-permissions.h"
#include "hearth-search-private.h"

/*
 * The one search box's index (docs/SCHEMA.md): `search_index`, an FTS5 table
 * without content, so no text is stored twice. A row's rowid names its entity
 * (id × 16 + kind); the module that owns the text adds it in the transaction
 * of the change, and removes it with the same text (a contentless table needs
 * it to find the tokens). What a person may not read is never indexed (a
 * sealed capsule), and what is found is read again from its own table and
 * authorized like every read. The life log is the first module in it.
 */

#define KIND_BITS 4

void
hearth_search_hit_free (HearthSearchHit *hit)
{
  g_free (hit->text);
  g_free (hit);
}

static gboolean
write_row (HearthStore       *store,
           const char        *command,
           HearthSearchKind   kind,
           gint64             entity_id,
           const char        *text,
           GError           **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;
  const char *type = kind == HEARTH_SEARCH_KIND_LIFELOG ? "lifelog" : kind == HEARTH_SEARCH_KIND_TASK ? "task" : "";

  if (command != NULL)
    sql = g_strdup ("INSERT INTO search_index (search_index, rowid, entity_type, entity_id, searchable_text) "
                    "VALUES ('delete', ?1, ?2, ?3, ?4)");
  else
    sql = g_strdup ("INSERT INTO search_index (rowid, entity_type, entity_id, searchable_text) VALUES (?1, ?2, ?3, "
                    "?4)");
  statement = hearth_store_prepare (store, sql, error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, (entity_id << KIND_BITS) | kind);
  hearth_statement_bind_text (statement, 2, type);
  hearth_statement_bind_int64 (statement, 3, entity_id);
  hearth_statement_bind_text (statement, 4, text);
  return hearth_statement_run (statement, error);
}

/* Indexes @text for the entity, in the caller's transaction. */
gboolean
_hearth_search_add (HearthStore       *store,
                    HearthSearchKind   kind,
                    gint64             entity_id,
                    const char        *text,
                    GError           **error)
{
  return write_row (store, NULL, kind, entity_id, text, error);
}

/* Takes the entity out of the index; @text must be what was indexed. */
gboolean
_hearth_search_remove (HearthStore       *store,
                       HearthSearchKind   kind,
                       gint64             entity_id,
                       const char        *text,
                       GError           **error)
{
  return write_row (store, "delete", kind, entity_id, text, error);
}

/* The words as FTS5 strings, all of them required: no operator a person
 * typed is read as one. */
static char *
match_expression (const char *words)
{
  g_auto (GStrv) parts = g_strsplit_set (words != NULL ? words : "", " \t\n", -1);
  GString *match = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = parts[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append (match, "\"*");
    }
  return g_string_free (match, FALSE);
}

/**
 * hearth_search:
 * @words: what was typed; each word must be found, as a word or its start
 * @limit: the most hits
 *
 * Returns: (transfer full) (element-type HearthSearchHit): what @actor may
 *   read that holds the words, newest first: a circle's life log needs
 *   `lifelog.read` there
 */
GPtrArray *
hearth_search (HearthStore  *store,
               HearthActor  *actor,
               const char   *words,
               guint         limit,
               GError      **error)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_search_hit_free);
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GHashTable) allowed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *match = match_expression (words);

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  if (*match == '\0')
    return g_steal_pointer (&hits);

  /* The circles the actor is in; the rows found are read again from their
   * table, and a sealed capsule is left out even if it were ever indexed. */
  statement = hearth_store_prepare (store,
                                    "SELECT l.id, l.circle_id, l.content FROM search_index s "
                                    "JOIN lifelogs l ON l.id = s.rowid >> 4 "
                                    "JOIN circle_members m ON m.circle_id = l.circle_id AND m.user_id = ?2 "
                                    "WHERE search_index MATCH ?1 AND s.rowid & 15 = 1 AND l.deleted_at IS NULL "
                                    "AND NOT EXISTS (SELECT 1 FROM capsules c WHERE c.lifelog_id = l.id "
                                    "                AND c.unlocked_at IS NULL) "
                                    "ORDER BY l.created_at DESC, l.id DESC",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_text (statement, 1, match);
  hearth_statement_bind_int64 (statement, 2, hearth_actor_get_user_id (actor));
  while (hits->len < limit && hearth_statement_next_row (statement, &local_error))
    {
      gint64 circle_id = hearth_statement_get_int64 (statement, 1);
      gpointer known = g_hash_table_lookup (allowed, &circle_id);
      HearthSearchHit *hit;

      if (known == NULL)
        {
          g_autoptr (GError) refused = NULL;
          gboolean may = hearth_authorize (store, actor, circle_id, "lifelog", "read", &refused);

          /* A closed session finds nothing anywhere: say so. */
          if (!may && refused->domain != HEARTH_PERMISSION_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&refused));
              return NULL;
            }
          known = GINT_TO_POINTER (may ? 1 : 2);
          g_hash_table_insert (allowed, g_memdup2 (&circle_id, sizeof circle_id), known);
        }
      if (GPOINTER_TO_INT (known) != 1)
        continue;
      hit = g_new0 (HearthSearchHit, 1);
      hit->entity_type = "lifelog";
      hit->entity_id = hearth_statement_get_int64 (statement, 0);
      hit->circle_id = circle_id;
      hit->text = hearth_statement_dup_text (statement, 2);
      g_ptr_array_add (hits, hit);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&hits);
}
