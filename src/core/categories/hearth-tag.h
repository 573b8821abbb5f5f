/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_TAG (hearth_tag_get_type ())
G_DECLARE_FINAL_TYPE (HearthTag, hearth_tag, HEARTH, TAG, GObject)

gint64      hearth_tag_get_id        (HearthTag *self);
gint64      hearth_tag_get_circle_id (HearthTag *self);
const char *hearth_tag_get_module    (HearthTag *self);
const char *hearth_tag_get_name      (HearthTag *self);
guint       hearth_tag_get_uses      (HearthTag *self);

G_END_DECLS
