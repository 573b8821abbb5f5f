/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hearth-recurrence.h"
#include "hearth-task.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_TASK_EDITOR (hearth_task_editor_get_type ())
G_DECLARE_FINAL_TYPE (HearthTaskEditor, hearth_task_editor, HEARTH, TASK_EDITOR, GtkBox)

GtkWidget *hearth_task_editor_new           (HearthTask        *task,
                                             GPtrArray         *members,
                                             gboolean           can_assign,
                                             gboolean           can_reward,
                                             const char        *currency);
char      *hearth_task_editor_dup_title     (HearthTaskEditor  *self);
char      *hearth_task_editor_dup_notes     (HearthTaskEditor  *self);
gboolean   hearth_task_editor_get_due       (HearthTaskEditor  *self,
                                             gint64            *out_due_at,
                                             gboolean          *out_all_day,
                                             char             **out_rule,
                                             GError           **error);
GArray    *hearth_task_editor_get_assignees (HearthTaskEditor  *self);
gboolean   hearth_task_editor_get_reward    (HearthTaskEditor  *self,
                                             gint64            *out_reward,
                                             GError           **error);
void       hearth_task_editor_set_due       (HearthTaskEditor  *self,
                                             GDateTime         *day,
                                             const char        *time,
                                             HearthRepeat       repeat);

G_END_DECLS
