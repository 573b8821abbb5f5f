/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hearth-permissions.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CIRCLE (hearth_circle_get_type ())
G_DECLARE_FINAL_TYPE (HearthCircle, hearth_circle, HEARTH, CIRCLE, GObject)

gint64      hearth_circle_get_id           (HearthCircle *self);
const char *hearth_circle_get_name         (HearthCircle *self);
gboolean    hearth_circle_get_personal     (HearthCircle *self);
gboolean    hearth_circle_get_dissolved    (HearthCircle *self);
gint64      hearth_circle_get_owner_id     (HearthCircle *self);
HearthRole  hearth_circle_get_role         (HearthCircle *self);
guint       hearth_circle_get_member_count (HearthCircle *self);
gint64      hearth_circle_get_created_at   (HearthCircle *self);

G_END_DECLS
