/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hearth-task.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_TASK_ROW (hearth_task_row_get_type ())
G_DECLARE_FINAL_TYPE (HearthTaskRow, hearth_task_row, HEARTH, TASK_ROW, GtkBox)

GtkWidget *hearth_task_row_new      (void);
void       hearth_task_row_set_task (HearthTaskRow      *self,
                                     HearthTask         *task,
                                     const char         *header,
                                     const char         *details,
                                     const char * const *assignees,
                                     gboolean            can_update);

G_END_DECLS
