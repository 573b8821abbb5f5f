/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-actor.h"
#include "hearth-category.h"
#include "hearth-guard.h"
#include "hearth-store.h"
#include "hearth-tag.h"

G_BEGIN_DECLS

#define HEARTH_CATEGORIES_ERROR (hearth_categories_error_quark ())

/**
 * HearthCategoriesError:
 * @HEARTH_CATEGORIES_ERROR_SHARED: the category or tag is shared by every
 *   circle (a system-defined one): nobody renames or deletes it
 */
typedef enum
{
  HEARTH_CATEGORIES_ERROR_SHARED,
} HearthCategoriesError;

GQuark hearth_categories_error_quark (void);

#define HEARTH_CATEGORY_NAME_MAX_CHARS 64
#define HEARTH_TAG_NAME_MAX_CHARS 64

#define HEARTH_TYPE_CATEGORIES (hearth_categories_get_type ())
G_DECLARE_FINAL_TYPE (HearthCategories, hearth_categories, HEARTH, CATEGORIES, GObject)

HearthCategories *hearth_categories_new        (HearthGuard       *guard);
HearthStore      *hearth_categories_get_store  (HearthCategories  *self);
gboolean          hearth_categories_can        (HearthCategories  *self,
                                                HearthActor       *actor,
                                                gint64             circle_id,
                                                const char        *resource,
                                                const char        *action);

GPtrArray        *hearth_categories_list       (HearthCategories  *self,
                                                HearthActor       *actor,
                                                gint64             circle_id,
                                                const char        *module,
                                                GError           **error);
HearthCategory   *hearth_categories_create     (HearthCategories  *self,
                                                HearthActor       *actor,
                                                gint64             circle_id,
                                                const char        *module,
                                                const char        *name,
                                                GError           **error);
gboolean          hearth_categories_rename     (HearthCategories  *self,
                                                HearthActor       *actor,
                                                gint64             category_id,
                                                const char        *name,
                                                GError           **error);
gboolean          hearth_categories_delete     (HearthCategories  *self,
                                                HearthActor       *actor,
                                                gint64             category_id,
                                                GError           **error);

GPtrArray        *hearth_categories_list_tags  (HearthCategories  *self,
                                                HearthActor       *actor,
                                                gint64             circle_id,
                                                const char        *module,
                                                GError           **error);
HearthTag        *hearth_categories_create_tag (HearthCategories  *self,
                                                HearthActor       *actor,
                                                gint64             circle_id,
                                                const char        *module,
                                                const char        *name,
                                                GError           **error);
gboolean          hearth_categories_rename_tag (HearthCategories  *self,
                                                HearthActor       *actor,
                                                gint64             tag_id,
                                                const char        *name,
                                                GError           **error);
gboolean          hearth_categories_delete_tag (HearthCategories  *self,
                                                HearthActor       *actor,
                                                gint64             tag_id,
                                                GError           **error);

char            **hearth_categories_parse_tags (const char        *text);

G_END_DECLS
