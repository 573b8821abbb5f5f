/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-categories"

#include "config.h"

#include "hearth-categories-private.h"
#include "hearth-store.h"

/* A category of a module's rows. One with no circle is shared by every circle
 * and changed by nobody: the system-defined ones (docs/FINANCE.md). */

struct _HearthCategory
{
  GObject   parent_instance;

  gint64    id;
  gint64    circle_id;
  char     *module;
  char     *name;
  gboolean  system_defined;
};

G_DEFINE_FINAL_TYPE (HearthCategory, hearth_category, G_TYPE_OBJECT)

static void
hearth_category_finalize (GObject *object)
{
  HearthCategory *self = HEARTH_CATEGORY (object);

  g_free (self->module);
  g_free (self->name);

  G_OBJECT_CLASS (hearth_category_parent_class)->finalize (object);
}

static void
hearth_category_class_init (HearthCategoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_category_finalize;
}

static void
hearth_category_init (HearthCategory *self)
{
}

/* From `SELECT id, ifnull (circle_id, 0), module, name, system_defined`. */
gpointer
_hearth_category_new_from_row (HearthStatement *row)
{
  HearthCategory *self = g_object_new (HEARTH_TYPE_CATEGORY, NULL);

  self->id = hearth_statement_get_int64 (row, HEARTH_CATEGORY_COLUMN_ID);
  self->circle_id = hearth_statement_get_int64 (row, HEARTH_CATEGORY_COLUMN_CIRCLE_ID);
  self->module = hearth_statement_dup_text (row, HEARTH_CATEGORY_COLUMN_MODULE);
  self->name = hearth_statement_dup_text (row, HEARTH_CATEGORY_COLUMN_NAME);
  self->system_defined = hearth_statement_get_int64 (row, HEARTH_CATEGORY_COLUMN_SYSTEM_DEFINED) != 0;
  return self;
}

gint64
hearth_category_get_id (HearthCategory *self)
{
  g_return_val_if_fail (HEARTH_IS_CATEGORY (self), 0);
  return self->id;
}

/**
 * hearth_category_get_circle_id:
 *
 * Returns: the circle it belongs to, or 0 when it is shared by every circle
 */
gint64
hearth_category_get_circle_id (HearthCategory *self)
{
  g_return_val_if_fail (HEARTH_IS_CATEGORY (self), 0);
  return self->circle_id;
}

const char *
hearth_category_get_module (HearthCategory *self)
{
  g_return_val_if_fail (HEARTH_IS_CATEGORY (self), NULL);
  return self->module;
}

const char *
hearth_category_get_name (HearthCategory *self)
{
  g_return_val_if_fail (HEARTH_IS_CATEGORY (self), NULL);
  return self->name;
}

gboolean
hearth_category_get_system_defined (HearthCategory *self)
{
  g_return_val_if_fail (HEARTH_IS_CATEGORY (self), FALSE);
  return self->system_defined;
}

/**
 * hearth_category_get_shared:
 *
 * Returns: whether every circle sees it and nobody may rename or delete it
 */
gboolean
hearth_category_get_shared (HearthCategory *self)
{
  g_return_val_if_fail (HEARTH_IS_CATEGORY (self), FALSE);
  return self->circle_id == 0;
}
