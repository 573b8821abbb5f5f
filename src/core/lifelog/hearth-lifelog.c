/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-lifelog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-audit.h"
#include "hearth-lifelog-private.h"
#include "hearth-permissions.h"
#include "hearth-search-private.h"
#include "hearth-validation.h"

/*
 * A circle's life log (the seed's LifeLogModule, docs/LIFELOG.md): entries
 * written by its members, and time capsules, entries sealed until a moment.
 *
 * A sealed capsule's content never leaves the database through this module:
 * every query that reads entries reads NULL in its place until the capsule's
 * `unlocked_at` is set, and that only the scheduler sets, once, when
 * `unlock_at` comes (hearth_lifelog_capsule_kind). Its words are not in the
 * search index until then. Its author may withdraw it before; nobody edits or
 * deletes it meanwhile, and an opened capsule stays as it was written.
 *
 * Edits and deletions are `lifelog_logs` rows with the old and new content; a
 * deleted entry keeps its row, marked, with its content in the log only. A
 * sealed capsule's words are never logged: withdrawn, it leaves nothing of
 * them behind. (Sealed means Hearth will not show it, not that it is
 * encrypted: the row is plain text in the file until capsules are sealed by
 * cryptography.)
 */

struct _HearthLifelog
{
  GObject      parent_instance;

  HearthStore *store;
};

G_DEFINE_FINAL_TYPE (HearthLifelog, hearth_lifelog, G_TYPE_OBJECT)

G_DEFINE_QUARK (hearth-lifelog-error-quark, hearth_lifelog_error)


static void
hearth_lifelog_dispose (GObject *object)
{
  g_clear_object (&HEARTH_LIFELOG (object)->store);

  G_OBJECT_CLASS (hearth_lifelog_parent_class)->dispose (object);
}

static void
hearth_lifelog_class_init (HearthLifelogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hearth_lifelog_dispose;
}

static void
hearth_lifelog_init (HearthLifelog *self)
{
}

/**
 * hearth_lifelog_new:
 * @guard: the guard of the store on which the life log lives
 */
HearthLifelog *
hearth_lifelog_new (HearthGuard *guard)
{
  HearthLifelog *self;

  g_return_val_if_fail (HEARTH_IS_GUARD (guard), NULL);

  self = g_object_new (HEARTH_TYPE_LIFELOG, NULL);
  self->store = g_object_ref (hearth_guard_get_store (guard));
  return self;
}

/**
 * hearth_lifelog_get_store:
 *
 * Returns: (transfer none): the store
 */
HearthStore *
hearth_lifelog_get_store (HearthLifelog *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG (self), NULL);
  return self->store;
}

/**
 * hearth_lifelog_can:
 *
 * What the screens ask before they offer an action; the functions check again.
 */
gboolean
hearth_lifelog_can (HearthLifelog *self,
                    HearthActor   *actor,
                    gint64         circle_id,
                    const char    *resource,
                    const char    *action)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG (self), FALSE);
  return hearth_authorize (self->store, actor, circle_id, resource, action, NULL);
}

/* Checks ---------------------------------------------------------------------------------- */

/* Trimmed, NFC, not empty, at most HEARTH_LIFELOG_MAX_CHARS; line breaks are
 * welcome here. */
static char *
clean_content (const char  *content,
               GError     **error)
{
  g_autofree char *normalized = NULL;

  if (content == NULL || !g_utf8_validate (content, -1, NULL))
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DESCRIPTION,
                           _("This text cannot be read."));
      return NULL;
    }
  normalized = g_utf8_normalize (content, -1, G_NORMALIZE_NFC);
  g_strstrip (normalized);
  if (*normalized == '\0')
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DESCRIPTION,
                           _("Write something first."));
      return NULL;
    }
  if (g_utf8_strlen (normalized, -1) > HEARTH_LIFELOG_MAX_CHARS)
    {
      g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DESCRIPTION,
                   _("At most %u characters."), HEARTH_LIFELOG_MAX_CHARS);
      return NULL;
    }
  return g_steal_pointer (&normalized);
}

typedef struct
{
  gint64    circle_id;
  gint64    author_id;
  char     *content;
  gboolean  is_capsule;
  gboolean  sealed;
} EntryRow;

