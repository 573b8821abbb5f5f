/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-actor.h"
#include "hearth-categories.h"
#include "hearth-core-types.h"

G_BEGIN_DECLS

/* Entities from rows of the service's queries. Each SELECT (or RETURNING)
 * starts with its entity's columns, in the order of the entity's enum, which
 * is what its reader reads by. */

/* A category: FROM categories, or RETURNING after an INSERT into it. */
#define HEARTH_CATEGORY_COLUMNS "id, ifnull (circle_id, 0), module, name, system_defined"
typedef enum
{
  HEARTH_CATEGORY_COLUMN_ID,
  HEARTH_CATEGORY_COLUMN_CIRCLE_ID,
  HEARTH_CATEGORY_COLUMN_MODULE,
  HEARTH_CATEGORY_COLUMN_NAME,
  HEARTH_CATEGORY_COLUMN_SYSTEM_DEFINED,
} HearthCategoryColumn;

/* A tag, with how many things carry it: FROM tags. */
#define HEARTH_TAG_COLUMNS \
  "id, ifnull (circle_id, 0), module, name, (SELECT count(*) FROM tag_relations WHERE tag_id = tags.id)"
typedef enum
{
  HEARTH_TAG_COLUMN_ID,
  HEARTH_TAG_COLUMN_CIRCLE_ID,
  HEARTH_TAG_COLUMN_MODULE,
  HEARTH_TAG_COLUMN_NAME,
  HEARTH_TAG_COLUMN_USES,
} HearthTagColumn;

gpointer _hearth_category_new_from_row (HearthStatement *row);
gpointer _hearth_tag_new_from_row      (HearthStatement *row);

gboolean     _hearth_categories_check_module   (const char        *module,
                                                GError           **error);
gboolean     _hearth_categories_authorize_row  (HearthStore       *store,
                                                HearthActor       *actor,
                                                const char        *table,
                                                gint64             id,
                                                const char        *action,
                                                gint64            *out_circle_id,
                                                char             **out_name,
                                                char             **out_module,
                                                GError           **error);
gboolean     _hearth_categories_rename_row     (HearthStore       *store,
                                                HearthActor       *actor,
                                                const char        *table,
                                                gint64             id,
                                                const char        *name,
                                                GError           **error);

gboolean     _hearth_categories_check_name_free (HearthStore       *store,
                                                 const char        *table,
                                                 gint64             circle_id,
                                                 const char        *module,
                                                 const char        *name,
                                                 gint64             except_id,
                                                 GError           **error);

gboolean _hearth_category_check        (HearthStore        *store,
                                        gint64              circle_id,
                                        const char         *module,
                                        gint64              category_id,
                                        GError            **error);
gboolean _hearth_tags_set              (HearthStore        *store,
                                        HearthActor        *actor,
                                        gint64              circle_id,
                                        const char         *module,
                                        const char         *entity_type,
                                        gint64              entity_id,
                                        const char * const *names,
                                        char              **out_old,
                                        char              **out_new,
                                        GError            **error);

G_END_DECLS
