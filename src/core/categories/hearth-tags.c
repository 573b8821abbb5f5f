/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-categories"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hearth-audit.h"
#include "hearth-categories-private.h"
#include "hearth-permissions.h"
#include "hearth-store.h"
#include "hearth-validation.h"

/*
 * Tags: a circle's words for the rows of one module (`tags.module`), linked by
 * `tag_relations (tag_id, entity_type, entity_id)`. A row shows its tags by
 * the link, so renaming a tag renames it on every row at once, and deleting one
 * unlinks it from every row (ON DELETE CASCADE). Tagging a row is a change to
 * that row and is authorized and logged by its module (_hearth_tags_set());
 * naming a new tag on the way needs `tag.create` too.
 */

/* Trimmed, NFC, 1 to 64 characters, without the comma that separates tags
 * where they are typed. */
static char *
clean_tag_name (const char  *name,
                GError     **error)
{
  g_autofree char *clean = hearth_validation_clean_text (name, HEARTH_TAG_NAME_MAX_CHARS, TRUE,
                                                         HEARTH_VALIDATION_ERROR_TAGS, error);

  if (clean == NULL)
    return NULL;
  if (strchr (clean, ',') != NULL)
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_TAGS,
                           _("A tag’s name cannot hold a comma."));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/**
 * hearth_categories_parse_tags:
 * @text: (nullable): tags as typed, separated by commas
 *
 * Returns: (transfer full): the names, trimmed, empty ones left out and each
 *   name once (the first spelling of it, in any case, kept)
 */
char **
hearth_categories_parse_tags (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);
      char *folded;

      if (*name == '\0')
        continue;
      folded = g_utf8_casefold (name, -1);
      if (!g_hash_table_add (seen, folded))
        continue;
      g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

#define TAG_COLUMNS "SELECT " HEARTH_TAG_COLUMNS " FROM tags "

/**
 * hearth_categories_list_tags:
 * @module: the module whose tags, `FINANCE` for the ledger
 *
 * Needs `tag.read` in the circle.
 *
 * Returns: (transfer full) (element-type HearthTag): the circle's tags of the
 *   module by name, each with how many rows carry it
 */