static void
entry_row_clear (EntryRow *row)
{
  g_clear_pointer (&row->content, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntryRow, entry_row_clear)

/* The entry's circle and state, for authorizing what is done to it. An
 * unknown or deleted id is refused like a circle one is not in. The content
 * read here never leaves this file while sealed. */
static gboolean
load_entry (HearthStore  *store,
            HearthActor  *actor,
            gint64        entry_id,
            const char   *resource,
            const char   *action,
            EntryRow     *out_row,
            GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT l.circle_id, l.author_id, l.content, c.id IS NOT NULL, "
                                    "       c.id IS NOT NULL AND c.unlocked_at IS NULL "
                                    "FROM lifelogs l LEFT JOIN capsules c ON c.lifelog_id = l.id "
                                    "WHERE l.id = ? AND l.deleted_at IS NULL",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, entry_id);
  if (!hearth_statement_fetch_one (statement, NULL))
    {
      g_set_error_literal (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                           _("You are not allowed to see this entry."));
      return FALSE;
    }
  out_row->circle_id = hearth_statement_get_int64 (statement, 0);
  out_row->author_id = hearth_statement_get_int64 (statement, 1);
  out_row->content = hearth_statement_dup_text (statement, 2);
  out_row->is_capsule = hearth_statement_get_int64 (statement, 3) != 0;
  out_row->sealed = hearth_statement_get_int64 (statement, 4) != 0;
  return hearth_authorize (store, actor, out_row->circle_id, resource, action, error);
}

static gboolean
log_change (HearthStore  *store,
            HearthActor  *actor,
            gint64        entry_id,
            const char   *old_content,
            const char   *new_content,
            GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "INSERT INTO lifelog_logs (lifelog_id, old_content, new_content, updated_by, "
                                    "created_at) VALUES (?, ?, ?, ?, ?)",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, entry_id);
  hearth_statement_bind_text (statement, 2, old_content);
  hearth_statement_bind_text (statement, 3, new_content);
  hearth_statement_bind_int64 (statement, 4, hearth_actor_get_user_id (actor));
  hearth_statement_bind_int64 (statement, 5, hearth_store_now (store));
  return hearth_statement_run (statement, error);
}

static HearthLifelogEntry *
read_entry (HearthStore  *store,
            gint64        entry_id,
            GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT " HEARTH_LIFELOG_ENTRY_COLUMNS " " HEARTH_LIFELOG_ENTRY_FROM
                                    "WHERE l.id = ?",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, entry_id);
  if (!hearth_statement_fetch_one (statement, error))
    return NULL;
  return _hearth_lifelog_entry_new_from_row (statement);
}

/* Writing --------------------------------------------------------------------------------- */

typedef struct
{
  HearthActor *actor;
  gint64       circle_id;
  gint64       entry_id;
  const char  *content;
  gint64       unlock_at;
} Change;

static gboolean
write_in_transaction (HearthStore  *store,
                      gpointer      user_data,
                      GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) statement = NULL;

  if (!hearth_authorize (store, change->actor, change->circle_id, change->unlock_at != 0 ? "capsule" : "lifelog",
                         "create", error))
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "INSERT INTO lifelogs (circle_id, author_id, content, created_at) "
                                    "VALUES (?, ?, ?, ?) RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->circle_id);
  hearth_statement_bind_int64 (statement, 2, hearth_actor_get_user_id (change->actor));
  hearth_statement_bind_text (statement, 3, change->content);
  hearth_statement_bind_int64 (statement, 4, hearth_store_now (store));
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  change->entry_id = hearth_statement_get_int64 (statement, 0);
  g_clear_pointer (&statement, hearth_statement_release);

  if (change->unlock_at == 0)
    return _hearth_search_add (store, HEARTH_SEARCH_KIND_LIFELOG, change->entry_id, change->content, error);

  /* Sealed: not indexed, not logged with its words; the audit log says that
   * a capsule was sealed, and until when. */
  statement = hearth_store_prepare (store, "INSERT INTO capsules (lifelog_id, unlock_at) VALUES (?, ?)", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->entry_id);
  hearth_statement_bind_int64 (statement, 2, change->unlock_at);
  return hearth_statement_run (statement, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (change->actor), change->circle_id, "lifelog",
                              change->entry_id, "capsule.sealed", error);
}

/**
 * hearth_lifelog_write:
 * @content: what happened, up to 20,000 characters, line breaks kept
 * @unlock_at: 0 for an entry; for a time capsule, when it opens (in the
 *   store clock's microseconds), after now
 *
 * Needs `lifelog.create` in the circle, or `capsule.create` for a capsule.
 *
 * Returns: (transfer full): the entry; a capsule's comes back sealed
 */
