/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-auth-error.h"
#include "hearth-permissions.h"
#include "hearth-store.h"

/*
 * The one list of resources and actions that permission policies speak of, with
 * the default decision for each: the least role that may act. The default
 * policies seeded by schemas/sqlite/0002-seed-rows.sql are this table spelled out
 * for every role, which a test checks row by row; docs/PERMISSIONS.md explains
 * it for people. A module that adds an action adds it here, to a migration that
 * seeds its rows, and to that document.
 *
 * In words: OWNER may do everything. ADMIN everything except dissolving the
 * circle, transferring ownership and editing policies. EDITOR reads everything
 * but the audit log, and creates and edits content. VISITOR reads the same.
 *
 * The audit pair came with migration 0003; every other pair with 0002.
 */
static const HearthPermission vocabulary[] = {
  { "circle",      "read",               HEARTH_ROLE_VISITOR },
  { "circle",      "update",             HEARTH_ROLE_ADMIN },
  { "circle",      "dissolve",           HEARTH_ROLE_OWNER },
  { "circle",      "transfer_ownership", HEARTH_ROLE_OWNER },
  { "member",      "read",               HEARTH_ROLE_VISITOR },
  { "member",      "add",                HEARTH_ROLE_ADMIN },
  { "member",      "remove",             HEARTH_ROLE_ADMIN },
  { "member",      "change_role",        HEARTH_ROLE_ADMIN },
  { "member",      "unlock_profile",     HEARTH_ROLE_ADMIN },
  { "policy",      "read",               HEARTH_ROLE_VISITOR },
  { "policy",      "update",             HEARTH_ROLE_OWNER },
  { "activity",    "read",               HEARTH_ROLE_VISITOR },
  { "audit",       "read",               HEARTH_ROLE_ADMIN },
  { "data",        "export",             HEARTH_ROLE_ADMIN },
  { "account",     "read",               HEARTH_ROLE_VISITOR },
  { "account",     "create",             HEARTH_ROLE_EDITOR },
  { "account",     "update",             HEARTH_ROLE_EDITOR },
  { "account",     "archive",            HEARTH_ROLE_ADMIN },
  { "transaction", "read",               HEARTH_ROLE_VISITOR },
  { "transaction", "create",             HEARTH_ROLE_EDITOR },
  { "transaction", "update",             HEARTH_ROLE_EDITOR },
  { "transaction", "void",               HEARTH_ROLE_ADMIN },
  { "transaction", "import",             HEARTH_ROLE_EDITOR },
  { "receipt",     "read",               HEARTH_ROLE_VISITOR },
  { "receipt",     "attach",             HEARTH_ROLE_EDITOR },
  { "receipt",     "remove",             HEARTH_ROLE_ADMIN },
  { "category",    "read",               HEARTH_ROLE_VISITOR },
  { "category",    "create",             HEARTH_ROLE_EDITOR },
  { "category",    "update",             HEARTH_ROLE_EDITOR },
  { "category",    "delete",             HEARTH_ROLE_ADMIN },
  { "tag",         "read",               HEARTH_ROLE_VISITOR },
  { "tag",         "create",             HEARTH_ROLE_EDITOR },
  { "tag",         "update",             HEARTH_ROLE_EDITOR },
  { "tag",         "delete",             HEARTH_ROLE_ADMIN },
  { "lifelog",     "read",               HEARTH_ROLE_VISITOR },
  { "lifelog",     "create",             HEARTH_ROLE_EDITOR },
  { "lifelog",     "update",             HEARTH_ROLE_EDITOR },
  { "lifelog",     "delete",             HEARTH_ROLE_ADMIN },
  { "capsule",     "read",               HEARTH_ROLE_VISITOR },
  { "capsule",     "create",             HEARTH_ROLE_EDITOR },
  { "capsule",     "update",             HEARTH_ROLE_EDITOR },
  { "capsule",     "delete",             HEARTH_ROLE_ADMIN },
  { "task",        "read",               HEARTH_ROLE_VISITOR },
  { "task",        "create",             HEARTH_ROLE_EDITOR },
  { "task",        "update",             HEARTH_ROLE_EDITOR },
  { "task",        "assign",             HEARTH_ROLE_EDITOR },
  { "task",        "approve",            HEARTH_ROLE_ADMIN },
  { "task",        "delete",             HEARTH_ROLE_ADMIN },
  { "note",        "read",               HEARTH_ROLE_VISITOR },
  { "note",        "create",             HEARTH_ROLE_EDITOR },
  { "note",        "update",             HEARTH_ROLE_EDITOR },
  { "note",        "delete",             HEARTH_ROLE_ADMIN },
  { "reminder",    "read",               HEARTH_ROLE_VISITOR },
  { "reminder",    "create",             HEARTH_ROLE_EDITOR },
  { "reminder",    "update",             HEARTH_ROLE_EDITOR },
  { "reminder",    "delete",             HEARTH_ROLE_ADMIN },
  { "trip",        "read",               HEARTH_ROLE_VISITOR },
  { "trip",        "create",             HEARTH_ROLE_EDITOR },
  { "trip",        "update",             HEARTH_ROLE_EDITOR },
  { "trip",        "delete",             HEARTH_ROLE_ADMIN },
  { "budget",      "read",               HEARTH_ROLE_VISITOR },
  { "budget",      "create",             HEARTH_ROLE_EDITOR },
  { "budget",      "update",             HEARTH_ROLE_EDITOR },
  { "budget",      "delete",             HEARTH_ROLE_ADMIN },
};

