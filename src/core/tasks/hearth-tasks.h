/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hearth-actor.h"
#include "hearth-core-types.h"
#include "hearth-guard.h"
#include "hearth-query-model.h"
#include "hearth-scheduler.h"
#include "hearth-task.h"

G_BEGIN_DECLS

#define HEARTH_TASKS_ERROR (hearth_tasks_error_quark ())

/**
 * HearthTasksError:
 * @HEARTH_TASKS_ERROR_NOT_A_MEMBER: a task is given only to a member of its
 *   circle
 * @HEARTH_TASKS_ERROR_NOT_DONE: the completion was undone, or is not the last
 * @HEARTH_TASKS_ERROR_APPROVED: an approved completion is not undone
 * @HEARTH_TASKS_ERROR_NOT_APPROVED: there is no approval to undo
 * @HEARTH_TASKS_ERROR_ALREADY_APPROVED: a completion is approved once
 * @HEARTH_TASKS_ERROR_NO_REWARD: the completion pays nothing
 * @HEARTH_TASKS_ERROR_OWN_CHORE: nobody approves a chore they earned
 * @HEARTH_TASKS_ERROR_ACCOUNT: a reward goes to an account of the task's circle
 */
typedef enum
{
  HEARTH_TASKS_ERROR_NOT_A_MEMBER,
  HEARTH_TASKS_ERROR_NOT_DONE,
  HEARTH_TASKS_ERROR_APPROVED,
  HEARTH_TASKS_ERROR_NOT_APPROVED,
  HEARTH_TASKS_ERROR_ALREADY_APPROVED,
  HEARTH_TASKS_ERROR_NO_REWARD,
  HEARTH_TASKS_ERROR_OWN_CHORE,
  HEARTH_TASKS_ERROR_ACCOUNT,
} HearthTasksError;

GQuark hearth_tasks_error_quark (void);

/**
 * HearthTaskList:
 * @HEARTH_TASK_LIST_EVERYONE: the circle's tasks to do
 * @HEARTH_TASK_LIST_MINE: those of them given to the actor
 * @HEARTH_TASK_LIST_DONE: the circle's tasks done
 */
typedef enum
{
  HEARTH_TASK_LIST_EVERYONE,
  HEARTH_TASK_LIST_MINE,
  HEARTH_TASK_LIST_DONE,
} HearthTaskList;

/* The most tasks Home lists as due today. */
#define HEARTH_TASKS_DUE_TODAY_MAX 20

/* The longest title, in characters. */
#define HEARTH_TASK_MAX_TITLE 256

#define HEARTH_TYPE_TASKS (hearth_tasks_get_type ())
G_DECLARE_FINAL_TYPE (HearthTasks, hearth_tasks, HEARTH, TASKS, GObject)

HearthTasks *hearth_tasks_new        (HearthGuard      *guard);
HearthStore *hearth_tasks_get_store  (HearthTasks      *self);
gboolean     hearth_tasks_can        (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            circle_id,
                                      const char       *resource,
                                      const char       *action);
HearthTask  *hearth_tasks_create     (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            circle_id,
                                      const char       *title,
                                      GError          **error);
HearthTask  *hearth_tasks_get        (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            task_id,
                                      GError          **error);
gboolean     hearth_tasks_set_status (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            task_id,
                                      HearthTaskStatus  status,
                                      GError          **error);
gboolean     hearth_tasks_edit       (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            task_id,
                                      const char       *title,
                                      const char       *notes,
                                      GError          **error);
gboolean     hearth_tasks_set_due    (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            task_id,
                                      gint64            due_at,
                                      gboolean          all_day,
                                      const char       *rule,
                                      GError          **error);
gboolean     hearth_tasks_assign     (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            task_id,
                                      gint64            user_id,
                                      GError          **error);
gboolean     hearth_tasks_unassign   (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            task_id,
                                      gint64            user_id,
                                      GError          **error);
gboolean     hearth_tasks_delete     (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            task_id,
                                      GError          **error);
gint64       hearth_tasks_complete   (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            task_id,
                                      GError          **error);
gboolean     hearth_tasks_undo_completion (HearthTasks  *self,
                                           HearthActor  *actor,
                                           gint64        completion_id,
                                           GError      **error);
gboolean     hearth_tasks_set_reward (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            task_id,
                                      gint64            reward,
                                      GError          **error);
gint64       hearth_tasks_approve    (HearthTasks      *self,
                                      HearthActor      *actor,
                                      gint64            completion_id,
                                      gint64            account_id,
                                      GError          **error);
gboolean     hearth_tasks_undo_approval (HearthTasks  *self,
                                         HearthActor  *actor,
                                         gint64        completion_id,
                                         GError      **error);
HearthQueryModel *hearth_tasks_new_list (HearthTasks     *self,
                                        HearthActor     *actor,
                                        gint64           circle_id,
                                        HearthTaskList   list,
                                        GError         **error);
GPtrArray   *hearth_tasks_list_due_today (HearthTasks  *self,
                                          HearthActor  *actor,
                                          gint64        circle_id,
                                          GError      **error);
const HearthDueKind *hearth_tasks_get_reminder_kind (HearthTasks *self);
void         hearth_tasks_set_morning_hour (HearthTasks *self,
                                            guint        hour);
GPtrArray   *hearth_tasks_list_waiting (HearthTasks  *self,
                                        HearthActor  *actor,
                                        gint64        circle_id,
                                        GError      **error);

G_END_DECLS
