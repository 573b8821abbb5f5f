/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles"

#include "config.h"

#include "hearth-circles-private.h"
#include "hearth-store.h"

/* A circle as one of its members sees it, with that member's role. */

struct _HearthCircle
{
  GObject     parent_instance;

  gint64      id;
  char       *name;
  gboolean    personal;
  gboolean    dissolved;
  gint64      owner_id;
  HearthRole  role;
  guint       member_count;
  gint64      created_at;
};

G_DEFINE_FINAL_TYPE (HearthCircle, hearth_circle, G_TYPE_OBJECT)

static void
hearth_circle_finalize (GObject *object)
{
  HearthCircle *self = HEARTH_CIRCLE (object);

  g_free (self->name);

  G_OBJECT_CLASS (hearth_circle_parent_class)->finalize (object);
}

static void
hearth_circle_class_init (HearthCircleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_circle_finalize;
}

static void
hearth_circle_init (HearthCircle *self)
{
}

/* @row: a row whose first columns are HEARTH_*_COLUMNS (hearth-circles-private.h) */
HearthCircle *
_hearth_circle_new_from_row (HearthStatement *row)
{
  HearthCircle *self = g_object_new (HEARTH_TYPE_CIRCLE, NULL);

  self->id = hearth_statement_get_int64 (row, HEARTH_CIRCLE_COLUMN_ID);
  self->name = hearth_statement_dup_text (row, HEARTH_CIRCLE_COLUMN_NAME);
  self->personal = g_strcmp0 (hearth_statement_get_text (row, HEARTH_CIRCLE_COLUMN_KIND), "PERSONAL") == 0;
  self->dissolved = g_strcmp0 (hearth_statement_get_text (row, HEARTH_CIRCLE_COLUMN_STATUS), "DISSOLVED") == 0;
  self->owner_id = hearth_statement_get_int64 (row, HEARTH_CIRCLE_COLUMN_OWNER_ID);
  if (!hearth_role_from_string (hearth_statement_get_text (row, HEARTH_CIRCLE_COLUMN_ROLE), &self->role))
    g_return_val_if_reached (self);
  self->member_count = (guint) hearth_statement_get_int64 (row, HEARTH_CIRCLE_COLUMN_MEMBER_COUNT);
  self->created_at = hearth_statement_get_int64 (row, HEARTH_CIRCLE_COLUMN_CREATED_AT);
  return self;
}

gint64
hearth_circle_get_id (HearthCircle *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE (self), 0);
  return self->id;
}

const char *
hearth_circle_get_name (HearthCircle *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE (self), NULL);
  return self->name;
}

/**
 * hearth_circle_get_personal:
 *
 * Returns: %TRUE for a profile's personal circle: one member, never shared
 */
gboolean
hearth_circle_get_personal (HearthCircle *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE (self), FALSE);
  return self->personal;
}

gboolean
hearth_circle_get_dissolved (HearthCircle *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE (self), FALSE);
  return self->dissolved;
}

gint64
hearth_circle_get_owner_id (HearthCircle *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE (self), 0);
  return self->owner_id;
}

/**
 * hearth_circle_get_role:
 *
 * Returns: the role of the member who asked for the circle
 */
HearthRole
hearth_circle_get_role (HearthCircle *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE (self), HEARTH_ROLE_VISITOR);
  return self->role;
}

guint
hearth_circle_get_member_count (HearthCircle *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE (self), 0);
  return self->member_count;
}

gint64
hearth_circle_get_created_at (HearthCircle *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE (self), 0);
  return self->created_at;
}
