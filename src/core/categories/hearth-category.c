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

enum {
  PROP_0,
  PROP_NAME,
  PROP_SHARED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
hearth_category_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HearthCategory *self = HEARTH_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHARED:
      g_value_set_boolean (value, hearth_category_get_shared (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_category_class_init (HearthCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_category_finalize;
  object_class->get_property = hearth_category_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHARED] = g_param_spec_boolean ("shared", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
