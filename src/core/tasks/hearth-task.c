/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-tasks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "hearth-store.h"
#include "hearth-tasks-private.h"

/*
 * A task as read: a snapshot with getters (docs/DEVELOPING.md, "Entities have
 * getters, not properties"), its assignees' ids in ascending order.
 */

struct _HearthTask
{
  GObject           parent_instance;

  gint64            id;
  gint64            circle_id;
  gint64            creator_id;
  char             *title;
  char             *notes;
  HearthTaskStatus  status;
  gint64            due_at;
  gboolean          due_all_day;
  gint64            created_at;
  GArray           *assignee_ids;
  char             *recurrence;
  gint64            recurrence_start;
  gint64            reward;
};

G_DEFINE_FINAL_TYPE (HearthTask, hearth_task, G_TYPE_OBJECT)

static const char * const status_names[] = { "TODO", "IN_PROGRESS", "DONE" };

static void
hearth_task_finalize (GObject *object)
{
  HearthTask *self = HEARTH_TASK (object);

  g_free (self->title);
  g_free (self->notes);
  g_free (self->recurrence);
  g_clear_pointer (&self->assignee_ids, g_array_unref);

  G_OBJECT_CLASS (hearth_task_parent_class)->finalize (object);
}

static void
hearth_task_class_init (HearthTaskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_task_finalize;
}

static void
hearth_task_init (HearthTask *self)
{
  self->assignee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
hearth_task_completion_free (HearthTaskCompletion *completion)
{
  g_free (completion->title);
  g_free (completion);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* @row: a row whose first columns are HEARTH_TASK_COLUMNS (hearth-tasks-private.h) */
gpointer
_hearth_task_new_from_row (HearthStatement *row)
{
  HearthTask *self = g_object_new (HEARTH_TYPE_TASK, NULL);
  const char *assignees = hearth_statement_get_text (row, HEARTH_TASK_COLUMN_ASSIGNEES);

  self->id = hearth_statement_get_int64 (row, HEARTH_TASK_COLUMN_ID);
  self->circle_id = hearth_statement_get_int64 (row, HEARTH_TASK_COLUMN_CIRCLE_ID);
  self->creator_id = hearth_statement_get_int64 (row, HEARTH_TASK_COLUMN_CREATOR_ID);
  self->title = hearth_statement_dup_text (row, HEARTH_TASK_COLUMN_TITLE);
  self->notes = hearth_statement_dup_text (row, HEARTH_TASK_COLUMN_NOTES);
  if (!hearth_task_status_from_string (hearth_statement_get_text (row, HEARTH_TASK_COLUMN_STATUS), &self->status))
    g_return_val_if_reached (self);
  self->due_at = hearth_statement_get_int64 (row, HEARTH_TASK_COLUMN_DUE_AT);
  self->due_all_day = hearth_statement_get_int64 (row, HEARTH_TASK_COLUMN_DUE_ALL_DAY) != 0;
  self->created_at = hearth_statement_get_int64 (row, HEARTH_TASK_COLUMN_CREATED_AT);
  self->recurrence = hearth_statement_dup_text (row, HEARTH_TASK_COLUMN_RECURRENCE);
  self->recurrence_start = hearth_statement_get_int64 (row, HEARTH_TASK_COLUMN_RECURRENCE_START);
  self->reward = hearth_statement_get_int64 (row, HEARTH_TASK_COLUMN_REWARD);
  if (assignees != NULL)
    {
      g_auto (GStrv) ids = g_strsplit (assignees, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

          g_array_append_val (self->assignee_ids, id);
        }
      g_array_sort (self->assignee_ids, compare_ids);
    }
  return self;
}

gint64
hearth_task_get_id (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), 0);
  return self->id;
}

/**
 * hearth_task_get_reward:
 *
 * Returns: what a parent's approval of it done pays, in minor units of the
 *   account it is paid into; 0 for nothing
 */
gint64
hearth_task_get_reward (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), 0);
  return self->reward;
}

gint64
hearth_task_get_circle_id (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), 0);
  return self->circle_id;
}

gint64
hearth_task_get_creator_id (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), 0);
  return self->creator_id;
}

const char *
hearth_task_get_title (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), NULL);
  return self->title;
}

const char *
hearth_task_get_notes (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), NULL);
  return self->notes;
}

HearthTaskStatus
hearth_task_get_status (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), HEARTH_TASK_STATUS_TODO);
  return self->status;
}

/**
 * hearth_task_get_due_at:
 *
 * Returns: when the task falls due, in microseconds since the epoch; for a
 *   task due on a day, that day's local midnight; 0 when it has no due time
 */
