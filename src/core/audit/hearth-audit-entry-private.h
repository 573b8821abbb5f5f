/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-audit-entry.h"
#include "hearth-core-types.h"

G_BEGIN_DECLS

/* A row of the global log, with the names of its actor and of what was acted
 * on: FROM audit_logs a LEFT JOIN users u ON u.id = a.actor_id. In the order
 * of the enum, which is what _hearth_audit_entry_new_from_row reads by. */
#define HEARTH_AUDIT_ENTRY_COLUMNS \
  "a.id, a.created_at, ifnull (a.actor_id, 0), u.display_name, a.entity_type, ifnull (a.entity_id, 0), " \
  "CASE a.entity_type " \
  "  WHEN 'user' THEN (SELECT display_name FROM users WHERE id = a.entity_id) " \
  "  WHEN 'circle' THEN (SELECT name FROM circles WHERE id = a.entity_id) " \
  "END, a.action"
typedef enum
{
  HEARTH_AUDIT_ENTRY_COLUMN_ID,
  HEARTH_AUDIT_ENTRY_COLUMN_CREATED_AT,
  HEARTH_AUDIT_ENTRY_COLUMN_ACTOR_ID,
  HEARTH_AUDIT_ENTRY_COLUMN_ACTOR_NAME,
  HEARTH_AUDIT_ENTRY_COLUMN_ENTITY_TYPE,
  HEARTH_AUDIT_ENTRY_COLUMN_ENTITY_ID,
  HEARTH_AUDIT_ENTRY_COLUMN_ENTITY_NAME,
  HEARTH_AUDIT_ENTRY_COLUMN_ACTION,
} HearthAuditEntryColumn;

HearthAuditEntry *_hearth_audit_entry_new_from_row (HearthStatement *row);

G_END_DECLS
