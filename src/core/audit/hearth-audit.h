/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hearth-actor.h"
#include "hearth-audit-entry.h"
#include "hearth-store.h"

G_BEGIN_DECLS

/**
 * HearthAuditFilter:
 * @circle_id: the circle whose log is read; required
 * @actor_id: only what this profile did, or 0 for everyone
 * @entity_type: (nullable): only rows about this kind of thing (`circle`,
 *   `user`, `account`, ...), or %NULL for all
 * @since: only rows at or after this time (µs since the epoch), or 0
 * @until: only rows before this time, or 0
 */
typedef struct
{
  gint64      circle_id;
  gint64      actor_id;
  const char *entity_type;
  gint64      since;
  gint64      until;
} HearthAuditFilter;

gboolean   hearth_audit_record          (HearthStore              *store,
                                         gint64                    actor_id,
                                         gint64                    circle_id,
                                         const char               *entity_type,
                                         gint64                    entity_id,
                                         const char               *action,
                                         GError                  **error);
gboolean   hearth_audit_record_personal (HearthStore              *store,
                                         gint64                    user_id,
                                         const char               *action,
                                         GError                  **error);
GPtrArray *hearth_audit_list            (HearthStore              *store,
                                         HearthActor              *actor,
                                         const HearthAuditFilter  *filter,
                                         const HearthKeyset       *after,
                                         guint                     limit,
                                         GError                  **error);

G_END_DECLS