HearthLifelogEntry *
hearth_lifelog_write (HearthLifelog  *self,
                      HearthActor    *actor,
                      gint64          circle_id,
                      const char     *content,
                      gint64          unlock_at,
                      GError        **error)
{
  g_autofree char *clean = NULL;
  Change change = { actor, circle_id, 0, NULL, unlock_at };

  g_return_val_if_fail (HEARTH_IS_LIFELOG (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  clean = clean_content (content, error);
  if (clean == NULL)
    return NULL;
  if (unlock_at != 0 && unlock_at <= hearth_store_now (self->store))
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DATE,
                           _("A time capsule opens in the future: choose a later day."));
      return NULL;
    }
  change.content = clean;
  if (!hearth_store_transaction (self->store, write_in_transaction, &change, error))
    return NULL;
  return read_entry (self->store, change.entry_id, error);
}

static gboolean
refuse_capsule (const EntryRow  *row,
                GError         **error)
{
  if (row->sealed)
    {
      g_set_error_literal (error, HEARTH_LIFELOG_ERROR, HEARTH_LIFELOG_ERROR_SEALED,
                           _("This time capsule is sealed until its day."));
      return TRUE;
    }
  if (row->is_capsule)
    {
      g_set_error_literal (error, HEARTH_LIFELOG_ERROR, HEARTH_LIFELOG_ERROR_OPENED,
                           _("An opened time capsule is kept as it was written."));
      return TRUE;
    }
  return FALSE;
}

static gboolean
edit_in_transaction (HearthStore  *store,
                     gpointer      user_data,
                     GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) statement = NULL;
  g_auto (EntryRow) row = { 0 };

  if (!load_entry (store, change->actor, change->entry_id, "lifelog", "update", &row, error) ||
      refuse_capsule (&row, error))
    return FALSE;
  if (g_str_equal (row.content, change->content))
    return TRUE;

  statement = hearth_store_prepare (store, "UPDATE lifelogs SET content = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, change->content);
  hearth_statement_bind_int64 (statement, 2, change->entry_id);
  return hearth_statement_run (statement, error) &&
         log_change (store, change->actor, change->entry_id, row.content, change->content, error) &&
         _hearth_search_remove (store, HEARTH_SEARCH_KIND_LIFELOG, change->entry_id, row.content, error) &&
         _hearth_search_add (store, HEARTH_SEARCH_KIND_LIFELOG, change->entry_id, change->content, error);
}

/**
 * hearth_lifelog_edit:
 *
 * Needs `lifelog.update`. One `lifelog_logs` row with the old and the new
 * content; the search index follows. A capsule is not edited, sealed
 * (%HEARTH_LIFELOG_ERROR_SEALED) or opened (%HEARTH_LIFELOG_ERROR_OPENED).
 */
