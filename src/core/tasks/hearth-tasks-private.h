/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-core-types.h"
#include "hearth-task.h"
#include "hearth-tasks.h"

G_BEGIN_DECLS

/* A task and its assignees: the columns every SELECT of the service starts
 * with, FROM tasks t, in the order of the enum, which is what
 * _hearth_task_new_from_row reads by. */
#define HEARTH_TASK_COLUMNS \
  "t.id, t.circle_id, t.creator_id, t.title, t.notes, t.status, ifnull (t.due_at, 0), t.due_all_day, " \
  "t.created_at, (SELECT group_concat (a.user_id) FROM task_assignments a WHERE a.task_id = t.id), " \
  "t.recurrence, ifnull (t.recurrence_start, 0), ifnull (t.reward, 0)"
typedef enum
{
  HEARTH_TASK_COLUMN_ID,
  HEARTH_TASK_COLUMN_CIRCLE_ID,
  HEARTH_TASK_COLUMN_CREATOR_ID,
  HEARTH_TASK_COLUMN_TITLE,
  HEARTH_TASK_COLUMN_NOTES,
  HEARTH_TASK_COLUMN_STATUS,
  HEARTH_TASK_COLUMN_DUE_AT,
  HEARTH_TASK_COLUMN_DUE_ALL_DAY,
  HEARTH_TASK_COLUMN_CREATED_AT,
  HEARTH_TASK_COLUMN_ASSIGNEES,
  HEARTH_TASK_COLUMN_RECURRENCE,
  HEARTH_TASK_COLUMN_RECURRENCE_START,
  HEARTH_TASK_COLUMN_REWARD,
} HearthTaskColumn;

gpointer    _hearth_task_new_from_row       (HearthStatement *row);
gint64      _hearth_task_get_recurrence_start (HearthTask    *self);
void        _hearth_tasks_set_time_zone      (HearthTasks     *self,
                                              GTimeZone       *zone);

G_END_DECLS
