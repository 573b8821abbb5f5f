/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-lifelog"

#include "config.h"

#include "hearth-lifelog-private.h"
#include "hearth-store.h"

/* An entry of a circle's life log, or a time capsule. A sealed capsule's
 * content is never read from the database: the row it is made from has NULL
 * there (hearth-lifelog.c), so there is nothing here to leak. */

struct _HearthLifelogEntry
{
  GObject   parent_instance;

  gint64    id;
  gint64    circle_id;
  gint64    author_id;
  char     *author_name;
  char     *content;
  gint64    created_at;
  gboolean  is_capsule;
  gint64    unlock_at;
  gint64    unlocked_at;
};

G_DEFINE_FINAL_TYPE (HearthLifelogEntry, hearth_lifelog_entry, G_TYPE_OBJECT)

static void
hearth_lifelog_entry_finalize (GObject *object)
{
  HearthLifelogEntry *self = HEARTH_LIFELOG_ENTRY (object);

  g_free (self->author_name);
  g_free (self->content);

  G_OBJECT_CLASS (hearth_lifelog_entry_parent_class)->finalize (object);
}

static void
hearth_lifelog_entry_class_init (HearthLifelogEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_lifelog_entry_finalize;
}

static void
hearth_lifelog_entry_init (HearthLifelogEntry *self)
{
}

/* @row: a row whose first columns are HEARTH_LIFELOG_ENTRY_COLUMNS
 * (hearth-lifelog-private.h) */
gpointer
_hearth_lifelog_entry_new_from_row (HearthStatement *row)
{
  HearthLifelogEntry *self = g_object_new (HEARTH_TYPE_LIFELOG_ENTRY, NULL);

  self->id = hearth_statement_get_int64 (row, HEARTH_LIFELOG_ENTRY_COLUMN_ID);
  self->circle_id = hearth_statement_get_int64 (row, HEARTH_LIFELOG_ENTRY_COLUMN_CIRCLE_ID);
  self->author_id = hearth_statement_get_int64 (row, HEARTH_LIFELOG_ENTRY_COLUMN_AUTHOR_ID);
  self->author_name = hearth_statement_dup_text (row, HEARTH_LIFELOG_ENTRY_COLUMN_AUTHOR_NAME);
  self->content = hearth_statement_dup_text (row, HEARTH_LIFELOG_ENTRY_COLUMN_CONTENT);
  self->created_at = hearth_statement_get_int64 (row, HEARTH_LIFELOG_ENTRY_COLUMN_CREATED_AT);
  self->is_capsule = hearth_statement_get_int64 (row, HEARTH_LIFELOG_ENTRY_COLUMN_IS_CAPSULE) != 0;
  self->unlock_at = hearth_statement_get_int64 (row, HEARTH_LIFELOG_ENTRY_COLUMN_UNLOCK_AT);
  self->unlocked_at = hearth_statement_get_int64 (row, HEARTH_LIFELOG_ENTRY_COLUMN_UNLOCKED_AT);
  return self;
}

gint64
hearth_lifelog_entry_get_id (HearthLifelogEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_ENTRY (self), 0);
  return self->id;
}

gint64
hearth_lifelog_entry_get_circle_id (HearthLifelogEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_ENTRY (self), 0);
  return self->circle_id;
}

gint64
hearth_lifelog_entry_get_author_id (HearthLifelogEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_ENTRY (self), 0);
  return self->author_id;
}

const char *
hearth_lifelog_entry_get_author_name (HearthLifelogEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_ENTRY (self), NULL);
  return self->author_name;
}

/**
 * hearth_lifelog_entry_get_content:
 *
 * Returns: (nullable): what was written; %NULL for a sealed capsule
 */
const char *
hearth_lifelog_entry_get_content (HearthLifelogEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_ENTRY (self), NULL);
  return self->content;
}

gint64
hearth_lifelog_entry_get_created_at (HearthLifelogEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_ENTRY (self), 0);
  return self->created_at;
}

gboolean
hearth_lifelog_entry_get_is_capsule (HearthLifelogEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_ENTRY (self), FALSE);
  return self->is_capsule;
}

/**
 * hearth_lifelog_entry_get_sealed:
 *
 * Returns: whether it is a time capsule that has not opened yet
 */
gboolean
hearth_lifelog_entry_get_sealed (HearthLifelogEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_ENTRY (self), FALSE);
  return self->is_capsule && self->unlocked_at == 0;
}

/**
 * hearth_lifelog_entry_get_unlock_at:
 *
 * Returns: when a capsule opens, or 0 for an entry
 */
gint64
hearth_lifelog_entry_get_unlock_at (HearthLifelogEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_ENTRY (self), 0);
  return self->unlock_at;
}

/**
 * hearth_lifelog_entry_get_unlocked_at:
 *
 * Returns: when a capsule opened, or 0 while sealed (and for an entry)
 */
gint64
hearth_lifelog_entry_get_unlocked_at (HearthLifelogEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_ENTRY (self), 0);
  return self->unlocked_at;
}
