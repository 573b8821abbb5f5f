/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-categories"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-audit.h"
#include "hearth-categories-private.h"
#include "hearth-permissions.h"
#include "hearth-store.h"
#include "hearth-validation.h"

/*
 * The seed's CategoryTagModule: the categories and tags every module files its
 * rows under. Both belong to a circle (migration 0005): a circle's owner and
 * admins decide over them through the policy table (`category.*`, `tag.*`), and
 * another circle never sees them. A row with no circle is shared by every
 * circle and changed by nobody: the system-defined categories. Tag functions
 * are in hearth-tags.c.
 */

struct _HearthCategories
{
  GObject      parent_instance;

  HearthStore *store;
};

G_DEFINE_FINAL_TYPE (HearthCategories, hearth_categories, G_TYPE_OBJECT)

G_DEFINE_QUARK (hearth-categories-error-quark, hearth_categories_error)

static void
hearth_categories_dispose (GObject *object)
{
  HearthCategories *self = HEARTH_CATEGORIES (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (hearth_categories_parent_class)->dispose (object);
}

static void
hearth_categories_class_init (HearthCategoriesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hearth_categories_dispose;
}

static void
hearth_categories_init (HearthCategories *self)
{
}

/**
 * hearth_categories_new:
 * @guard: the guard of the store on which categories and tags live
 */
HearthCategories *
hearth_categories_new (HearthGuard *guard)
{
  HearthCategories *self;

  g_return_val_if_fail (HEARTH_IS_GUARD (guard), NULL);

  self = g_object_new (HEARTH_TYPE_CATEGORIES, NULL);
  self->store = g_object_ref (hearth_guard_get_store (guard));
  return self;
}

/**
 * hearth_categories_get_store:
 *
 * Returns: (transfer none): the store, whose `changed` signal says when
 *   categories, tags and their links moved
 */
HearthStore *
hearth_categories_get_store (HearthCategories *self)
{
  g_return_val_if_fail (HEARTH_IS_CATEGORIES (self), NULL);
  return self->store;
}

/**
 * hearth_categories_can:
 *
 * What the screens ask before they offer an action; the functions check again.
 *
 * Returns: %TRUE when hearth_authorize() allows it now
 */
gboolean
hearth_categories_can (HearthCategories *self,
                       HearthActor      *actor,
                       gint64            circle_id,
                       const char       *resource,
                       const char       *action)
{
  g_return_val_if_fail (HEARTH_IS_CATEGORIES (self), FALSE);
  return hearth_authorize (self->store, actor, circle_id, resource, action, NULL);
}

gboolean
_hearth_categories_check_module (const char  *module,
                                 GError     **error)
{
  if (g_strcmp0 (module, "FINANCE") == 0 || g_strcmp0 (module, "LIFELOG") == 0 ||
      g_strcmp0 (module, "KNOWLEDGE") == 0)
    return TRUE;
  g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_CATEGORY,
                       _("Categories are for finance, the life log and notes."));
  return FALSE;
}

/* The circle a category or tag belongs to, for authorizing a change to it: an
 * unknown id is refused like a circle one is not in, a shared row is refused
 * to everyone. */
gboolean
_hearth_categories_authorize_row (HearthStore  *store,
                                  HearthActor  *actor,
                                  const char   *table,
                                  gint64        id,
                                  const char   *action,
                                  gint64       *out_circle_id,
                                  char        **out_name,
                                  char        **out_module,
                                  GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;
  gboolean is_tag = g_str_equal (table, "tags");

  sql = g_strdup_printf ("SELECT ifnull (circle_id, 0), name, module FROM %s WHERE id = ?", table);
  statement = hearth_store_prepare (store, sql, error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, id);
  if (!hearth_statement_fetch_one (statement, NULL))
    {
      g_set_error_literal (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                           is_tag ? _("You are not allowed to change this tag.")
                                  : _("You are not allowed to change this category."));
      return FALSE;
    }
  *out_circle_id = hearth_statement_get_int64 (statement, 0);
  if (*out_circle_id == 0)
    {
      g_set_error_literal (error, HEARTH_CATEGORIES_ERROR, HEARTH_CATEGORIES_ERROR_SHARED,
                           is_tag ? _("This tag is shared by every circle and cannot be changed.")
                                  : _("This category comes with Hearth and cannot be changed."));
      return FALSE;
    }
  if (out_name != NULL)
    *out_name = hearth_statement_dup_text (statement, 1);
  if (out_module != NULL)
    *out_module = hearth_statement_dup_text (statement, 2);
  return hearth_authorize (store, actor, *out_circle_id, is_tag ? "tag" : "category", action, error);
}

/**
 * _hearth_category_check:
 * @category_id: a category, or 0 for none
 *
 * Whether a row of @module in @circle_id may be filed under @category_id: the
 * category is the module's, and shared or the circle's own.
 */
