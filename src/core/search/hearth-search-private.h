/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-search.h"

G_BEGIN_DECLS

/* What the index knows; a row's rowid is its entity's id times 16 plus this. */
typedef enum
{
  HEARTH_SEARCH_KIND_LIFELOG = 1,
  HEARTH_SEARCH_KIND_TASK = 2,
} HearthSearchKind;

gboolean _hearth_search_add    (HearthStore       *store,
                                HearthSearchKind   kind,
                                gint64             entity_id,
                                const char        *text,
                                GError           **error);
gboolean _hearth_search_remove (HearthStore       *store,
                                HearthSearchKind   kind,
                                gint64             entity_id,
                                const char        *text,
                                GError           **error);

G_END_DECLS
