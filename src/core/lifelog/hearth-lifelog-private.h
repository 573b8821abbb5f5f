/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-core-types.h"
#include "hearth-lifelog.h"

G_BEGIN_DECLS

/* An entry, with its capsule if it is one: the columns every SELECT of the
 * service starts with, FROM HEARTH_LIFELOG_ENTRY_FROM, in the order of the
 * enum, which is what _hearth_lifelog_entry_new_from_row reads by. The content
 * is NULL while a capsule is sealed. */
#define HEARTH_LIFELOG_ENTRY_COLUMNS \
  "l.id, l.circle_id, l.author_id, u.display_name, " \
  "CASE WHEN c.id IS NULL OR c.unlocked_at IS NOT NULL THEN l.content END, " \
  "l.created_at, c.id IS NOT NULL, ifnull (c.unlock_at, 0), ifnull (c.unlocked_at, 0)"
#define HEARTH_LIFELOG_ENTRY_FROM \
  "FROM lifelogs l LEFT JOIN capsules c ON c.lifelog_id = l.id LEFT JOIN users u ON u.id = l.author_id "
typedef enum
{
  HEARTH_LIFELOG_ENTRY_COLUMN_ID,
  HEARTH_LIFELOG_ENTRY_COLUMN_CIRCLE_ID,
  HEARTH_LIFELOG_ENTRY_COLUMN_AUTHOR_ID,
  HEARTH_LIFELOG_ENTRY_COLUMN_AUTHOR_NAME,
  HEARTH_LIFELOG_ENTRY_COLUMN_CONTENT,
  HEARTH_LIFELOG_ENTRY_COLUMN_CREATED_AT,
  HEARTH_LIFELOG_ENTRY_COLUMN_IS_CAPSULE,
  HEARTH_LIFELOG_ENTRY_COLUMN_UNLOCK_AT,
  HEARTH_LIFELOG_ENTRY_COLUMN_UNLOCKED_AT,
} HearthLifelogEntryColumn;

gpointer _hearth_lifelog_entry_new_from_row (HearthStatement *row);

G_END_DECLS