gboolean
_hearth_category_check (HearthStore  *store,
                        gint64        circle_id,
                        const char   *module,
                        gint64        category_id,
                        GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  if (category_id == 0)
    return TRUE;
  statement = hearth_store_prepare (store,
                                    "SELECT 1 FROM categories WHERE id = ? AND module = ? "
                                    "AND (circle_id IS NULL OR circle_id = ?)",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, category_id);
  hearth_statement_bind_text (statement, 2, module);
  hearth_statement_bind_int64 (statement, 3, circle_id);
  if (hearth_statement_fetch_one (statement, NULL))
    return TRUE;
  g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_CATEGORY,
                       _("Choose one of the categories."));
  return FALSE;
}

/* Whether another category (@table "categories") or tag ("tags") of the
 * module that the circle sees has the name, in any case. */
gboolean
_hearth_categories_check_name_free (HearthStore  *store,
                                    const char   *table,
                                    gint64        circle_id,
                                    const char   *module,
                                    const char   *name,
                                    gint64        except_id,
                                    GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE module = ? AND (circle_id IS NULL OR circle_id = ?) "
                                          "AND name = ? COLLATE NOCASE AND id != ?",
                                          table);

  statement = hearth_store_prepare (store, sql, error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, module);
  hearth_statement_bind_int64 (statement, 2, circle_id);
  hearth_statement_bind_text (statement, 3, name);
  hearth_statement_bind_int64 (statement, 4, except_id);
  if (!hearth_statement_fetch_one (statement, NULL))
    return TRUE;
  g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_NAME,
                       g_str_equal (table, "tags") ? _("There is a tag of that name already.")
                                                   : _("There is a category of that name already."));
  return FALSE;
}

static const char category_columns[] = "SELECT " HEARTH_CATEGORY_COLUMNS " FROM categories ";

/**
 * hearth_categories_list:
 * @module: `FINANCE`, `LIFELOG` or `KNOWLEDGE`
 *
 * Needs `category.read` in the circle.
 *
 * Returns: (transfer full) (element-type HearthCategory): the module's shared
 *   categories and the circle's own, by name
 */
GPtrArray *
hearth_categories_list (HearthCategories  *self,
                        HearthActor       *actor,
                        gint64             circle_id,
                        const char        *module,
                        GError           **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HEARTH_IS_CATEGORIES (self), NULL);

  if (!_hearth_categories_check_module (module, error) ||
      !hearth_authorize (self->store, actor, circle_id, "category", "read", error))
    return NULL;
  sql = g_strconcat (category_columns,
                     "WHERE module = ? AND (circle_id IS NULL OR circle_id = ?) ORDER BY name COLLATE NOCASE, id",
                     NULL);
  statement = hearth_store_prepare (self->store, sql, error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_text (statement, 1, module);
  hearth_statement_bind_int64 (statement, 2, circle_id);
  return hearth_statement_collect (statement, _hearth_category_new_from_row, g_object_unref, error);
}

typedef struct
{
  HearthActor *actor;
  gint64       circle_id;
  gint64       id;
  const char  *module;
  const char  *name;
  gpointer     result;
} Change;

static gboolean
create_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;

  if (!hearth_authorize (store, change->actor, change->circle_id, "category", "create", error) ||
      !_hearth_categories_check_name_free (store, "categories", change->circle_id, change->module, change->name, 0,
                                           error))
    return FALSE;
  sql = g_strconcat ("INSERT INTO categories (module, name, system_defined, circle_id) VALUES (?, ?, 0, ?) "
                     "RETURNING " HEARTH_CATEGORY_COLUMNS,
                     NULL);
  statement = hearth_store_prepare (store, sql, error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, change->module);
  hearth_statement_bind_text (statement, 2, change->name);
  hearth_statement_bind_int64 (statement, 3, change->circle_id);
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  change->result = _hearth_category_new_from_row (statement);
  change->id = hearth_category_get_id (change->result);
  g_clear_pointer (&statement, hearth_statement_release);
  return hearth_audit_record (store, hearth_actor_get_user_id (change->actor), change->circle_id, "category",
                              change->id, "category.created", error);
}

/**
 * hearth_categories_create:
 * @module: `FINANCE`, `LIFELOG` or `KNOWLEDGE`
 * @name: up to 64 characters, unlike (in any case) every category the circle
 *   sees in the module
 *
 * Needs `category.create`. Recorded in the audit log.
 *
 * Returns: (transfer full): the new category
 */
