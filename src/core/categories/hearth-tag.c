/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-categories"

#include "config.h"

#include "hearth-categories-private.h"
#include "hearth-store.h"

/* A circle's word for rows of one module, linked to them by tag_relations:
 * renamed once, it is renamed on every row. */

struct _HearthTag
{
  GObject  parent_instance;

  gint64   id;
  gint64   circle_id;
  char    *module;
  char    *name;
  guint    uses;
};

G_DEFINE_FINAL_TYPE (HearthTag, hearth_tag, G_TYPE_OBJECT)

static void
hearth_tag_finalize (GObject *object)
{
  HearthTag *self = HEARTH_TAG (object);

  g_free (self->module);
  g_free (self->name);

  G_OBJECT_CLASS (hearth_tag_parent_class)->finalize (object);
}

static void
hearth_tag_class_init (HearthTagClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_tag_finalize;
}

static void
hearth_tag_init (HearthTag *self)
{
}

/* From `SELECT id, ifnull (circle_id, 0), module, name, <uses>`. */
gpointer
_hearth_tag_new_from_row (HearthStatement *row)
{
  HearthTag *self = g_object_new (HEARTH_TYPE_TAG, NULL);

  self->id = hearth_statement_get_int64 (row, HEARTH_TAG_COLUMN_ID);
  self->circle_id = hearth_statement_get_int64 (row, HEARTH_TAG_COLUMN_CIRCLE_ID);
  self->module = hearth_statement_dup_text (row, HEARTH_TAG_COLUMN_MODULE);
  self->name = hearth_statement_dup_text (row, HEARTH_TAG_COLUMN_NAME);
  self->uses = (guint) hearth_statement_get_int64 (row, HEARTH_TAG_COLUMN_USES);
  return self;
}

gint64
hearth_tag_get_id (HearthTag *self)
{
  g_return_val_if_fail (HEARTH_IS_TAG (self), 0);
  return self->id;
}

/**
 * hearth_tag_get_circle_id:
 *
 * Returns: the circle it belongs to, or 0 for a tag from before circles had
 *   tags, shared and fixed
 */
gint64
hearth_tag_get_circle_id (HearthTag *self)
{
  g_return_val_if_fail (HEARTH_IS_TAG (self), 0);
  return self->circle_id;
}

const char *
hearth_tag_get_module (HearthTag *self)
{
  g_return_val_if_fail (HEARTH_IS_TAG (self), NULL);
  return self->module;
}

const char *
hearth_tag_get_name (HearthTag *self)
{
  g_return_val_if_fail (HEARTH_IS_TAG (self), NULL);
  return self->name;
}

/**
 * hearth_tag_get_uses:
 *
 * Returns: how many rows carry it, when it was listed
 */
guint
hearth_tag_get_uses (HearthTag *self)
{
  g_return_val_if_fail (HEARTH_IS_TAG (self), 0);
  return self->uses;
}
