/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * HearthTaskStatus:
 * @HEARTH_TASK_STATUS_TODO: not started
 * @HEARTH_TASK_STATUS_IN_PROGRESS: someone is on it
 * @HEARTH_TASK_STATUS_DONE: done
 *
 * A task's status, as the seed names them (`TODO`, `IN_PROGRESS`, `DONE`).
 */
typedef enum
{
  HEARTH_TASK_STATUS_TODO,
  HEARTH_TASK_STATUS_IN_PROGRESS,
  HEARTH_TASK_STATUS_DONE,
} HearthTaskStatus;

/**
 * HearthTaskSection:
 * @HEARTH_TASK_SECTION_OVERDUE: its day has passed
 * @HEARTH_TASK_SECTION_TODAY: due today
 * @HEARTH_TASK_SECTION_THIS_WEEK: due in the six days after today
 * @HEARTH_TASK_SECTION_LATER: due after that
 * @HEARTH_TASK_SECTION_NO_DATE: not due at any time
 * @HEARTH_TASK_SECTION_DONE: done
 *
 * Where the Tasks page shows a task; in this order, which is the lists'.
 */
typedef enum
{
  HEARTH_TASK_SECTION_OVERDUE,
  HEARTH_TASK_SECTION_TODAY,
  HEARTH_TASK_SECTION_THIS_WEEK,
  HEARTH_TASK_SECTION_LATER,
  HEARTH_TASK_SECTION_NO_DATE,
  HEARTH_TASK_SECTION_DONE,
} HearthTaskSection;

const char *hearth_task_section_get_title (HearthTaskSection section);

/**
 * HearthTaskCompletion:
 * @id: the completion
 * @task_id: the task done
 * @title: the task's title
 * @earner_id: who earns its reward
 * @reward: what it pays, in minor units
 * @completed_at: when it was done
 *
 * A chore done whose reward waits for a parent (hearth_tasks_list_waiting()).
 */
typedef struct
{
  gint64  id;
  gint64  task_id;
  char   *title;
  gint64  earner_id;
  gint64  reward;
  gint64  completed_at;
} HearthTaskCompletion;

void hearth_task_completion_free (HearthTaskCompletion *completion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthTaskCompletion, hearth_task_completion_free)

#define HEARTH_TYPE_TASK (hearth_task_get_type ())
G_DECLARE_FINAL_TYPE (HearthTask, hearth_task, HEARTH, TASK, GObject)

gint64            hearth_task_get_id           (HearthTask *self);
gint64            hearth_task_get_circle_id    (HearthTask *self);
gint64            hearth_task_get_creator_id   (HearthTask *self);
const char       *hearth_task_get_title        (HearthTask *self);
const char       *hearth_task_get_notes        (HearthTask *self);
HearthTaskStatus  hearth_task_get_status       (HearthTask *self);
gint64            hearth_task_get_due_at       (HearthTask *self);
gboolean          hearth_task_get_due_all_day  (HearthTask *self);
gint64            hearth_task_get_created_at   (HearthTask *self);
const char       *hearth_task_get_recurrence   (HearthTask *self);
gint64            hearth_task_get_reward       (HearthTask *self);
const gint64     *hearth_task_get_assignee_ids (HearthTask *self,
                                                guint      *out_n);
gboolean          hearth_task_is_assigned_to   (HearthTask *self,
                                                gint64      user_id);
HearthTaskSection hearth_task_get_section      (HearthTask *self,
                                                GDateTime  *now);

const char       *hearth_task_status_to_string   (HearthTaskStatus  status);
gboolean          hearth_task_status_from_string (const char       *text,
                                                  HearthTaskStatus *out_status);

G_END_DECLS
