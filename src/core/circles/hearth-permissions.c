/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles"

#include "config.h"

#include "hearth-permissions.h"

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
 * and creates and edits content. VISITOR reads.
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