static const char * const role_names[] = {
  [HEARTH_ROLE_VISITOR] = "VISITOR",
  [HEARTH_ROLE_EDITOR] = "EDITOR",
  [HEARTH_ROLE_ADMIN] = "ADMIN",
  [HEARTH_ROLE_OWNER] = "OWNER",
};

/**
 * hearth_role_to_string:
 *
 * Returns: the role's word in the database (`OWNER`, ...)
 */
const char *
hearth_role_to_string (HearthRole role)
{
  g_return_val_if_fail (role >= HEARTH_ROLE_VISITOR && role <= HEARTH_ROLE_OWNER, NULL);

  return role_names[role];
}

/**
 * hearth_role_from_string:
 * @text: a role's word in the database
 * @out_role: (out): the role
 *
 * Returns: %FALSE when @text names no role
 */
gboolean
hearth_role_from_string (const char *text,
                         HearthRole *out_role)
{
  g_return_val_if_fail (out_role != NULL, FALSE);

  for (HearthRole role = HEARTH_ROLE_VISITOR; role <= HEARTH_ROLE_OWNER; role++)
    {
      if (g_strcmp0 (text, role_names[role]) == 0)
        {
          *out_role = role;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * hearth_permissions_get_vocabulary:
 * @n_permissions: (out): the number of entries
 *
 * Returns: (array length=n_permissions) (transfer none): every (resource,
 *   action) pair with its default least role
 */
const HearthPermission *
hearth_permissions_get_vocabulary (size_t *n_permissions)
{
  g_return_val_if_fail (n_permissions != NULL, NULL);

  *n_permissions = G_N_ELEMENTS (vocabulary);
  return vocabulary;
}

G_DEFINE_QUARK (hearth-permission-error-quark, hearth_permission_error)

/**
 * hearth_permissions_lookup:
 *
 * Returns: (nullable) (transfer none): the vocabulary's entry for the pair, or
 *   %NULL when no policy speaks of it
 */
const HearthPermission *
hearth_permissions_lookup (const char *resource,
                           const char *action)
{
  for (size_t i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    {
      if (g_str_equal (vocabulary[i].resource, resource) && g_str_equal (vocabulary[i].action, action))
        return &vocabulary[i];
    }
  return NULL;
}

/**
 * hearth_permission_is_fixed:
 *
 * The pairs that make someone the circle's owner: dissolving it, handing it on
 * and editing its policies. No override changes them, so an owner cannot give
 * the circle away by a switch, nor lock themselves out of the grid.
 *
 * Returns: %TRUE when no circle may override @permission
 */
gboolean
hearth_permission_is_fixed (const HearthPermission *permission)
{
  g_return_val_if_fail (permission != NULL, TRUE);

  return permission->least_role == HEARTH_ROLE_OWNER;
}

/**
 * hearth_permission_is_read_only:
 *
 * Returns: %TRUE when @permission only reads, so that a dissolved circle still
 *   allows it
 */
gboolean
hearth_permission_is_read_only (const HearthPermission *permission)
{
  g_return_val_if_fail (permission != NULL, FALSE);

  return g_str_equal (permission->action, "read") || g_str_equal (permission->action, "export");
}

static gboolean
deny (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED, message);
  return FALSE;
}

/* The actor's role in the circle, in one statement that also checks that the
 * actor's session is open: a signed-out or expired session acts nowhere. */
static gboolean
lookup_membership (HearthStore  *store,
                   HearthActor  *actor,
                   gint64        circle_id,
                   HearthRole   *out_role,
                   gboolean     *out_dissolved,
                   GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  gboolean member;

  statement = hearth_store_prepare (store,
                                    "SELECT c.status = 'DISSOLVED', m.role, "
                                    "  EXISTS (SELECT 1 FROM auth_sessions s WHERE s.id = ?1 AND s.user_id = ?2 "
                                    "          AND s.revoked_at IS NULL AND s.expires_at > ?3) "
                                    "FROM circles c LEFT JOIN circle_members m ON m.circle_id = c.id AND m.user_id = "
                                    "?2 "
                                    "WHERE c.id = ?4",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_int64 (statement, 1, hearth_actor_get_session_id (actor));
  hearth_statement_bind_int64 (statement, 2, hearth_actor_get_user_id (actor));
  hearth_statement_bind_int64 (statement, 3, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 4, circle_id);

  if (!hearth_statement_fetch_optional (statement, &member, error))
    return FALSE;
  /* An unknown circle says no more than a circle one is not in. */
  if (!member)
    return deny (error, _("You are not a member of this circle."));

  if (hearth_statement_get_int64 (statement, 2) == 0)
    {
      g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID,
                           _("You have been signed out. Sign in again to go on."));
      return FALSE;
    }

  if (hearth_statement_get_is_null (statement, 1) ||
      !hearth_role_from_string (hearth_statement_get_text (statement, 1), out_role))
    return deny (error, _("You are not a member of this circle."));

  *out_dissolved = hearth_statement_get_int64 (statement, 0) != 0;
  return TRUE;
}

/**
 * hearth_authorize_get_role:
 * @out_role: (out): the actor's role in the circle
 *
 * Returns: %TRUE when @actor's session is open and it is a member of the
 *   circle; otherwise %FALSE with %HEARTH_PERMISSION_ERROR_DENIED or
 *   %HEARTH_AUTH_ERROR_SESSION_INVALID
 */
gboolean
hearth_authorize_get_role (HearthStore  *store,
                           HearthActor  *actor,
                           gint64        circle_id,
                           HearthRole   *out_role,
                           GError      **error)
{
  gboolean dissolved;

  g_return_val_if_fail (HEARTH_IS_STORE (store), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (out_role != NULL, FALSE);

  return lookup_membership (store, actor, circle_id, out_role, &dissolved, error);
}

/**
 * hearth_authorize:
 * @store: the connection of the transaction that the check guards
 * @circle_id: the circle that owns the resource: the caller takes it from the
 *   row acted on, never from what it was asked
 * @resource: a resource of the vocabulary (`transaction`, `member`, ...)
 * @action: one of its actions (`read`, `void`, ...)
 *
 * May @actor take @action on @resource in the circle? Default deny: the actor
 * must have an open session and be a member; the circle's own policy row for
 * the member's role decides, else the default row; a pair that no policy names
 * is refused; a dissolved circle only reads.
 *
 * It reads the membership and the policy each time, so a role change or a
 * removal holds from the next call on, also for a member who is signed in.
 *
 * Returns: %TRUE when allowed; otherwise %FALSE with
 *   %HEARTH_PERMISSION_ERROR_DENIED (or %HEARTH_AUTH_ERROR_SESSION_INVALID)
 */
gboolean
hearth_authorize (HearthStore  *store,
                  HearthActor  *actor,
                  gint64        circle_id,
                  const char   *resource,
                  const char   *action,
                  GError      **error)
{
  const HearthPermission *permission;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;
  HearthRole role;
  gboolean dissolved;

  g_return_val_if_fail (HEARTH_IS_STORE (store), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (resource != NULL && action != NULL, FALSE);

  if (!lookup_membership (store, actor, circle_id, &role, &dissolved, error))
    return FALSE;

  permission = hearth_permissions_lookup (resource, action);
  if (permission == NULL)
    {
      g_critical ("No policy speaks of %s.%s", resource, action);
      return deny (error, _("You are not allowed to do this in this circle."));
    }

  if (dissolved && !hearth_permission_is_read_only (permission))
    return deny (error, _("This circle has been dissolved: what it holds can be read but not changed."));

  statement = hearth_store_prepare (store,
                                    "SELECT allowed FROM permission_policies "
                                    "WHERE ifnull (circle_id, 0) IN (?1, 0) AND role = ?2 AND resource = ?3 AND action "
                                    "= ?4 "
                                    "ORDER BY circle_id IS NULL LIMIT 1",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, hearth_permission_is_fixed (permission) ? 0 : circle_id);
  hearth_statement_bind_text (statement, 2, hearth_role_to_string (role));
  hearth_statement_bind_text (statement, 3, resource);
  hearth_statement_bind_text (statement, 4, action);

  if (hearth_statement_next_row (statement, &local_error) && hearth_statement_get_int64 (statement, 0) != 0)
    return TRUE;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return deny (error, _("Your role in this circle does not allow this."));
}
