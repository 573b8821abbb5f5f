/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-circle.h"
#include "hearth-circle-event.h"
#include "hearth-circle-member.h"
#include "hearth-guard.h"
#include "hearth-permissions.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_CIRCLE_ERROR (hearth_circle_error_quark ())

/**
 * HearthCircleError:
 * @HEARTH_CIRCLE_ERROR_INVALID_NAME: a circle's name is empty, too long or
 *   holds control characters
 * @HEARTH_CIRCLE_ERROR_NOT_MEMBER: the profile acted on is not a member of
 *   this circle (or no longer exists)
 * @HEARTH_CIRCLE_ERROR_ALREADY_MEMBER: the profile is a member already
 * @HEARTH_CIRCLE_ERROR_OWNER_RULES: the change would break the one-owner
 *   rules: nobody changes their own role, ownership moves only by transfer,
 *   the owner leaves only after handing the circle on
 * @HEARTH_CIRCLE_ERROR_PERSONAL: a personal circle is never shared, renamed,
 *   handed on, dissolved or re-policied
 * @HEARTH_CIRCLE_ERROR_FIXED_POLICY: the policy cannot be overridden: the
 *   owner's own rights and the owner-only actions
 */
typedef enum
{
  HEARTH_CIRCLE_ERROR_INVALID_NAME,
  HEARTH_CIRCLE_ERROR_NOT_MEMBER,
  HEARTH_CIRCLE_ERROR_ALREADY_MEMBER,
  HEARTH_CIRCLE_ERROR_OWNER_RULES,
  HEARTH_CIRCLE_ERROR_PERSONAL,
  HEARTH_CIRCLE_ERROR_FIXED_POLICY,
} HearthCircleError;

GQuark hearth_circle_error_quark (void);

/**
 * HearthPolicy:
 * @permission: the resource and action, from the vocabulary
 * @role: the role the row is for
 * @allowed: what holds in this circle
 * @default_allowed: what the default policy says
 * @fixed: %TRUE when no override may change it
 */
typedef struct
{
  const HearthPermission *permission;
  HearthRole              role;
  gboolean                allowed;
  gboolean                default_allowed;
  gboolean                fixed;
} HearthPolicy;

#define HEARTH_CIRCLE_NAME_MAX_CHARS 128

#define HEARTH_TYPE_CIRCLES (hearth_circles_get_type ())
G_DECLARE_FINAL_TYPE (HearthCircles, hearth_circles, HEARTH, CIRCLES, GObject)

HearthCircles *hearth_circles_new                (HearthGuard         *guard);
HearthStore   *hearth_circles_get_store          (HearthCircles       *self);

GPtrArray     *hearth_circles_list               (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  GError             **error);
HearthCircle  *hearth_circles_get                (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  GError             **error);
gboolean       hearth_circles_can                (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  const char          *resource,
                                                  const char          *action);
HearthCircle  *hearth_circles_create             (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  const char          *name,
                                                  GError             **error);
gboolean       hearth_circles_rename             (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  const char          *name,
                                                  GError             **error);
gboolean       hearth_circles_dissolve           (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  GError             **error);
gboolean       hearth_circles_transfer_ownership (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  gint64               new_owner_id,
                                                  GError             **error);

GPtrArray     *hearth_circles_list_members       (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  GError             **error);
GPtrArray     *hearth_circles_list_candidates    (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  GError             **error);
gboolean       hearth_circles_add_member         (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  gint64               user_id,
                                                  HearthRole           role,
                                                  GError             **error);
gboolean       hearth_circles_change_role        (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  gint64               user_id,
                                                  HearthRole           role,
                                                  GError             **error);
gboolean       hearth_circles_remove_member      (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  gint64               user_id,
                                                  GError             **error);
gboolean       hearth_circles_unlock_member      (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  gint64               user_id,
                                                  GError             **error);
gboolean       hearth_circles_leave              (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  GError             **error);

GArray        *hearth_circles_list_policies      (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  GError             **error);
gboolean       hearth_circles_set_policy         (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  HearthRole           role,
                                                  const char          *resource,
                                                  const char          *action,
                                                  gboolean             allowed,
                                                  GError             **error);

GPtrArray     *hearth_circles_list_events        (HearthCircles       *self,
                                                  HearthActor         *actor,
                                                  gint64               circle_id,
                                                  const HearthKeyset  *after,
                                                  guint                limit,
                                                  GError             **error);

G_END_DECLS
