/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_LIFELOG_ENTRY (hearth_lifelog_entry_get_type ())
G_DECLARE_FINAL_TYPE (HearthLifelogEntry, hearth_lifelog_entry, HEARTH, LIFELOG_ENTRY, GObject)

gint64      hearth_lifelog_entry_get_id          (HearthLifelogEntry *self);
gint64      hearth_lifelog_entry_get_circle_id   (HearthLifelogEntry *self);
gint64      hearth_lifelog_entry_get_author_id   (HearthLifelogEntry *self);
const char *hearth_lifelog_entry_get_author_name (HearthLifelogEntry *self);
const char *hearth_lifelog_entry_get_content     (HearthLifelogEntry *self);
gint64      hearth_lifelog_entry_get_created_at  (HearthLifelogEntry *self);
gboolean    hearth_lifelog_entry_get_is_capsule  (HearthLifelogEntry *self);
gboolean    hearth_lifelog_entry_get_sealed      (HearthLifelogEntry *self);
gint64      hearth_lifelog_entry_get_unlock_at   (HearthLifelogEntry *self);
gint64      hearth_lifelog_entry_get_unlocked_at (HearthLifelogEntry *self);

G_END_DECLS