GPtrArray *
hearth_categories_list_tags (HearthCategories  *self,
                             HearthActor       *actor,
                             gint64             circle_id,
                             const char        *module,
                             GError           **error)
{
  HearthStore *store;
  g_autoptr (HearthStatement) statement = NULL;

  g_return_val_if_fail (HEARTH_IS_CATEGORIES (self), NULL);

  store = hearth_categories_get_store (self);
  if (!_hearth_categories_check_module (module, error) ||
      !hearth_authorize (store, actor, circle_id, "tag", "read", error))
    return NULL;
  statement = hearth_store_prepare (store,
                                    TAG_COLUMNS "WHERE module = ? AND (circle_id IS NULL OR circle_id = ?) "
                                    "ORDER BY name COLLATE NOCASE, id",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_text (statement, 1, module);
  hearth_statement_bind_int64 (statement, 2, circle_id);
  return hearth_statement_collect (statement, _hearth_tag_new_from_row, g_object_unref, error);
}

/* Inserts a new tag, authorized and audited; its id. */
static gint64
insert_tag (HearthStore  *store,
            HearthActor  *actor,
            gint64        circle_id,
            const char   *module,
            const char   *name,
            GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  gint64 id;

  if (!hearth_authorize (store, actor, circle_id, "tag", "create", error) ||
      !_hearth_categories_check_name_free (store, "tags", circle_id, module, name, 0, error))
    return 0;
  statement = hearth_store_prepare (store, "INSERT INTO tags (name, module, circle_id) VALUES (?, ?, ?) RETURNING id",
                                    error);
  if (statement == NULL)
    return 0;
  hearth_statement_bind_text (statement, 1, name);
  hearth_statement_bind_text (statement, 2, module);
  hearth_statement_bind_int64 (statement, 3, circle_id);
  if (!hearth_statement_fetch_one (statement, error))
    return 0;
  id = hearth_statement_get_int64 (statement, 0);
  g_clear_pointer (&statement, hearth_statement_release);
  if (!hearth_audit_record (store, hearth_actor_get_user_id (actor), circle_id, "tag", id, "tag.created", error))
    return 0;
  return id;
}

typedef struct
{
  HearthActor *actor;
  gint64       circle_id;
  gint64       id;
  const char  *module;
  const char  *name;
} TagChange;

static gboolean
create_tag_in_transaction (HearthStore  *store,
                           gpointer      user_data,
                           GError      **error)
{
  TagChange *change = user_data;

  change->id = insert_tag (store, change->actor, change->circle_id, change->module, change->name, error);
  return change->id != 0;
}

/**
 * hearth_categories_create_tag:
 * @name: up to 64 characters, no comma, unlike (in any case) the circle's
 *   other tags of the module
 *
 * Needs `tag.create`. Recorded in the audit log.
 *
 * Returns: (transfer full): the new tag
 */
HearthTag *
hearth_categories_create_tag (HearthCategories  *self,
                              HearthActor       *actor,
                              gint64             circle_id,
                              const char        *module,
                              const char        *name,
                              GError           **error)
{
  HearthStore *store;
  g_autofree char *clean_name = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  TagChange change = { actor, circle_id, 0, module };

  g_return_val_if_fail (HEARTH_IS_CATEGORIES (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  store = hearth_categories_get_store (self);
  if (!_hearth_categories_check_module (module, error))
    return NULL;
  clean_name = clean_tag_name (name, error);
  if (clean_name == NULL)
    return NULL;
  change.name = clean_name;
  if (!hearth_store_transaction (store, create_tag_in_transaction, &change, error))
    return NULL;
  statement = hearth_store_prepare (store, TAG_COLUMNS "WHERE id = ?", error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, change.id);
  if (!hearth_statement_fetch_one (statement, error))
    return NULL;
  return _hearth_tag_new_from_row (statement);
}

static gboolean
rename_tag_in_transaction (HearthStore  *store,
                           gpointer      user_data,
                           GError      **error)
{
  TagChange *change = user_data;

  return _hearth_categories_rename_row (store, change->actor, "tags", change->id, change->name, error);
}

/**
 * hearth_categories_rename_tag:
 *
 * Needs `tag.update` in the tag's circle. Every row that carries the tag shows
 * the new name. Recorded in the audit log.
 */
gboolean
hearth_categories_rename_tag (HearthCategories  *self,
                              HearthActor       *actor,
                              gint64             tag_id,
                              const char        *name,
                              GError           **error)
{
  g_autofree char *clean_name = NULL;
  TagChange change = { actor, 0, tag_id };

  g_return_val_if_fail (HEARTH_IS_CATEGORIES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  clean_name = clean_tag_name (name, error);
  if (clean_name == NULL)
    return FALSE;
  change.name = clean_name;
  return hearth_store_transaction (hearth_categories_get_store (self), rename_tag_in_transaction, &change, error);
}

static gboolean
delete_tag_in_transaction (HearthStore  *store,
                           gpointer      user_data,
                           GError      **error)
{
  TagChange *change = user_data;
  g_autoptr (HearthStatement) log = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *name = NULL;

  if (!_hearth_categories_authorize_row (store, change->actor, "tags", change->id, "delete", &change->circle_id,
                                         &name, NULL, error))
    return FALSE;

  /* Each ledger line that loses the tag logs it, as if edited by hand. */
  log = hearth_store_prepare (store,
                              "INSERT INTO transaction_logs (transaction_id, old_status, new_status, changed_by, "
                              "                              created_at, changes) "
                              "SELECT t.id, t.status, t.status, ?2, ?3, json_object ('tag_removed', ?4) "
                              "FROM tag_relations r JOIN transactions t ON t.id = r.entity_id "
                              "WHERE r.tag_id = ?1 AND r.entity_type = 'transaction'",
                              error);
  if (log == NULL)
    return FALSE;
  hearth_statement_bind_int64 (log, 1, change->id);
  hearth_statement_bind_int64 (log, 2, hearth_actor_get_user_id (change->actor));
  hearth_statement_bind_int64 (log, 3, hearth_store_now (store));
  hearth_statement_bind_text (log, 4, name);
  statement = hearth_store_prepare (store, "DELETE FROM tags WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->id);
  return hearth_statement_run (log, error) &&
         hearth_statement_run (statement, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (change->actor), change->circle_id, "tag", change->id,
                              "tag.deleted", error);
}

/**
 * hearth_categories_delete_tag:
 *
 * Needs `tag.delete` in the tag's circle. The rows that carried it are kept and
 * lose it, each logged in its module's log. Recorded in the audit log.
 */
gboolean
hearth_categories_delete_tag (HearthCategories  *self,
                              HearthActor       *actor,
                              gint64             tag_id,
                              GError           **error)
{
  TagChange change = { actor, 0, tag_id };

  g_return_val_if_fail (HEARTH_IS_CATEGORIES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (hearth_categories_get_store (self), delete_tag_in_transaction, &change, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *first = g_utf8_casefold (*(const char **) a, -1);
  g_autofree char *second = g_utf8_casefold (*(const char **) b, -1);

  return g_utf8_collate (first, second);
}

/* The names of a row's tags, sorted, joined by ", "; "" for none. */
static char *
entity_tags (HearthStore  *store,
             const char   *entity_type,
             gint64        entity_id,
             GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT g.name FROM tag_relations r JOIN tags g ON g.id = r.tag_id "
                                    "WHERE r.entity_type = ? AND r.entity_id = ?",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_text (statement, 1, entity_type);
  hearth_statement_bind_int64 (statement, 2, entity_id);
  while (hearth_statement_next_row (statement, &local_error))
    g_ptr_array_add (names, hearth_statement_dup_text (statement, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/**
 * _hearth_tags_set:
 * @circle_id: the row's circle, whose tags it may carry
 * @module: the tags' module
 * @entity_type: what the row is, as tag_relations names it (`transaction`)
 * @names: (nullable): the tags the row carries from now on; a name the circle
 *   has no tag for (in any case) makes one, which needs `tag.create`
 * @out_old: (out) (optional): the tags it carried, sorted, joined by ", "
 * @out_new: (out) (optional): the tags it carries now, likewise
 *
 * Inside the caller's transaction, which has authorized the change to the row
 * and logs it.
 */
gboolean
_hearth_tags_set (HearthStore        *store,
                  HearthActor        *actor,
                  gint64              circle_id,
                  const char         *module,
                  const char         *entity_type,
                  gint64              entity_id,
                  const char * const *names,
                  char              **out_old,
                  char              **out_new,
                  GError            **error)
{
  g_autoptr (HearthStatement) clear = NULL;
  g_autofree char *old_names = NULL;

  g_return_val_if_fail (hearth_store_in_transaction (store), FALSE);

  old_names = entity_tags (store, entity_type, entity_id, error);
  if (old_names == NULL)
    return FALSE;
  clear = hearth_store_prepare (store, "DELETE FROM tag_relations WHERE entity_type = ? AND entity_id = ?", error);
  if (clear == NULL)
    return FALSE;
  hearth_statement_bind_text (clear, 1, entity_type);
  hearth_statement_bind_int64 (clear, 2, entity_id);
  if (!hearth_statement_run (clear, error))
    return FALSE;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr (HearthStatement) find = NULL;
      g_autoptr (HearthStatement) link = NULL;
      g_autofree char *name = clean_tag_name (names[i], error);
      gint64 tag_id;

      if (name == NULL)
        return FALSE;
      find = hearth_store_prepare (store,
                                   "SELECT id FROM tags WHERE module = ? AND (circle_id IS NULL OR circle_id = ?) "
                                   "AND name = ? COLLATE NOCASE",
                                   error);
      if (find == NULL)
        return FALSE;
      hearth_statement_bind_text (find, 1, module);
      hearth_statement_bind_int64 (find, 2, circle_id);
      hearth_statement_bind_text (find, 3, name);
      if (hearth_statement_fetch_one (find, NULL))
        tag_id = hearth_statement_get_int64 (find, 0);
      else if ((tag_id = insert_tag (store, actor, circle_id, module, name, error)) == 0)
        return FALSE;

      link = hearth_store_prepare (store,
                                   "INSERT OR IGNORE INTO tag_relations (tag_id, entity_id, entity_type) VALUES (?, ?, "
                                   "?)",
                                   error);
      if (link == NULL)
        return FALSE;
      hearth_statement_bind_int64 (link, 1, tag_id);
      hearth_statement_bind_int64 (link, 2, entity_id);
      hearth_statement_bind_text (link, 3, entity_type);
      if (!hearth_statement_run (link, error))
        return FALSE;
    }

  if (out_new != NULL && (*out_new = entity_tags (store, entity_type, entity_id, error)) == NULL)
    return FALSE;
  if (out_old != NULL)
    *out_old = g_steal_pointer (&old_names);
  return TRUE;
}
