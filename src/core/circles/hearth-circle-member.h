/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hearth-permissions.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CIRCLE_MEMBER (hearth_circle_member_get_type ())
G_DECLARE_FINAL_TYPE (HearthCircleMember, hearth_circle_member, HEARTH, CIRCLE_MEMBER, GObject)

gint64      hearth_circle_member_get_user_id      (HearthCircleMember *self);
const char *hearth_circle_member_get_username     (HearthCircleMember *self);
const char *hearth_circle_member_get_display_name (HearthCircleMember *self);
HearthRole  hearth_circle_member_get_role         (HearthCircleMember *self);
gint64      hearth_circle_member_get_joined_at    (HearthCircleMember *self);
gboolean    hearth_circle_member_get_locked       (HearthCircleMember *self);

G_END_DECLS