gint64
hearth_task_get_due_at (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), 0);
  return self->due_at;
}

gboolean
hearth_task_get_due_all_day (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), FALSE);
  return self->due_all_day;
}

gint64
hearth_task_get_created_at (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), 0);
  return self->created_at;
}

/**
 * hearth_task_get_recurrence:
 *
 * Returns: (nullable): how the task repeats, an RFC 5545 rule, or %NULL
 */
const char *
hearth_task_get_recurrence (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), NULL);
  return self->recurrence;
}

/* The first due moment the rule counts from. */
gint64
_hearth_task_get_recurrence_start (HearthTask *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), 0);
  return self->recurrence_start;
}

/**
 * hearth_task_get_assignee_ids:
 * @out_n: (out): how many
 *
 * Returns: (array length=out_n) (transfer none): the assignees' user ids,
 *   ascending
 */
const gint64 *
hearth_task_get_assignee_ids (HearthTask *self,
                              guint      *out_n)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), NULL);
  g_return_val_if_fail (out_n != NULL, NULL);

  *out_n = self->assignee_ids->len;
  return (const gint64 *) (gpointer) self->assignee_ids->data;
}

gboolean
hearth_task_is_assigned_to (HearthTask *self,
                            gint64      user_id)
{
  g_return_val_if_fail (HEARTH_IS_TASK (self), FALSE);

  for (guint i = 0; i < self->assignee_ids->len; i++)
    if (g_array_index (self->assignee_ids, gint64, i) == user_id)
      return TRUE;
  return FALSE;
}

/**
 * hearth_task_status_to_string:
 *
 * Returns: the store's word for @status: `TODO`, `IN_PROGRESS`, `DONE`
 */
const char *
hearth_task_status_to_string (HearthTaskStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
hearth_task_status_from_string (const char       *text,
                                HearthTaskStatus *out_status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_strcmp0 (text, status_names[i]) == 0)
        {
          *out_status = (HearthTaskStatus) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * hearth_task_get_section:
 * @now: the moment, in the family's time zone, whose day is "today"
 *
 * Returns: where the task belongs: overdue when its day has passed; then
 *   today, the six days after, later; without a due time, or done. The
 *   sections follow one another as the lists' order does.
 */
HearthTaskSection
hearth_task_get_section (HearthTask *self,
                         GDateTime  *now)
{
  g_autoptr (GDateTime) today = NULL;
  gint64 midnight;

  g_return_val_if_fail (HEARTH_IS_TASK (self), HEARTH_TASK_SECTION_NO_DATE);
  g_return_val_if_fail (now != NULL, HEARTH_TASK_SECTION_NO_DATE);

  if (self->status == HEARTH_TASK_STATUS_DONE)
    return HEARTH_TASK_SECTION_DONE;
  if (self->due_at == 0)
    return HEARTH_TASK_SECTION_NO_DATE;
  today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now), 0, 0, 0);
  midnight = g_date_time_to_unix (today) * G_USEC_PER_SEC;
  /* By the day alone, so that the sections follow the lists' order (by due
   * time): a task due at 08:00 today is today's, also at noon. */
  if (self->due_at < midnight)
    return HEARTH_TASK_SECTION_OVERDUE;
  {
    g_autoptr (GDateTime) tomorrow = g_date_time_add_days (today, 1);
    g_autoptr (GDateTime) week = g_date_time_add_days (today, 7);

    if (self->due_at < g_date_time_to_unix (tomorrow) * G_USEC_PER_SEC)
      return HEARTH_TASK_SECTION_TODAY;
    if (self->due_at < g_date_time_to_unix (week) * G_USEC_PER_SEC)
      return HEARTH_TASK_SECTION_THIS_WEEK;
  }
  return HEARTH_TASK_SECTION_LATER;
}

/**
 * hearth_task_section_get_title:
 *
 * Returns: the section's heading, for a person
 */
const char *
hearth_task_section_get_title (HearthTaskSection section)
{
  switch (section)
    {
    case HEARTH_TASK_SECTION_OVERDUE:
      return _("Overdue");
    case HEARTH_TASK_SECTION_TODAY:
      return _("Today");
    case HEARTH_TASK_SECTION_THIS_WEEK:
      return _("This Week");
    case HEARTH_TASK_SECTION_LATER:
      return _("Later");
    case HEARTH_TASK_SECTION_NO_DATE:
      return _("No Date");
    case HEARTH_TASK_SECTION_DONE:
    default:
      return _("Done");
    }
}
