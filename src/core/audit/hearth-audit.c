/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-audit"

#include "config.h"

#include "hearth-audit.h"
#include "hearth-audit-entry-private.h"
#include "hearth-permissions.h"
#include "hearth-store.h"

/*
 * The global audit log (`audit_logs`): the critical actions of every module,
 * one row each, written by the service that acts inside its own transaction,
 * so that the action and its row land together or not at all. Each row belongs
 * to a circle: the one acted in, or for a profile's own actions (sign-in,
 * password) its personal circle. A circle's owner and admins read its rows
 * (`audit.read`).
 */

/**
 * hearth_audit_record:
 * @store: the connection of the transaction that makes the change
 * @actor_id: the profile that acts
 * @circle_id: the circle the action belongs to
 * @entity_type: what was acted on (`circle`, `user`, `account`, ...)
 * @entity_id: its id, or 0 when there is none
 * @action: what was done, as `module.verb`
 *
 * Call it inside the transaction of the change it records.
 */
gboolean
hearth_audit_record (HearthStore  *store,
                     gint64        actor_id,
                     gint64        circle_id,
                     const char   *entity_type,
                     gint64        entity_id,
                     const char   *action,
                     GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  g_return_val_if_fail (HEARTH_IS_STORE (store), FALSE);
  g_return_val_if_fail (entity_type != NULL && action != NULL, FALSE);
  g_warn_if_fail (hearth_store_in_transaction (store));

  statement = hearth_store_prepare (store,
                                    "INSERT INTO audit_logs (actor_id, circle_id, entity_type, entity_id, action, "
                                    "created_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?)",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_int64 (statement, 1, actor_id);
  hearth_statement_bind_int64 (statement, 2, circle_id);
  hearth_statement_bind_text (statement, 3, entity_type);
  if (entity_id > 0)
    hearth_statement_bind_int64 (statement, 4, entity_id);
  else
    hearth_statement_bind_null (statement, 4);
  hearth_statement_bind_text (statement, 5, action);
  hearth_statement_bind_int64 (statement, 6, hearth_store_now (store));
  return hearth_statement_run (statement, error);
}

/**
 * hearth_audit_record_personal:
 * @user_id: the profile that acts on itself
 * @action: what was done (`auth.sign_in`, `auth.password_changed`, ...)
 *
 * Records a profile's action on itself, in its personal circle.
 */
gboolean
hearth_audit_record_personal (HearthStore  *store,
                              gint64        user_id,
                              const char   *action,
                              GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  g_return_val_if_fail (HEARTH_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_warn_if_fail (hearth_store_in_transaction (store));

  statement = hearth_store_prepare (store,
                                    "INSERT INTO audit_logs (actor_id, circle_id, entity_type, entity_id, action, "
                                    "created_at) "
                                    "VALUES (?1, (SELECT id FROM circles WHERE kind = 'PERSONAL' AND owner_id = ?1), "
                                    "        'user', ?1, ?2, ?3)",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_int64 (statement, 1, user_id);
  hearth_statement_bind_text (statement, 2, action);
  hearth_statement_bind_int64 (statement, 3, hearth_store_now (store));
  return hearth_statement_run (statement, error);
}

/**
 * hearth_audit_list:
 * @filter: the circle, and optionally who, what and when
 * @after: (nullable): where the page starts: the time and id of the last row
 *   of the page before, or %NULL for the newest rows
 * @limit: the most rows to return
 *
 * Needs `audit.read` in the filter's circle (its owner and admins by default).
 *
 * Returns: (transfer full) (element-type HearthAuditEntry): a page of the
 *   circle's log, newest first, or %NULL
 */
GPtrArray *
hearth_audit_list (HearthStore              *store,
                   HearthActor              *actor,
                   const HearthAuditFilter  *filter,
                   const HearthKeyset       *after,
                   guint                     limit,
                   GError                  **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  if (!hearth_authorize (store, actor, filter->circle_id, "audit", "read", error))
    return NULL;

  /* Each optional filter is a term that is true when it is not set, so one
   * cached statement serves every combination; the keyset walks the
   * (circle_id, created_at, id) index. */
  statement = hearth_store_prepare (store,
                                    "SELECT " HEARTH_AUDIT_ENTRY_COLUMNS " "
                                    "FROM audit_logs a LEFT JOIN users u ON u.id = a.actor_id "
                                    "WHERE a.circle_id = ?1 "
                                    "  AND (?2 = 0 OR a.actor_id = ?2) "
                                    "  AND (?3 IS NULL OR a.entity_type = ?3) "
                                    "  AND (?4 = 0 OR a.created_at >= ?4) "
                                    "  AND (?5 = 0 OR a.created_at < ?5) "
                                    "  AND (?6 = 0 OR (a.created_at, a.id) < (?6, ?7)) "
                                    "ORDER BY a.created_at DESC, a.id DESC LIMIT ?8",
                                    error);
  if (statement == NULL)
    return NULL;

  hearth_statement_bind_int64 (statement, 1, filter->circle_id);
  hearth_statement_bind_int64 (statement, 2, filter->actor_id);
  if (filter->entity_type != NULL)
    hearth_statement_bind_text (statement, 3, filter->entity_type);
  else
    hearth_statement_bind_null (statement, 3);
  hearth_statement_bind_int64 (statement, 4, filter->since);
  hearth_statement_bind_int64 (statement, 5, filter->until);
  hearth_statement_bind_int64 (statement, 6, after != NULL ? after->key : 0);
  hearth_statement_bind_int64 (statement, 7, after != NULL ? after->id : 0);
  hearth_statement_bind_int64 (statement, 8, limit);

  return hearth_statement_collect (statement, (HearthRowFunc) _hearth_audit_entry_new_from_row,
                                   g_object_unref, error);
}