gboolean
hearth_lifelog_edit (HearthLifelog  *self,
                     HearthActor    *actor,
                     gint64          entry_id,
                     const char     *content,
                     GError        **error)
{
  g_autofree char *clean = NULL;
  Change change = { actor, 0, entry_id };

  g_return_val_if_fail (HEARTH_IS_LIFELOG (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  clean = clean_content (content, error);
  if (clean == NULL)
    return FALSE;
  change.content = clean;
  return hearth_store_transaction (self->store, edit_in_transaction, &change, error);
}

/* Marks the entry deleted, its content kept in the log only. */
static gboolean
delete_row (HearthStore     *store,
            HearthActor     *actor,
            gint64           entry_id,
            const EntryRow  *row,
            GError         **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store, "UPDATE lifelogs SET content = '', deleted_at = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 2, entry_id);
  /* A withdrawn capsule's log row says that it went, never what it said: its
   * words leave the database with it. */
  return hearth_statement_run (statement, error) &&
         log_change (store, actor, entry_id, row->sealed ? NULL : row->content, NULL, error);
}

static gboolean
delete_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Change *change = user_data;
  g_auto (EntryRow) row = { 0 };

  if (!load_entry (store, change->actor, change->entry_id, "lifelog", "read", &row, error))
    return FALSE;
  /* Authors remove their own entries as editors; others' need lifelog.delete. */
  if (!hearth_authorize (store, change->actor, row.circle_id, "lifelog",
                         row.author_id == hearth_actor_get_user_id (change->actor) ? "update" : "delete", error))
    return FALSE;
  if (row.sealed)
    {
      g_set_error_literal (error, HEARTH_LIFELOG_ERROR, HEARTH_LIFELOG_ERROR_SEALED,
                           _("This time capsule is sealed until its day. Its author may withdraw it."));
      return FALSE;
    }
  return delete_row (store, change->actor, change->entry_id, &row, error) &&
         _hearth_search_remove (store, HEARTH_SEARCH_KIND_LIFELOG, change->entry_id, row.content, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (change->actor), row.circle_id, "lifelog",
                              change->entry_id, "lifelog.deleted", error);
}

/**
 * hearth_lifelog_delete:
 *
 * The author's own entry needs `lifelog.update`, someone else's
 * `lifelog.delete`. The entry leaves every list and the search index; its
 * content stays in the log. A sealed capsule is only withdrawn, by its author.
 */
gboolean
hearth_lifelog_delete (HearthLifelog  *self,
                       HearthActor    *actor,
                       gint64          entry_id,
                       GError        **error)
{
  Change change = { actor, 0, entry_id };

  g_return_val_if_fail (HEARTH_IS_LIFELOG (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, delete_in_transaction, &change, error);
}

static gboolean
withdraw_in_transaction (HearthStore  *store,
                         gpointer      user_data,
                         GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) statement = NULL;
  g_auto (EntryRow) row = { 0 };

  if (!load_entry (store, change->actor, change->entry_id, "capsule", "update", &row, error))
    return FALSE;
  if (!row.is_capsule)
    {
      g_set_error_literal (error, HEARTH_LIFELOG_ERROR, HEARTH_LIFELOG_ERROR_NOT_A_CAPSULE,
                           _("This entry is not a time capsule."));
      return FALSE;
    }
  if (row.author_id != hearth_actor_get_user_id (change->actor))
    {
      g_set_error_literal (error, HEARTH_LIFELOG_ERROR, HEARTH_LIFELOG_ERROR_NOT_AUTHOR,
                           _("Only the one who sealed this time capsule may withdraw it."));
      return FALSE;
    }
  if (!row.sealed)
    {
      g_set_error_literal (error, HEARTH_LIFELOG_ERROR, HEARTH_LIFELOG_ERROR_OPENED,
                           _("This time capsule has opened: it can no longer be withdrawn."));
      return FALSE;
    }

  /* The capsule goes, so it never falls due; the entry is deleted as any. */
  statement = hearth_store_prepare (store, "DELETE FROM capsules WHERE lifelog_id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->entry_id);
  return hearth_statement_run (statement, error) &&
         delete_row (store, change->actor, change->entry_id, &row, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (change->actor), row.circle_id, "lifelog",
                              change->entry_id, "capsule.withdrawn", error);
}

/**
 * hearth_lifelog_withdraw:
 *
 * Its author takes a sealed capsule back (`capsule.update`): it never opens,
 * and nobody reads it.
 */
gboolean
hearth_lifelog_withdraw (HearthLifelog  *self,
                         HearthActor    *actor,
                         gint64          entry_id,
                         GError        **error)
{
  Change change = { actor, 0, entry_id };

  g_return_val_if_fail (HEARTH_IS_LIFELOG (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, withdraw_in_transaction, &change, error);
}

/* Reading --------------------------------------------------------------------------------- */

/**
 * hearth_lifelog_get:
 *
 * Needs `lifelog.read`.
 *
 * Returns: (transfer full): the entry; a sealed capsule without its content
 */
HearthLifelogEntry *
hearth_lifelog_get (HearthLifelog  *self,
                    HearthActor    *actor,
                    gint64          entry_id,
                    GError        **error)
{
  g_auto (EntryRow) row = { 0 };

  g_return_val_if_fail (HEARTH_IS_LIFELOG (self), NULL);

  if (!load_entry (self->store, actor, entry_id, "lifelog", "read", &row, error))
    return NULL;
  return read_entry (self->store, entry_id, error);
}

static void
bind_circle (HearthStatement *statement,
             gpointer         user_data)
{
  hearth_statement_bind_int64 (statement, 1, *(gint64 *) user_data);
}

static const HearthQuery timeline_query = {
  .watch_table = "lifelogs",
  .watch_also = "capsules",
  .columns = HEARTH_LIFELOG_ENTRY_COLUMNS,
  .from = HEARTH_LIFELOG_ENTRY_FROM "WHERE l.circle_id = ?1 AND l.deleted_at IS NULL",
  .count_from = "FROM lifelogs l WHERE l.circle_id = ?1 AND l.deleted_at IS NULL",
  .key = "l.created_at",
  .id = "l.id",
  .new_from_row = _hearth_lifelog_entry_new_from_row,
};

/**
 * hearth_lifelog_new_timeline:
 *
 * Needs `lifelog.read` when it is made. The circle's entries and capsules,
 * newest first, as a list model that follows every change (a capsule opening
 * among them).
 *
 * Returns: (transfer full): the model
 */
HearthQueryModel *
hearth_lifelog_new_timeline (HearthLifelog  *self,
                             HearthActor    *actor,
                             gint64          circle_id,
                             GError        **error)
{
  HearthQuery query = timeline_query;

  g_return_val_if_fail (HEARTH_IS_LIFELOG (self), NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "lifelog", "read", error))
    return NULL;
  query.item_type = HEARTH_TYPE_LIFELOG_ENTRY;
  return hearth_query_model_new (self->store, &query, 1, bind_circle, g_memdup2 (&circle_id, sizeof circle_id),
                                 g_free, error);
}

/**
 * hearth_lifelog_on_this_day:
 *
 * Needs `lifelog.read`. For Home: the entries written on this calendar day
 * (the local one, by the store's clock) in earlier years, newest first;
 * sealed capsules are not among them.
 *
 * Returns: (transfer full) (element-type HearthLifelogEntry): the entries
 */
GPtrArray *
hearth_lifelog_on_this_day (HearthLifelog  *self,
                            HearthActor    *actor,
                            gint64          circle_id,
                            GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (HEARTH_IS_LIFELOG (self), NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "lifelog", "read", error))
    return NULL;
  now = g_date_time_new_from_unix_local (hearth_store_now (self->store) / G_USEC_PER_SEC);
  day = g_date_time_format (now, "%m-%d");
  year = g_date_time_format (now, "%Y");
  statement = hearth_store_prepare (self->store,
                                    "SELECT " HEARTH_LIFELOG_ENTRY_COLUMNS " " HEARTH_LIFELOG_ENTRY_FROM
                                    "WHERE l.circle_id = ?1 AND l.deleted_at IS NULL "
                                    "AND (c.id IS NULL OR c.unlocked_at IS NOT NULL) "
                                    "AND strftime ('%m-%d', l.created_at / 1000000, 'unixepoch', 'localtime') = ?2 "
                                    "AND strftime ('%Y', l.created_at / 1000000, 'unixepoch', 'localtime') < ?3 "
                                    "ORDER BY l.created_at DESC, l.id DESC",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  hearth_statement_bind_text (statement, 2, day);
  hearth_statement_bind_text (statement, 3, year);
  return hearth_statement_collect (statement, _hearth_lifelog_entry_new_from_row, g_object_unref, error);
}

/**
 * hearth_lifelog_opening_soon:
 * @within: how far ahead, in microseconds
 *
 * Needs `capsule.read`. For Home: the circle's sealed capsules that open
 * within @within, soonest first; who sealed them and when they open, never
 * what they say.
 *
 * Returns: (transfer full) (element-type HearthLifelogEntry): the capsules
 */
GPtrArray *
hearth_lifelog_opening_soon (HearthLifelog  *self,
                             HearthActor    *actor,
                             gint64          circle_id,
                             gint64          within,
                             GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  g_return_val_if_fail (HEARTH_IS_LIFELOG (self), NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "capsule", "read", error))
    return NULL;
  statement = hearth_store_prepare (self->store,
                                    "SELECT " HEARTH_LIFELOG_ENTRY_COLUMNS " " HEARTH_LIFELOG_ENTRY_FROM
                                    "WHERE l.circle_id = ?1 AND l.deleted_at IS NULL AND c.unlocked_at IS NULL "
                                    "AND c.unlock_at <= ?2 ORDER BY c.unlock_at, l.id",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  hearth_statement_bind_int64 (statement, 2, hearth_store_now (self->store) + within);
  return hearth_statement_collect (statement, _hearth_lifelog_entry_new_from_row, g_object_unref, error);
}

/* Capsules falling due (the scheduler's) ----------------------------------------------------- */

static gboolean
capsule_next_due (const HearthDueKind  *kind,
                  HearthStore          *store,
                  gint64               *out_when,
                  GError              **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT ifnull (min (c.unlock_at), 0) FROM capsules c "
                                    "JOIN lifelogs l ON l.id = c.lifelog_id "
                                    "WHERE c.unlocked_at IS NULL AND l.deleted_at IS NULL",
                                    error);
  if (statement == NULL || !hearth_statement_fetch_one (statement, error))
    return FALSE;
  *out_when = hearth_statement_get_int64 (statement, 0);
  return TRUE;
}

typedef struct
{
  gint64     now;
  GPtrArray *items;
} Opening;

static gboolean
open_in_transaction (HearthStore  *store,
                     gpointer      user_data,
                     GError      **error)
{
  Opening *opening = user_data;
  g_autoptr (HearthStatement) open = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) local_error = NULL;

  /* Marked in one statement: whoever else asks at the same moment, on
   * another connection or in another process, finds nothing left to open. */
  open = hearth_store_prepare (store,
                               "UPDATE capsules SET unlocked_at = ?1 "
                               "WHERE unlocked_at IS NULL AND unlock_at <= ?1 "
                               "AND lifelog_id IN (SELECT id FROM lifelogs WHERE deleted_at IS NULL) "
                               "RETURNING lifelog_id",
                               error);
  if (open == NULL)
    return FALSE;
  hearth_statement_bind_int64 (open, 1, opening->now);
  while (hearth_statement_next_row (open, &local_error))
    {
      gint64 id = hearth_statement_get_int64 (open, 0);

      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_pointer (&open, hearth_statement_release);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (HearthStatement) entry = NULL;
      g_autoptr (GDateTime) written = NULL;
      g_autofree char *date = NULL;
      HearthDueItem *item;
      const char *author;

      entry = hearth_store_prepare (store,
                                    "SELECT l.content, l.circle_id, ifnull (u.display_name, ''), l.created_at, "
                                    "       ci.name "
                                    "FROM lifelogs l LEFT JOIN users u ON u.id = l.author_id "
                                    "JOIN circles ci ON ci.id = l.circle_id WHERE l.id = ?",
                                    error);
      if (entry == NULL)
        return FALSE;
      hearth_statement_bind_int64 (entry, 1, id);
      if (!hearth_statement_fetch_one (entry, error) ||
          !_hearth_search_add (store, HEARTH_SEARCH_KIND_LIFELOG, id, hearth_statement_get_text (entry, 0), error))
        return FALSE;

      /* What the notification says: who, when, where; never what. */
      author = hearth_statement_get_text (entry, 2);
      written = g_date_time_new_from_unix_local (hearth_statement_get_int64 (entry, 3) / G_USEC_PER_SEC);
      date = g_date_time_format (written, "%x");
      item = g_new0 (HearthDueItem, 1);
      item->kind = "capsule";
      item->id = id;
      item->circle_id = hearth_statement_get_int64 (entry, 1);
      item->title = *author != '\0'
                    /* Translators: a notification: "A time capsule from Mum has opened" */
                    ? g_strdup_printf (_("A time capsule from %s has opened"), author)
                    : g_strdup (_("A time capsule has opened"));
      /* Translators: under it: "Sealed on 11/27/26. Read it in the life log of The Lovelaces." */
      item->body = g_strdup_printf (_("Sealed on %s. Read it in the life log of %s."), date,
                                    hearth_statement_get_text (entry, 4));
      g_ptr_array_add (opening->items, item);
    }
  return TRUE;
}

static GPtrArray *
capsule_fire_due (const HearthDueKind  *kind,
                  HearthStore          *store,
                  gint64                now,
                  GError              **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_due_item_free);
  Opening opening = { now, items };

  if (!hearth_store_transaction (store, open_in_transaction, &opening, error))
    return NULL;
  return g_steal_pointer (&items);
}

static const HearthDueKind capsule_kind = {
  .name = "capsule",
  .watch_table = "capsules",
  .next_due = capsule_next_due,
  .fire_due = capsule_fire_due,
};

/**
 * hearth_lifelog_capsule_kind:
 *
 * Returns: (transfer none): time capsules as the scheduler's due items: a
 *   capsule opens once, when its moment comes, and is indexed for search then
 */
const HearthDueKind *
hearth_lifelog_capsule_kind (void)
{
  return &capsule_kind;
}
