/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-context.h"
#include "hearth-session.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_TASKS_PAGE (hearth_tasks_page_get_type ())
G_DECLARE_FINAL_TYPE (HearthTasksPage, hearth_tasks_page, HEARTH, TASKS_PAGE, AdwBin)

void        hearth_tasks_page_set_context (HearthTasksPage *self,
                                           HearthContext   *context,
                                           HearthSession   *session);
void        hearth_tasks_page_add         (HearthTasksPage *self);
GListModel *hearth_tasks_page_get_tasks   (HearthTasksPage *self);

G_END_DECLS
