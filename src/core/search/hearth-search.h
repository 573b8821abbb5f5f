/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hearth-actor.h"
#include "hearth-store.h"

G_BEGIN_DECLS

/**
 * HearthSearchHit:
 * @entity_type: what was found: `lifelog`
 * @entity_id: its row
 * @circle_id: the circle it belongs to
 * @text: its text, for a result list
 */
typedef struct
{
  const char *entity_type;
  gint64      entity_id;
  gint64      circle_id;
  char       *text;
} HearthSearchHit;

void       hearth_search_hit_free (HearthSearchHit  *hit);

GPtrArray *hearth_search          (HearthStore      *store,
                                   HearthActor      *actor,
                                   const char       *words,
                                   guint             limit,
                                   GError          **error);

G_END_DECLS