HearthCategory *
hearth_categories_create (HearthCategories  *self,
                          HearthActor       *actor,
                          gint64             circle_id,
                          const char        *module,
                          const char        *name,
                          GError           **error)
{
  g_autofree char *clean_name = NULL;
  Change change = { actor, circle_id, 0, module };

  g_return_val_if_fail (HEARTH_IS_CATEGORIES (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  if (!_hearth_categories_check_module (module, error))
    return NULL;
  clean_name = hearth_validation_clean_text (name, HEARTH_CATEGORY_NAME_MAX_CHARS, TRUE,
                                             HEARTH_VALIDATION_ERROR_NAME, error);
  if (clean_name == NULL)
    return NULL;
  change.name = clean_name;
  if (!hearth_store_transaction (self->store, create_in_transaction, &change, error))
    {
      g_clear_object (&change.result);
      return NULL;
    }
  return change.result;
}

/* Renames a category (@table "categories") or a tag ("tags"), authorized,
 * checked against the circle's other names, audited: one way for both. */
gboolean
_hearth_categories_rename_row (HearthStore  *store,
                               HearthActor  *actor,
                               const char   *table,
                               gint64        id,
                               const char   *name,
                               GError      **error)
{
  gboolean is_tag = g_str_equal (table, "tags");
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *module = NULL;
  g_autofree char *sql = NULL;
  gint64 circle_id;

  if (!_hearth_categories_authorize_row (store, actor, table, id, "update", &circle_id, &old_name, &module, error))
    return FALSE;
  if (g_str_equal (old_name, name))
    return TRUE;
  if (!_hearth_categories_check_name_free (store, table, circle_id, module, name, id, error))
    return FALSE;
  sql = g_strdup_printf ("UPDATE %s SET name = ? WHERE id = ?", table);
  statement = hearth_store_prepare (store, sql, error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, name);
  hearth_statement_bind_int64 (statement, 2, id);
  return hearth_statement_run (statement, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (actor), circle_id, is_tag ? "tag" : "category", id,
                              is_tag ? "tag.renamed" : "category.renamed", error);
}

static gboolean
rename_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Change *change = user_data;

  return _hearth_categories_rename_row (store, change->actor, "categories", change->id, change->name, error);
}

/**
 * hearth_categories_rename:
 *
 * Needs `category.update` in the category's circle; a shared category is
 * refused with %HEARTH_CATEGORIES_ERROR_SHARED. Every row filed under it shows
 * the new name. Recorded in the audit log.
 */
gboolean
hearth_categories_rename (HearthCategories  *self,
                          HearthActor       *actor,
                          gint64             category_id,
                          const char        *name,
                          GError           **error)
{
  g_autofree char *clean_name = NULL;
  Change change = { actor, 0, category_id };

  g_return_val_if_fail (HEARTH_IS_CATEGORIES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  clean_name = hearth_validation_clean_text (name, HEARTH_CATEGORY_NAME_MAX_CHARS, TRUE,
                                             HEARTH_VALIDATION_ERROR_NAME, error);
  if (clean_name == NULL)
    return FALSE;
  change.name = clean_name;
  return hearth_store_transaction (self->store, rename_in_transaction, &change, error);
}

static gboolean
delete_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) log = NULL;
  g_autoptr (HearthStatement) unlink = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *name = NULL;

  if (!_hearth_categories_authorize_row (store, change->actor, "categories", change->id, "delete",
                                         &change->circle_id, &name, NULL, error))
    return FALSE;

  /* The ledger lines filed under it lose their category, each with its log row,
   * as if edited one by one. */
  log = hearth_store_prepare (store,
                              "INSERT INTO transaction_logs (transaction_id, old_status, new_status, changed_by, "
                              "                              created_at, changes) "
                              "SELECT id, status, status, ?2, ?3, "
                              "       json_object ('category_id', json_object ('old', CAST (?1 AS TEXT), 'new', '0')) "
                              "FROM transactions WHERE category_id = ?1",
                              error);
  if (log == NULL)
    return FALSE;
  hearth_statement_bind_int64 (log, 1, change->id);
  hearth_statement_bind_int64 (log, 2, hearth_actor_get_user_id (change->actor));
  hearth_statement_bind_int64 (log, 3, hearth_store_now (store));
  unlink = hearth_store_prepare (store, "UPDATE transactions SET category_id = NULL WHERE category_id = ?", error);
  if (unlink == NULL)
    return FALSE;
  hearth_statement_bind_int64 (unlink, 1, change->id);
  statement = hearth_store_prepare (store, "DELETE FROM categories WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->id);
  return hearth_statement_run (log, error) &&
         hearth_statement_run (unlink, error) &&
         hearth_statement_run (statement, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (change->actor), change->circle_id, "category",
                              change->id, "category.deleted", error);
}

/**
 * hearth_categories_delete:
 *
 * Needs `category.delete` in the category's circle; a shared category is
 * refused with %HEARTH_CATEGORIES_ERROR_SHARED. The rows filed under it are
 * kept and lose their category, each change logged in its module's log.
 * Recorded in the audit log.
 */
gboolean
hearth_categories_delete (HearthCategories  *self,
                          HearthActor       *actor,
                          gint64             category_id,
                          GError           **error)
{
  Change change = { actor, 0, category_id };

  g_return_val_if_fail (HEARTH_IS_CATEGORIES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, delete_in_transaction, &change, error);
}
