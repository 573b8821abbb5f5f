/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hearth-actor.h"
#include "hearth-core-types.h"
#include "hearth-core-enums.h"

G_BEGIN_DECLS

#define HEARTH_PERMISSION_ERROR (hearth_permission_error_quark ())

/**
 * HearthPermissionError:
 * @HEARTH_PERMISSION_ERROR_DENIED: the actor may not take this action here:
 *   not a member, a role the circle's policy does not allow, a member who ranks
 *   too high to be acted on, or a dissolved circle
 */
typedef enum
{
  HEARTH_PERMISSION_ERROR_DENIED,
} HearthPermissionError;

GQuark hearth_permission_error_quark (void);

/**
 * HearthRole:
 *
 * @HEARTH_ROLE_NONE: no role: what an event that gives none carries
 *
 * A member's role in a circle. Roles rank in this order, so a role may take an
 * action when it ranks at least as high as the action's least role.
 */
typedef enum
{
  HEARTH_ROLE_NONE = 0,
  HEARTH_ROLE_VISITOR,
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
const HearthPermission *hearth_permissions_lookup          (const char *resource,
                                                            const char *action);
gboolean                hearth_permission_is_fixed         (const HearthPermission *permission);
gboolean                hearth_permission_is_read_only     (const HearthPermission *permission);

gboolean                hearth_authorize                   (HearthStore  *store,
                                                            HearthActor  *actor,
                                                            gint64        circle_id,
                                                            const char   *resource,
                                                            const char   *action,
                                                            GError      **error);
gboolean                hearth_authorize_get_role          (HearthStore  *store,
                                                            HearthActor  *actor,
                                                            gint64        circle_id,
                                                            HearthRole   *out_role,
                                                            GError      **error);

G_END_DECLS
