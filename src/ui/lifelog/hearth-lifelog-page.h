/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-context.h"
#include "hearth-session.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_LIFELOG_PAGE (hearth_lifelog_page_get_type ())
G_DECLARE_FINAL_TYPE (HearthLifelogPage, hearth_lifelog_page, HEARTH, LIFELOG_PAGE, AdwBin)

void        hearth_lifelog_page_set_context   (HearthLifelogPage *self,
                                               HearthContext     *context,
                                               HearthSession     *session);
void        hearth_lifelog_page_post          (HearthLifelogPage *self);
void        hearth_lifelog_page_set_seal_date (HearthLifelogPage *self,
                                               GDateTime         *date);
GListModel *hearth_lifelog_page_get_timeline  (HearthLifelogPage *self);
gboolean    hearth_lifelog_page_show_entry    (HearthLifelogPage *self,
                                               gint64             entry_id);

G_END_DECLS
