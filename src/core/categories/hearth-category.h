/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_CATEGORY (hearth_category_get_type ())
G_DECLARE_FINAL_TYPE (HearthCategory, hearth_category, HEARTH, CATEGORY, GObject)

gint64      hearth_category_get_id             (HearthCategory *self);
gint64      hearth_category_get_circle_id      (HearthCategory *self);
const char *hearth_category_get_module         (HearthCategory *self);
const char *hearth_category_get_name           (HearthCategory *self);
gboolean    hearth_category_get_system_defined (HearthCategory *self);
gboolean    hearth_category_get_shared         (HearthCategory *self);

G_END_DECLS
