/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HearthRole:
 *
 * A member's role in a circle. Roles rank in this order, so a role may take an
 * action when it ranks at least as high as the action's least role.
 */
typedef enum
{
  HEARTH_ROLE_VISITOR = 1,
  HEARTH_ROLE_EDITOR,
  HEARTH_ROLE_ADMIN,
  HEARTH_ROLE_OWNER,
} HearthRole;

/**
 * HearthPermission:
 * @resource: what is acted on (`transaction`, `member`, ...)
 * @action: what is done to it (`read`, `create`, `void`, ...)
 * @least_role: the lowest role that the default policy allows to act
 */
typedef struct
{
  const char *resource;
  const char *action;
  HearthRole  least_role;
} HearthPermission;

const char             *hearth_role_to_string              (HearthRole  role);
gboolean                hearth_role_from_string            (const char *text,
                                                            HearthRole *out_role);
const HearthPermission *hearth_permissions_get_vocabulary  (size_t     *n_permissions);

G_END_DECLS
