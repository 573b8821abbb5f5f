/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-tasks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearth-audit.h"
#include "hearth-finance-private.h"
#include "hearth-money.h"
#include "hearth-permissions.h"
#include "hearth-recurrence.h"
#include "hearth-search-private.h"
#include "hearth-tasks.h"
#include "hearth-tasks-private.h"
#include "hearth-validation.h"

/*
 * A circle's tasks (the seed's TaskModule): made, moved through TODO,
 * IN_PROGRESS and DONE, given to members of the circle, deleted. Every change
 * is one transaction with its `task_logs` row: a status change with its old
 * and new status, any other edit with the same status on both sides and what
 * changed in `changes` (docs/SCHEMA.md). A deleted task is retired
 * (`deleted_at`), its log kept, and the deletion audited. The title and notes
 * are in the search index while the task exists.
 *
 * A task falls due at a moment, or on a day (its local midnight, read in the
 * family's time zone). A repeating task has an RFC 5545 rule, expanded from
 * its first due moment (hearth-recurrence.c): completing it logs the
 * completion and, in the same transaction, makes the next occurrence due, to
 * do again, once; when the rule has ended it stays done.
 *
 * Each time a task is done is a completion (`task_completions`): who did it,
 * which occurrence, and the reward it earns and for whom. A parent approves a
 * completion: the reward is posted into an account of the circle through the
 * finance service, inside the approval's transaction, so the task's log, the
 * transaction and its log, the balance and the audit row move together;
 * undoing the approval voids that transaction.
 */

struct _HearthTasks
{
  GObject      parent_instance;

  HearthStore *store;
  GTimeZone   *time_zone;  /* the family's: due days and rules are read in it */
  HearthDueKind reminder_kind;
  gint         morning_hour;  /* atomic: the scheduler's worker reads it */
};

G_DEFINE_FINAL_TYPE (HearthTasks, hearth_tasks, G_TYPE_OBJECT)

G_DEFINE_QUARK (hearth-tasks-error-quark, hearth_tasks_error)

static void
hearth_tasks_dispose (GObject *object)
{
  HearthTasks *self = HEARTH_TASKS (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (hearth_tasks_parent_class)->dispose (object);
}

static void
hearth_tasks_class_init (HearthTasksClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hearth_tasks_dispose;
}

static gboolean  reminder_next_due (const HearthDueKind *kind, HearthStore *store, gint64 *out_when,
                                    GError **error);
static GPtrArray *reminder_fire_due (const HearthDueKind *kind, HearthStore *store, gint64 now, GError **error);

static void
hearth_tasks_init (HearthTasks *self)
{
  self->time_zone = g_time_zone_new_local ();
  self->morning_hour = 8;
  self->reminder_kind.name = "task";
  self->reminder_kind.watch_table = "tasks";
  self->reminder_kind.next_due = reminder_next_due;
  self->reminder_kind.fire_due = reminder_fire_due;
  self->reminder_kind.data = G_OBJECT (self);
}

/* Tests read due days and rules in a zone of their choosing. */
void
_hearth_tasks_set_time_zone (HearthTasks *self,
                             GTimeZone   *zone)
{
  g_return_if_fail (HEARTH_IS_TASKS (self));
  g_return_if_fail (zone != NULL);

  g_time_zone_unref (self->time_zone);
  self->time_zone = g_time_zone_ref (zone);
}

/* @microseconds as a moment in @zone, or %NULL when it is outside the years
 * 1 to 9999. */
static GDateTime *
moment_in (GTimeZone *zone,
           gint64     microseconds)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (microseconds / G_USEC_PER_SEC);

  return utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
}

/**
 * hearth_tasks_new:
 * @guard: the guard of the store the tasks live in
 */
HearthTasks *
hearth_tasks_new (HearthGuard *guard)
{
  HearthTasks *self;

  g_return_val_if_fail (HEARTH_IS_GUARD (guard), NULL);

  self = g_object_new (HEARTH_TYPE_TASKS, NULL);
  self->store = g_object_ref (hearth_guard_get_store (guard));
  return self;
}

/**
 * hearth_tasks_get_store:
 *
 * Returns: (transfer none): the store
 */
HearthStore *
hearth_tasks_get_store (HearthTasks *self)
{
  g_return_val_if_fail (HEARTH_IS_TASKS (self), NULL);
  return self->store;
}

/**
 * hearth_tasks_can:
 *
 * What the screens ask before they offer an action; the functions check again.
 */
gboolean
hearth_tasks_can (HearthTasks *self,
                  HearthActor *actor,
                  gint64       circle_id,
                  const char  *resource,
                  const char  *action)
{
  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  return hearth_authorize (self->store, actor, circle_id, resource, action, NULL);
}

/* The title as kept, or %NULL with a message that says it is the title that
 * is wrong: the quick-add line has no label beside it to say so. */
static char *
clean_title (const char  *title,
             GError     **error)
{
  g_autoptr (GError) refused = NULL;
  char *clean = hearth_validation_clean_text (title, HEARTH_TASK_MAX_TITLE, TRUE, HEARTH_VALIDATION_ERROR_TITLE,
                                              &refused);

  if (clean != NULL)
    return clean;
  if (title == NULL || g_utf8_validate (title, -1, NULL))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (title != NULL ? title : ""));

      if (*stripped == '\0')
        {
          g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_TITLE,
                               _("Give the task a title."));
          return NULL;
        }
      if (g_utf8_strlen (stripped, -1) > HEARTH_TASK_MAX_TITLE)
        {
          g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_TITLE,
                       _("A task's title has at most %d characters."), HEARTH_TASK_MAX_TITLE);
          return NULL;
        }
    }
  /* Translators: what is wrong with a task's title: "The title: Line breaks and tabs cannot be used here." */
  g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_TITLE, _("The title: %s"), refused->message);
  return NULL;
}

/* Rows ------------------------------------------------------------------------------------ */

/* What is indexed for a task: its title, then its notes. */
static char *
searchable_text (const char *title,
                 const char *notes)
{
  return *notes != '\0' ? g_strconcat (title, "\n", notes, NULL) : g_strdup (title);
}

static HearthTask *
read_task (HearthStore  *store,
           gint64        task_id,
           GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store, "SELECT " HEARTH_TASK_COLUMNS " FROM tasks t WHERE t.id = ?", error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, task_id);
  if (!hearth_statement_fetch_one (statement, error))
    return NULL;
  return _hearth_task_new_from_row (statement);
}

/* The task, if it exists and @actor may do @action to it in its circle. An
 * unknown or deleted id is refused like a circle one is not in. */
static HearthTask *
load_task (HearthStore  *store,
           HearthActor  *actor,
           gint64        task_id,
           const char   *action,
           GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (HearthTask) task = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT " HEARTH_TASK_COLUMNS " FROM tasks t "
                                    "WHERE t.id = ? AND t.deleted_at IS NULL",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, task_id);
  if (!hearth_statement_fetch_one (statement, NULL))
    {
      g_set_error_literal (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                           _("You are not allowed to see this task."));
      return NULL;
    }
  task = _hearth_task_new_from_row (statement);
  if (!hearth_authorize (store, actor, hearth_task_get_circle_id (task), "task", action, error))
    return NULL;
  return g_steal_pointer (&task);
}

/* One `task_logs` row: a status change, or (same status) an edit named in
 * @changes, a JSON object. */
static gboolean
log_change (HearthStore  *store,
            HearthActor  *actor,
            gint64        task_id,
            const char   *old_status,
            const char   *new_status,
            const char   *changes,
            GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "INSERT INTO task_logs (task_id, old_status, new_status, updated_by, created_at, "
                                    "changes) VALUES (?, ?, ?, ?, ?, ?)",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, task_id);
  hearth_statement_bind_text (statement, 2, old_status);
  hearth_statement_bind_text (statement, 3, new_status);
  hearth_statement_bind_int64 (statement, 4, hearth_actor_get_user_id (actor));
  hearth_statement_bind_int64 (statement, 5, hearth_store_now (store));
  hearth_statement_bind_text (statement, 6, changes);
  return hearth_statement_run (statement, error);
}

/* Making ---------------------------------------------------------------------------------- */

typedef struct
{
  HearthActor *actor;
  gint64       circle_id;
  const char  *title;
  gint64       task_id;
} Creation;

static gboolean
create_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Creation *creation = user_data;
  g_autoptr (HearthStatement) statement = NULL;

  if (!hearth_authorize (store, creation->actor, creation->circle_id, "task", "create", error))
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "INSERT INTO tasks (circle_id, creator_id, title, status, created_at) "
                                    "VALUES (?, ?, ?, 'TODO', ?) RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, creation->circle_id);
  hearth_statement_bind_int64 (statement, 2, hearth_actor_get_user_id (creation->actor));
  hearth_statement_bind_text (statement, 3, creation->title);
  hearth_statement_bind_int64 (statement, 4, hearth_store_now (store));
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  creation->task_id = hearth_statement_get_int64 (statement, 0);
  /* Released before the search index is written (docs/DEVELOPING.md). */
  g_clear_pointer (&statement, hearth_statement_release);

  return log_change (store, creation->actor, creation->task_id, NULL, "TODO", "{}", error) &&
         _hearth_search_add (store, HEARTH_SEARCH_KIND_TASK, creation->task_id, creation->title, error);
}

/**
 * hearth_tasks_create:
 * @circle_id: the circle it is for; the actor's personal circle for a private
 *   to-do
 * @title: what is to be done, up to %HEARTH_TASK_MAX_TITLE characters, one line
 *
 * Needs `task.create` in the circle.
 *
 * Returns: (transfer full): the task, to do, given to nobody yet
 */
HearthTask *
hearth_tasks_create (HearthTasks  *self,
                     HearthActor  *actor,
                     gint64        circle_id,
                     const char   *title,
                     GError      **error)
{
  g_autofree char *clean = NULL;
  Creation creation = { actor, circle_id, NULL, 0 };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  clean = clean_title (title, error);
  if (clean == NULL)
    return NULL;
  creation.title = clean;
  if (!hearth_store_transaction (self->store, create_in_transaction, &creation, error))
    return NULL;
  return read_task (self->store, creation.task_id, error);
}

/**
 * hearth_tasks_get:
 *
 * Needs `task.read` in the task's circle.
 *
 * Returns: (transfer full): the task
 */
HearthTask *
hearth_tasks_get (HearthTasks  *self,
                  HearthActor  *actor,
                  gint64        task_id,
                  GError      **error)
{
  g_return_val_if_fail (HEARTH_IS_TASKS (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  return load_task (self->store, actor, task_id, "read", error);
}

/* Status ---------------------------------------------------------------------------------- */

typedef struct
{
  HearthActor      *actor;
  gint64            task_id;
  HearthTaskStatus  status;
  GTimeZone        *time_zone;
  gint64            completion_id;  /* out: the completion recorded */
} StatusChange;

/* One change for a log row's `changes`: {"field": {"old": …, "new": …}}, with
 * a 0 or %NULL side written as null. */
static void
add_change (JsonBuilder *builder,
            const char  *field,
            gint64       old_number,
            gint64       new_number,
            const char  *old_text,
            const char  *new_text,
            gboolean     text)
{
  json_builder_set_member_name (builder, field);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "old");
  if (text ? old_text == NULL : old_number == 0)
    json_builder_add_null_value (builder);
  else if (text)
    json_builder_add_string_value (builder, old_text);
  else
    json_builder_add_int_value (builder, old_number);
  json_builder_set_member_name (builder, "new");
  if (text ? new_text == NULL : new_number == 0)
    json_builder_add_null_value (builder);
  else if (text)
    json_builder_add_string_value (builder, new_text);
  else
    json_builder_add_int_value (builder, new_number);
  json_builder_end_object (builder);
}

static char *
changes_to_string (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* An edit that leaves the status as it is: its log row, with what @builder,
 * an open object, says changed. */
static gboolean
log_edit (HearthStore  *store,
          HearthActor  *actor,
          HearthTask   *task,
          JsonBuilder  *builder,
          GError      **error)
{
  const char *status = hearth_task_status_to_string (hearth_task_get_status (task));
  g_autofree char *changes = NULL;

  json_builder_end_object (builder);
  changes = changes_to_string (builder);
  return log_change (store, actor, hearth_task_get_id (task), status, status, changes, error);
}

/* A repeating task just done: its next occurrence becomes due, to do again,
 * logged; when the rule has ended it stays done. */
static gboolean
next_occurrence (HearthStore   *store,
                 StatusChange  *change,
                 HearthTask    *task,
                 GError       **error)
{
  g_autoptr (GDateTime) start = moment_in (change->time_zone, _hearth_task_get_recurrence_start (task));
  g_autoptr (GDateTime) due = moment_in (change->time_zone, hearth_task_get_due_at (task));
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *changes = NULL;
  gint64 next;

  if (start == NULL || due == NULL)
    return TRUE;
  next = hearth_recurrence_next (hearth_task_get_recurrence (task), start, due, error);
  if (next == 0)
    return error == NULL || *error == NULL;

  statement = hearth_store_prepare (store, "UPDATE tasks SET status = 'TODO', due_at = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, next);
  hearth_statement_bind_int64 (statement, 2, change->task_id);
  json_builder_begin_object (builder);
  add_change (builder, "due_at", hearth_task_get_due_at (task), next, NULL, NULL, FALSE);
  json_builder_end_object (builder);
  changes = changes_to_string (builder);
  return hearth_statement_run (statement, error) &&
         log_change (store, change->actor, change->task_id, "DONE", "TODO", changes, error);
}

/* Who earns a completion's reward: the member who did it, if it was theirs,
 * else its one assignee; nobody when that says nothing. */
static gint64
earner_of (HearthTask *task,
           gint64      completed_by)
{
  guint n = 0;
  const gint64 *assignees = hearth_task_get_assignee_ids (task, &n);

  if (hearth_task_is_assigned_to (task, completed_by))
    return completed_by;
  return n == 1 ? assignees[0] : 0;
}

/* The task done: one completion, paying the task's reward (if anyone earns it). */
static gboolean
record_completion (HearthStore   *store,
                   StatusChange  *change,
                   HearthTask    *task,
                   GError       **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  gint64 user_id = hearth_actor_get_user_id (change->actor);
  gint64 earner = earner_of (task, user_id);

  statement = hearth_store_prepare (store,
                                    "INSERT INTO task_completions (task_id, completed_by, completed_at, due_at, "
                                    "earner_id, reward) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->task_id);
  hearth_statement_bind_int64 (statement, 2, user_id);
  hearth_statement_bind_int64 (statement, 3, hearth_store_now (store));
  if (hearth_task_get_due_at (task) != 0)
    hearth_statement_bind_int64 (statement, 4, hearth_task_get_due_at (task));
  else
    hearth_statement_bind_null (statement, 4);
  if (earner != 0)
    hearth_statement_bind_int64 (statement, 5, earner);
  else
    hearth_statement_bind_null (statement, 5);
  if (earner != 0 && hearth_task_get_reward (task) != 0)
    hearth_statement_bind_int64 (statement, 6, hearth_task_get_reward (task));
  else
    hearth_statement_bind_null (statement, 6);
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  change->completion_id = hearth_statement_get_int64 (statement, 0);
  return TRUE;
}

/* A task that was done is to do again: its last completion is undone, unless
 * a parent approved it (that approval is undone first). */
static gboolean
undo_last_completion (HearthStore  *store,
                      gint64        task_id,
                      gint64       *out_due_at,
                      GError      **error)
{
  g_autoptr (HearthStatement) last = NULL;
  g_autoptr (HearthStatement) undo = NULL;
  gboolean found;

  last = hearth_store_prepare (store,
                               "SELECT id, approved_by IS NOT NULL, ifnull (due_at, 0) FROM task_completions "
                               "WHERE task_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
                               error);
  if (last == NULL)
    return FALSE;
  hearth_statement_bind_int64 (last, 1, task_id);
  if (!hearth_statement_fetch_optional (last, &found, error))
    return FALSE;
  if (!found)
    return TRUE;
  if (hearth_statement_get_int64 (last, 1) != 0)
    {
      g_set_error_literal (error, HEARTH_TASKS_ERROR, HEARTH_TASKS_ERROR_APPROVED,
                           _("A parent approved this chore: undo the approval first."));
      return FALSE;
    }
  if (out_due_at != NULL)
    *out_due_at = hearth_statement_get_int64 (last, 2);

  undo = hearth_store_prepare (store, "UPDATE task_completions SET undone_at = ? WHERE id = ?", error);
  if (undo == NULL)
    return FALSE;
  hearth_statement_bind_int64 (undo, 1, hearth_store_now (store));
  hearth_statement_bind_int64 (undo, 2, hearth_statement_get_int64 (last, 0));
  return hearth_statement_run (undo, error);
}

static gboolean
set_status_in_transaction (HearthStore  *store,
                           gpointer      user_data,
                           GError      **error)
{
  StatusChange *change = user_data;
  g_autoptr (HearthTask) task = load_task (store, change->actor, change->task_id, "update", error);
  g_autoptr (HearthStatement) statement = NULL;
  const char *old_status;
  const char *new_status = hearth_task_status_to_string (change->status);

  if (task == NULL)
    return FALSE;
  if (hearth_task_get_status (task) == change->status)
    return TRUE;
  old_status = hearth_task_status_to_string (hearth_task_get_status (task));

  statement = hearth_store_prepare (store, "UPDATE tasks SET status = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, new_status);
  hearth_statement_bind_int64 (statement, 2, change->task_id);
  if (!hearth_statement_run (statement, error) ||
      !log_change (store, change->actor, change->task_id, old_status, new_status, "{}", error))
    return FALSE;
  if (hearth_task_get_status (task) == HEARTH_TASK_STATUS_DONE &&
      !undo_last_completion (store, change->task_id, NULL, error))
    return FALSE;
  if (change->status != HEARTH_TASK_STATUS_DONE)
    return TRUE;
  if (!record_completion (store, change, task, error))
    return FALSE;
  if (hearth_task_get_recurrence (task) != NULL)
    return next_occurrence (store, change, task, error);
  return TRUE;
}

/**
 * hearth_tasks_set_status:
 *
 * Moves the task to @status, with its log row; nothing happens, and nothing is
 * logged, when it is there already. A repeating task that is done comes back
 * to do, due at its next occurrence, in the same transaction (a second log
 * row), unless its rule has ended. Needs `task.update` in the task's circle.
 */
gboolean
hearth_tasks_set_status (HearthTasks       *self,
                         HearthActor       *actor,
                         gint64             task_id,
                         HearthTaskStatus   status,
                         GError           **error)
{
  StatusChange change = { actor, task_id, status, self->time_zone, 0 };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (hearth_task_status_to_string (status) != NULL, FALSE);

  return hearth_store_transaction (self->store, set_status_in_transaction, &change, error);
}

/**
 * hearth_tasks_complete:
 *
 * Marks the task done, as hearth_tasks_set_status() does, and says which
 * completion that was: what hearth_tasks_undo_completion() undoes and a
 * parent approves. The member who did it earns its reward if it was theirs,
 * else its one assignee does.
 *
 * Returns: the completion's id, or 0 (also when the task was done already)
 */
gint64
hearth_tasks_complete (HearthTasks  *self,
                       HearthActor  *actor,
                       gint64        task_id,
                       GError      **error)
{
  StatusChange change = { actor, task_id, HEARTH_TASK_STATUS_DONE, self->time_zone, 0 };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), 0);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), 0);

  if (!hearth_store_transaction (self->store, set_status_in_transaction, &change, error))
    return 0;
  return change.completion_id;
}

/* Title and notes ------------------------------------------------------------------------- */

typedef struct
{
  HearthActor *actor;
  gint64       task_id;
  const char  *title;
  const char  *notes;
} Edit;

static gboolean
edit_in_transaction (HearthStore  *store,
                     gpointer      user_data,
                     GError      **error)
{
  Edit *edit = user_data;
  g_autoptr (HearthTask) task = load_task (store, edit->actor, edit->task_id, "update", error);
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (task == NULL)
    return FALSE;
  if (g_strcmp0 (hearth_task_get_title (task), edit->title) == 0 &&
      g_strcmp0 (hearth_task_get_notes (task), edit->notes) == 0)
    return TRUE;

  statement = hearth_store_prepare (store, "UPDATE tasks SET title = ?, notes = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, edit->title);
  hearth_statement_bind_text (statement, 2, edit->notes);
  hearth_statement_bind_int64 (statement, 3, edit->task_id);
  if (!hearth_statement_run (statement, error))
    return FALSE;

  json_builder_begin_object (builder);
  if (g_strcmp0 (hearth_task_get_title (task), edit->title) != 0)
    add_change (builder, "title", 0, 0, hearth_task_get_title (task), edit->title, TRUE);
  if (g_strcmp0 (hearth_task_get_notes (task), edit->notes) != 0)
    add_change (builder, "notes", 0, 0, hearth_task_get_notes (task), edit->notes, TRUE);
  old_text = searchable_text (hearth_task_get_title (task), hearth_task_get_notes (task));
  new_text = searchable_text (edit->title, edit->notes);
  return log_edit (store, edit->actor, task, builder, error) &&
         _hearth_search_remove (store, HEARTH_SEARCH_KIND_TASK, edit->task_id, old_text, error) &&
         _hearth_search_add (store, HEARTH_SEARCH_KIND_TASK, edit->task_id, new_text, error);
}

/**
 * hearth_tasks_edit:
 * @title: what is to be done, one line of up to %HEARTH_TASK_MAX_TITLE
 *   characters
 * @notes: (nullable): more about it, any length, line breaks kept
 *
 * Changes the task's title and notes, logged with the old and new values and
 * indexed again; nothing happens when neither changes. Needs `task.update`.
 */
gboolean
hearth_tasks_edit (HearthTasks  *self,
                   HearthActor  *actor,
                   gint64        task_id,
                   const char   *title,
                   const char   *notes,
                   GError      **error)
{
  g_autofree char *clean_title_text = NULL;
  g_autofree char *clean_notes = NULL;
  Edit edit = { actor, task_id, NULL, NULL };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  clean_title_text = clean_title (title, error);
  if (clean_title_text == NULL)
    return FALSE;
  if (notes != NULL && !g_utf8_validate (notes, -1, NULL))
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DESCRIPTION,
                           _("This text cannot be read."));
      return FALSE;
    }
  clean_notes = g_strstrip (g_utf8_normalize (notes != NULL ? notes : "", -1, G_NORMALIZE_NFC));
  edit.title = clean_title_text;
  edit.notes = clean_notes;
  return hearth_store_transaction (self->store, edit_in_transaction, &edit, error);
}

/* Due times ------------------------------------------------------------------------------- */

typedef struct
{
  HearthActor *actor;
  gint64       task_id;
  gint64       due_at;
  gboolean     all_day;
  const char  *rule;
} DueChange;

static gboolean
set_due_in_transaction (HearthStore  *store,
                        gpointer      user_data,
                        GError      **error)
{
  DueChange *change = user_data;
  g_autoptr (HearthTask) task = load_task (store, change->actor, change->task_id, "update", error);
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (task == NULL)
    return FALSE;
  statement = hearth_store_prepare (store,
                                    "UPDATE tasks SET due_at = ?, due_all_day = ?, recurrence = ?, "
                                    "recurrence_start = ? WHERE id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  if (change->due_at != 0)
    hearth_statement_bind_int64 (statement, 1, change->due_at);
  else
    hearth_statement_bind_null (statement, 1);
  hearth_statement_bind_int64 (statement, 2, change->all_day);
  hearth_statement_bind_text (statement, 3, change->rule);
  if (change->rule != NULL)
    hearth_statement_bind_int64 (statement, 4, change->due_at);
  else
    hearth_statement_bind_null (statement, 4);
  hearth_statement_bind_int64 (statement, 5, change->task_id);
  if (!hearth_statement_run (statement, error))
    return FALSE;

  json_builder_begin_object (builder);
  if (hearth_task_get_due_at (task) != change->due_at || hearth_task_get_due_all_day (task) != change->all_day)
    add_change (builder, "due_at", hearth_task_get_due_at (task), change->due_at, NULL, NULL, FALSE);
  if (g_strcmp0 (hearth_task_get_recurrence (task), change->rule) != 0)
    add_change (builder, "recurrence", 0, 0, hearth_task_get_recurrence (task), change->rule, TRUE);
  return log_edit (store, change->actor, task, builder, error);
}

/**
 * hearth_tasks_set_due:
 * @due_at: when the task falls due, in microseconds since the epoch; for a
 *   whole day, that day's local midnight; 0 for no due time
 * @all_day: whether the task is due on a day rather than at a moment
 * @rule: (nullable): how it repeats, an RFC 5545 rule counted from @due_at,
 *   or %NULL
 *
 * Refuses a moment outside the years 1 to 9999 (%HEARTH_VALIDATION_ERROR_DATE)
 * and a rule Hearth does not repeat by, or one without a due time
 * (%HEARTH_VALIDATION_ERROR_RECURRENCE). Needs `task.update`.
 */
gboolean
hearth_tasks_set_due (HearthTasks  *self,
                      HearthActor  *actor,
                      gint64        task_id,
                      gint64        due_at,
                      gboolean      all_day,
                      const char   *rule,
                      GError      **error)
{
  DueChange change = { actor, task_id, due_at, all_day && due_at != 0, NULL };
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GError) refused = NULL;
  g_autofree char *clean_rule = NULL;

  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  if (due_at != 0)
    {
      start = moment_in (self->time_zone, due_at);
      if (start == NULL || g_date_time_get_year (start) < 1 || g_date_time_get_year (start) > 9999)
        {
          g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DATE,
                               _("Choose a day between the years 1 and 9999."));
          return FALSE;
        }
    }
  if (rule != NULL)
    {
      clean_rule = g_strstrip (g_strdup (rule));
      if (start == NULL)
        {
          g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_RECURRENCE,
                               _("A task that repeats needs the day it is first due."));
          return FALSE;
        }
      if (!hearth_recurrence_check (clean_rule, start, &refused))
        {
          g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_RECURRENCE,
                               refused->message);
          return FALSE;
        }
      change.rule = clean_rule;
    }
  return hearth_store_transaction (self->store, set_due_in_transaction, &change, error);
}

/* Undoing a completion ------------------------------------------------------------------- */

typedef struct
{
  HearthActor *actor;
  gint64       completion_id;
  gint64       account_id;
  gint64       transaction_id;  /* out, for an approval */
} CompletionChange;

/* A completion and its task, which @actor may do @action to. */
static HearthTask *
load_completion (HearthStore  *store,
                 HearthActor  *actor,
                 gint64        completion_id,
                 const char   *action,
                 GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store, "SELECT task_id FROM task_completions WHERE id = ?", error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, completion_id);
  if (!hearth_statement_fetch_one (statement, NULL))
    {
      g_set_error_literal (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                           _("You are not allowed to see this task."));
      return NULL;
    }
  return load_task (store, actor, hearth_statement_get_int64 (statement, 0), action, error);
}

static gboolean
undo_completion_in_transaction (HearthStore  *store,
                                gpointer      user_data,
                                GError      **error)
{
  CompletionChange *change = user_data;
  g_autoptr (HearthTask) task = load_completion (store, change->actor, change->completion_id, "update", error);
  g_autoptr (HearthStatement) last = NULL;
  g_autoptr (HearthStatement) update = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *changes = NULL;
  const char *old_status;
  gint64 due_at = 0;

  if (task == NULL)
    return FALSE;
  last = hearth_store_prepare (store,
                               "SELECT max (id) FROM task_completions WHERE task_id = ? AND undone_at IS NULL",
                               error);
  if (last == NULL)
    return FALSE;
  hearth_statement_bind_int64 (last, 1, hearth_task_get_id (task));
  if (!hearth_statement_fetch_one (last, error))
    return FALSE;
  if (hearth_statement_get_int64 (last, 0) != change->completion_id)
    {
      g_set_error_literal (error, HEARTH_TASKS_ERROR, HEARTH_TASKS_ERROR_NOT_DONE,
                           _("Only the last time this task was done can be undone."));
      return FALSE;
    }
  if (!undo_last_completion (store, hearth_task_get_id (task), &due_at, error))
    return FALSE;

  /* To do again, and due when it was, also when it repeats and moved on. */
  update = hearth_store_prepare (store, "UPDATE tasks SET status = 'TODO', due_at = ? WHERE id = ?", error);
  if (update == NULL)
    return FALSE;
  if (due_at != 0)
    hearth_statement_bind_int64 (update, 1, due_at);
  else
    hearth_statement_bind_null (update, 1);
  hearth_statement_bind_int64 (update, 2, hearth_task_get_id (task));
  if (!hearth_statement_run (update, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "undone");
  json_builder_add_int_value (builder, change->completion_id);
  if (due_at != hearth_task_get_due_at (task))
    add_change (builder, "due_at", hearth_task_get_due_at (task), due_at, NULL, NULL, FALSE);
  json_builder_end_object (builder);
  changes = changes_to_string (builder);
  old_status = hearth_task_status_to_string (hearth_task_get_status (task));
  return log_change (store, change->actor, hearth_task_get_id (task), old_status, "TODO", changes, error);
}

/**
 * hearth_tasks_undo_completion:
 * @completion_id: what hearth_tasks_complete() returned
 *
 * The Undo of completing a task: it is to do again, due when it was (a
 * repeating chore's next occurrence goes back to this one), logged. Only the
 * task's last completion is undone (%HEARTH_TASKS_ERROR_NOT_DONE), and not
 * once a parent approved it (%HEARTH_TASKS_ERROR_APPROVED). Needs
 * `task.update`.
 */
gboolean
hearth_tasks_undo_completion (HearthTasks  *self,
                              HearthActor  *actor,
                              gint64        completion_id,
                              GError      **error)
{
  CompletionChange change = { actor, completion_id };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, undo_completion_in_transaction, &change, error);
}

/* Rewards --------------------------------------------------------------------------------- */

typedef struct
{
  HearthActor *actor;
  gint64       task_id;
  gint64       reward;
} RewardChange;

static gboolean
set_reward_in_transaction (HearthStore  *store,
                           gpointer      user_data,
                           GError      **error)
{
  RewardChange *change = user_data;
  g_autoptr (HearthTask) task = load_task (store, change->actor, change->task_id, "approve", error);
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (task == NULL)
    return FALSE;
  if (hearth_task_get_reward (task) == change->reward)
    return TRUE;
  statement = hearth_store_prepare (store, "UPDATE tasks SET reward = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  if (change->reward != 0)
    hearth_statement_bind_int64 (statement, 1, change->reward);
  else
    hearth_statement_bind_null (statement, 1);
  hearth_statement_bind_int64 (statement, 2, change->task_id);
  if (!hearth_statement_run (statement, error))
    return FALSE;

  json_builder_begin_object (builder);
  add_change (builder, "reward", hearth_task_get_reward (task), change->reward, NULL, NULL, FALSE);
  return log_edit (store, change->actor, task, builder, error);
}

/**
 * hearth_tasks_set_reward:
 * @reward: what approving it done pays, in minor units; 0 for nothing
 *
 * A chore's pocket money is a parent's to set: needs `task.approve`. The
 * reward of completions recorded before stays what it was.
 */
gboolean
hearth_tasks_set_reward (HearthTasks  *self,
                         HearthActor  *actor,
                         gint64        task_id,
                         gint64        reward,
                         GError      **error)
{
  RewardChange change = { actor, task_id, reward };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  if (reward < 0 || reward > HEARTH_MONEY_MAX_MINOR)
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_AMOUNT,
                           _("Enter a reward of zero or more, within what an account can hold."));
      return FALSE;
    }
  return hearth_store_transaction (self->store, set_reward_in_transaction, &change, error);
}

/* The completion's state, for approving it or undoing an approval. */
typedef struct
{
  gint64 earner_id;
  gint64 reward;
  gint64 transaction_id;
  gboolean undone;
} CompletionRow;

static gboolean
read_completion (HearthStore    *store,
                 gint64          completion_id,
                 CompletionRow  *out_row,
                 GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT ifnull (earner_id, 0), ifnull (reward, 0), ifnull (transaction_id, 0), "
                                    "undone_at IS NOT NULL FROM task_completions WHERE id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, completion_id);
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  out_row->earner_id = hearth_statement_get_int64 (statement, 0);
  out_row->reward = hearth_statement_get_int64 (statement, 1);
  out_row->transaction_id = hearth_statement_get_int64 (statement, 2);
  out_row->undone = hearth_statement_get_int64 (statement, 3) != 0;
  return TRUE;
}

static gboolean
refuse (GError     **error,
        int          code,
        const char  *message)
{
  g_set_error_literal (error, HEARTH_TASKS_ERROR, code, message);
  return FALSE;
}

/* The account the reward goes to must be one of the task's circle. */
static gboolean
check_reward_account (HearthStore  *store,
                      gint64        account_id,
                      gint64        circle_id,
                      GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  gboolean found;

  statement = hearth_store_prepare (store, "SELECT 1 FROM accounts WHERE id = ? AND circle_id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, account_id);
  hearth_statement_bind_int64 (statement, 2, circle_id);
  if (!hearth_statement_fetch_optional (statement, &found, error))
    return FALSE;
  return found || refuse (error, HEARTH_TASKS_ERROR_ACCOUNT,
                          _("Choose an account of this task's circle for the reward."));
}

/* An approval, or its Undo: the task's log row and the audit row. */
static gboolean
log_approval (HearthStore  *store,
              HearthActor  *actor,
              HearthTask   *task,
              gint64        completion_id,
              gint64        transaction_id,
              gboolean      approved,
              GError      **error)
{
  const char *status = hearth_task_status_to_string (hearth_task_get_status (task));
  g_autofree char *changes = NULL;

  changes = g_strdup_printf (approved ? "{\"approved\": %" G_GINT64_FORMAT ", \"transaction\": %" G_GINT64_FORMAT "}"
                                      : "{\"unapproved\": %" G_GINT64_FORMAT ", \"voided\": %" G_GINT64_FORMAT "}",
                             completion_id, transaction_id);
  return log_change (store, actor, hearth_task_get_id (task), status, status, changes, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (actor), hearth_task_get_circle_id (task), "task",
                              hearth_task_get_id (task), approved ? "task.approved" : "task.unapproved", error);
}

static gboolean
approve_in_transaction (HearthStore  *store,
                        gpointer      user_data,
                        GError      **error)
{
  CompletionChange *change = user_data;
  g_autoptr (HearthTask) task = load_completion (store, change->actor, change->completion_id, "approve", error);
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *description = NULL;
  HearthTransactionDraft draft = { 0 };
  CompletionRow row;

  if (task == NULL || !read_completion (store, change->completion_id, &row, error))
    return FALSE;
  if (row.undone)
    return refuse (error, HEARTH_TASKS_ERROR_NOT_DONE, _("This chore is not done any more."));
  if (row.reward == 0)
    return refuse (error, HEARTH_TASKS_ERROR_NO_REWARD, _("This chore pays no reward."));
  if (row.transaction_id != 0)
    return refuse (error, HEARTH_TASKS_ERROR_ALREADY_APPROVED, _("This chore is approved already."));
  if (row.earner_id == hearth_actor_get_user_id (change->actor))
    return refuse (error, HEARTH_TASKS_ERROR_OWN_CHORE, _("Someone else approves the chores you did."));
  if (!check_reward_account (store, change->account_id, hearth_task_get_circle_id (task), error))
    return FALSE;

  now = g_date_time_new_from_unix_local (hearth_store_now (store) / G_USEC_PER_SEC);
  today = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the description of a chore's reward in the ledger: "Reward: Take out the bins" */
  description = g_strdup_printf (_("Reward: %s"), hearth_task_get_title (task));
  draft.occurred_on = today;
  draft.amount = row.reward;
  draft.incoming = TRUE;
  draft.description = description;
  change->transaction_id = _hearth_finance_post (store, change->actor, change->account_id, &draft, error);
  if (change->transaction_id == 0)
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "UPDATE task_completions SET approved_by = ?, approved_at = ?, "
                                    "transaction_id = ? WHERE id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, hearth_actor_get_user_id (change->actor));
  hearth_statement_bind_int64 (statement, 2, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 3, change->transaction_id);
  hearth_statement_bind_int64 (statement, 4, change->completion_id);
  if (!hearth_statement_run (statement, error))
    return FALSE;

  return log_approval (store, change->actor, task, change->completion_id, change->transaction_id, TRUE, error);
}

/**
 * hearth_tasks_approve:
 * @completion_id: a completion that pays a reward
 * @account_id: where the reward goes: an account of the task's circle, such as
 *   the earner's pocket money
 *
 * A parent's approval of a chore done: its reward is posted into @account_id
 * (money in, described "Reward: " and the task's title), in the same
 * transaction as the task's log row and an audit row; the transaction's own
 * log is written by the finance service. Needs `task.approve` in the task's
 * circle and `transaction.create` in the account's. Refused, with nothing
 * written, for one's own chore (%HEARTH_TASKS_ERROR_OWN_CHORE), twice
 * (%HEARTH_TASKS_ERROR_ALREADY_APPROVED), without a reward
 * (%HEARTH_TASKS_ERROR_NO_REWARD), an undone completion
 * (%HEARTH_TASKS_ERROR_NOT_DONE), and an account of another circle
 * (%HEARTH_TASKS_ERROR_ACCOUNT).
 *
 * Returns: the reward's transaction, or 0
 */
gint64
hearth_tasks_approve (HearthTasks  *self,
                      HearthActor  *actor,
                      gint64        completion_id,
                      gint64        account_id,
                      GError      **error)
{
  CompletionChange change = { actor, completion_id, account_id, 0 };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), 0);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), 0);

  if (!hearth_store_transaction (self->store, approve_in_transaction, &change, error))
    return 0;
  return change.transaction_id;
}

static gboolean
undo_approval_in_transaction (HearthStore  *store,
                              gpointer      user_data,
                              GError      **error)
{
  CompletionChange *change = user_data;
  g_autoptr (HearthTask) task = load_completion (store, change->actor, change->completion_id, "approve", error);
  g_autoptr (HearthStatement) statement = NULL;
  CompletionRow row;

  if (task == NULL || !read_completion (store, change->completion_id, &row, error))
    return FALSE;
  if (row.transaction_id == 0)
    return refuse (error, HEARTH_TASKS_ERROR_NOT_APPROVED, _("This chore is not approved."));
  if (!_hearth_finance_void (store, change->actor, row.transaction_id, error))
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "UPDATE task_completions SET approved_by = NULL, approved_at = NULL, "
                                    "transaction_id = NULL WHERE id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->completion_id);
  if (!hearth_statement_run (statement, error))
    return FALSE;

  return log_approval (store, change->actor, task, change->completion_id, row.transaction_id, FALSE, error);
}

/**
 * hearth_tasks_undo_approval:
 *
 * The Undo of an approval, the way Void is undone in the ledger: the reward's
 * transaction is voided (it stays in the ledger, marked so, and leaves the
 * balance) and the completion waits for approval again; logged and audited.
 * Needs `task.approve` and `transaction.void`.
 */
gboolean
hearth_tasks_undo_approval (HearthTasks  *self,
                            HearthActor  *actor,
                            gint64        completion_id,
                            GError      **error)
{
  CompletionChange change = { actor, completion_id };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, undo_approval_in_transaction, &change, error);
}

/**
 * hearth_tasks_list_waiting:
 * @circle_id: the circle whose chores a parent approves
 *
 * Chores done whose reward waits for a parent's approval, oldest first. Needs
 * `task.approve` in the circle.
 *
 * Returns: (transfer full) (element-type HearthTaskCompletion): the
 *   completions, or %NULL
 */
GPtrArray *
hearth_tasks_list_waiting (HearthTasks  *self,
                           HearthActor  *actor,
                           gint64        circle_id,
                           GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GPtrArray) completions = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (HEARTH_IS_TASKS (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "task", "approve", error))
    return NULL;
  statement = hearth_store_prepare (self->store,
                                    "SELECT c.id, c.task_id, t.title, c.earner_id, c.reward, c.completed_at "
                                    "FROM task_completions c JOIN tasks t ON t.id = c.task_id "
                                    "WHERE t.circle_id = ? AND t.deleted_at IS NULL AND c.reward IS NOT NULL "
                                    "AND c.approved_by IS NULL AND c.undone_at IS NULL ORDER BY c.id",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  completions = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_task_completion_free);
  while (hearth_statement_next_row (statement, &local_error))
    {
      HearthTaskCompletion *completion = g_new0 (HearthTaskCompletion, 1);

      completion->id = hearth_statement_get_int64 (statement, 0);
      completion->task_id = hearth_statement_get_int64 (statement, 1);
      completion->title = hearth_statement_dup_text (statement, 2);
      completion->earner_id = hearth_statement_get_int64 (statement, 3);
      completion->reward = hearth_statement_get_int64 (statement, 4);
      completion->completed_at = hearth_statement_get_int64 (statement, 5);
      g_ptr_array_add (completions, completion);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&completions);
}

/* Lists ------------------------------------------------------------------------------------ */

/* Open tasks soonest due first, those without a due time last, each in the
 * order they were made: the key is the one the index tasks_open names. */
#define OPEN_KEY "coalesce (t.due_at, 9223372036854775807)"
#define OPEN_WHERE "WHERE t.circle_id = ?1 AND t.deleted_at IS NULL AND t.status <> 'DONE'"
#define MINE " AND EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id AND a.user_id = ?2)"

static const HearthQuery list_queries[] = {
  [HEARTH_TASK_LIST_EVERYONE] = {
    .watch_table = "tasks",
    .watch_also = "task_assignments",
    .columns = HEARTH_TASK_COLUMNS,
    .from = "FROM tasks t " OPEN_WHERE,
    .key = OPEN_KEY,
    .id = "t.id",
    .ascending = TRUE,
    .new_from_row = _hearth_task_new_from_row,
  },
  [HEARTH_TASK_LIST_MINE] = {
    .watch_table = "tasks",
    .watch_also = "task_assignments",
    .columns = HEARTH_TASK_COLUMNS,
    .from = "FROM tasks t " OPEN_WHERE MINE,
    .key = OPEN_KEY,
    .id = "t.id",
    .ascending = TRUE,
    .new_from_row = _hearth_task_new_from_row,
  },
  /* Done: the last made first, through the seed's index. */
  [HEARTH_TASK_LIST_DONE] = {
    .watch_table = "tasks",
    .watch_also = "task_assignments",
    .columns = HEARTH_TASK_COLUMNS,
    .from = "FROM tasks t WHERE t.circle_id = ?1 AND t.status = 'DONE' AND t.deleted_at IS NULL",
    .key = "t.created_at",
    .id = "t.id",
    .new_from_row = _hearth_task_new_from_row,
  },
};

typedef struct
{
  gint64 circle_id;
  gint64 user_id;
} ListParams;

static void
bind_list (HearthStatement *statement,
           gpointer         user_data)
{
  ListParams *params = user_data;

  hearth_statement_bind_int64 (statement, 1, params->circle_id);
  if (params->user_id != 0)
    hearth_statement_bind_int64 (statement, 2, params->user_id);
}

/**
 * hearth_tasks_new_list:
 * @list: which tasks
 *
 * Needs `task.read` when it is made. The circle's tasks as a list model that
 * follows every change: those to do (everyone's, or those given to @actor)
 * soonest due first, then those without a due time, each in the order they
 * were made; or those done, the last made first. Sorted in SQL, through an
 * index, a page at a time.
 *
 * Returns: (transfer full): the list, or %NULL
 */
HearthQueryModel *
hearth_tasks_new_list (HearthTasks     *self,
                       HearthActor     *actor,
                       gint64           circle_id,
                       HearthTaskList   list,
                       GError         **error)
{
  HearthQuery query;
  ListParams params = { circle_id, 0 };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);
  g_return_val_if_fail (list <= HEARTH_TASK_LIST_DONE, NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "task", "read", error))
    return NULL;
  query = list_queries[list];
  query.item_type = HEARTH_TYPE_TASK;
  if (list == HEARTH_TASK_LIST_MINE)
    params.user_id = hearth_actor_get_user_id (actor);
  return hearth_query_model_new (self->store, &query, list == HEARTH_TASK_LIST_MINE ? 2 : 1, bind_list,
                                 g_memdup2 (&params, sizeof params), g_free, error);
}

/**
 * hearth_tasks_list_due_today:
 *
 * For Home: the tasks given to @actor in the circle, to do, due before
 * today's end (the family's day, by the store's clock), overdue ones
 * included, soonest first; at most %HEARTH_TASKS_DUE_TODAY_MAX. Needs
 * `task.read`.
 *
 * Returns: (transfer full) (element-type HearthTask): the tasks, or %NULL
 */
GPtrArray *
hearth_tasks_list_due_today (HearthTasks  *self,
                             HearthActor  *actor,
                             gint64        circle_id,
                             GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) midnight = NULL;
  g_autoptr (GDateTime) tomorrow = NULL;

  g_return_val_if_fail (HEARTH_IS_TASKS (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "task", "read", error))
    return NULL;
  now = moment_in (self->time_zone, hearth_store_now (self->store));
  midnight = g_date_time_new (self->time_zone, g_date_time_get_year (now), g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now), 0, 0, 0);
  tomorrow = g_date_time_add_days (midnight, 1);
  /* From the member's assignments, a few in a real family, then their tasks
   * (CROSS JOIN keeps SQLite to that order; PostgreSQL reads it as a plain
   * join): a member with no task does not scan the circle's. */
  statement = hearth_store_prepare (self->store,
                                    "SELECT " HEARTH_TASK_COLUMNS " FROM task_assignments a CROSS JOIN tasks t "
                                    "WHERE a.user_id = ?2 AND t.id = a.task_id AND t.circle_id = ?1 "
                                    "AND t.deleted_at IS NULL AND t.status <> 'DONE' "
                                    "AND " OPEN_KEY " < ?3 ORDER BY " OPEN_KEY ", t.id LIMIT ?4",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  hearth_statement_bind_int64 (statement, 2, hearth_actor_get_user_id (actor));
  hearth_statement_bind_int64 (statement, 3, g_date_time_to_unix (tomorrow) * G_USEC_PER_SEC);
  hearth_statement_bind_int64 (statement, 4, HEARTH_TASKS_DUE_TODAY_MAX);
  return hearth_statement_collect (statement, _hearth_task_new_from_row, g_object_unref, error);
}

/* Reminders (the scheduler's) ------------------------------------------------------------- */

/* What is to be reminded of: an open task with someone to do it, whose due
 * moment was not reminded of yet. The same words as the index
 * tasks_to_remind, which is what lets SQLite and PostgreSQL use it. */
#define TO_REMIND \
  "t.deleted_at IS NULL AND t.status <> 'DONE' AND t.due_at IS NOT NULL " \
  "AND (t.reminded_due_at IS NULL OR t.reminded_due_at <> t.due_at)"

/* When a task is reminded of: at its moment, or for a whole day, at the
 * morning hour after its local midnight. */
#define REMIND_AT "t.due_at + t.due_all_day * ?1"

static gint64
morning_offset (const HearthDueKind *kind)
{
  HearthTasks *self = HEARTH_TASKS (kind->data);

  return (gint64) g_atomic_int_get (&self->morning_hour) * G_TIME_SPAN_HOUR;
}

static gboolean
reminder_next_due (const HearthDueKind  *kind,
                   HearthStore          *store,
                   gint64               *out_when,
                   GError              **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT ifnull (min (" REMIND_AT "), 0) FROM tasks t WHERE " TO_REMIND
                                    " AND EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id)",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, morning_offset (kind));
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  *out_when = hearth_statement_get_int64 (statement, 0);
  return TRUE;
}

typedef struct
{
  gint64     morning;
  gint64     now;
  GPtrArray *items;
} Reminding;

static gboolean
remind_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Reminding *reminding = user_data;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) local_error = NULL;

  /* Marked in one statement: whoever else asks, on another connection or in
   * another process, finds nothing left to remind of. */
  statement = hearth_store_prepare (store,
                                    "UPDATE tasks SET reminded_due_at = due_at "
                                    "WHERE (reminded_due_at IS NULL OR reminded_due_at <> due_at) AND id IN "
                                    "(SELECT t.id FROM tasks t WHERE " TO_REMIND " AND " REMIND_AT " <= ?2"
                                    " AND EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id)) "
                                    "RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, reminding->morning);
  hearth_statement_bind_int64 (statement, 2, reminding->now);
  while (hearth_statement_next_row (statement, &local_error))
    {
      gint64 id = hearth_statement_get_int64 (statement, 0);

      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_pointer (&statement, hearth_statement_release);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (HearthStatement) task = NULL;
      HearthDueItem *item;

      task = hearth_store_prepare (store,
                                   "SELECT t.circle_id, t.title, c.name, "
                                   "(SELECT group_concat (u.display_name, ', ') FROM task_assignments a "
                                   " JOIN users u ON u.id = a.user_id WHERE a.task_id = t.id) "
                                   "FROM tasks t JOIN circles c ON c.id = t.circle_id WHERE t.id = ?",
                                   error);
      if (task == NULL)
        return FALSE;
      hearth_statement_bind_int64 (task, 1, g_array_index (ids, gint64, i));
      if (!hearth_statement_fetch_one (task, error))
        return FALSE;
      item = g_new0 (HearthDueItem, 1);
      item->kind = "task";
      item->id = g_array_index (ids, gint64, i);
      item->circle_id = hearth_statement_get_int64 (task, 0);
      /* Translators: a notification: "Take out the bins is due" */
      item->title = g_strdup_printf (_("%s is due"), hearth_statement_get_text (task, 1));
      /* Translators: under it, who is to do it and where: "For Noah · The Lovelaces" */
      item->body = g_strdup_printf (_("For %s · %s"), hearth_statement_get_text (task, 3),
                                    hearth_statement_get_text (task, 2));
      g_ptr_array_add (reminding->items, item);
    }
  return TRUE;
}

static GPtrArray *
reminder_fire_due (const HearthDueKind  *kind,
                   HearthStore          *store,
                   gint64                now,
                   GError              **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_due_item_free);
  Reminding reminding = { morning_offset (kind), now, items };

  if (!hearth_store_transaction (store, remind_in_transaction, &reminding, error))
    return NULL;
  return g_steal_pointer (&items);
}

/**
 * hearth_tasks_get_reminder_kind:
 *
 * Tasks as the scheduler's due items: an open task given to someone is
 * reminded of once for each due moment (a repeating chore again at its next
 * occurrence), at that moment, or for a whole day at the morning hour
 * (hearth_tasks_set_morning_hour()). Never for a task done or deleted, nor
 * one nobody is given any more (a member who leaves a circle is unassigned).
 *
 * Returns: (transfer none): the kind, valid as long as @self
 */
const HearthDueKind *
hearth_tasks_get_reminder_kind (HearthTasks *self)
{
  g_return_val_if_fail (HEARTH_IS_TASKS (self), NULL);
  return &self->reminder_kind;
}

/**
 * hearth_tasks_set_morning_hour:
 * @hour: 0 to 23, in the family's time zone
 *
 * When a task due on a day, rather than at a moment, is reminded of.
 */
void
hearth_tasks_set_morning_hour (HearthTasks *self,
                               guint        hour)
{
  g_return_if_fail (HEARTH_IS_TASKS (self));
  g_return_if_fail (hour < 24);

  g_atomic_int_set (&self->morning_hour, (gint) hour);
}

/* Assignees ------------------------------------------------------------------------------- */

typedef struct
{
  HearthActor *actor;
  gint64       task_id;
  gint64       user_id;
  gboolean     give;     /* or take back */
} Assignment;

/* Gives the task to a member of its circle, or takes it back, logged. */
static gboolean
assign_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Assignment *assignment = user_data;
  g_autoptr (HearthTask) task = load_task (store, assignment->actor, assignment->task_id, "assign", error);
  g_autoptr (HearthStatement) member = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *changes = NULL;
  const char *status;
  gboolean is_member;

  if (task == NULL)
    return FALSE;
  if (hearth_task_is_assigned_to (task, assignment->user_id) == assignment->give)
    return TRUE;

  if (assignment->give)
    {
      member = hearth_store_prepare (store, "SELECT 1 FROM circle_members WHERE circle_id = ? AND user_id = ?",
                                     error);
      if (member == NULL)
        return FALSE;
      hearth_statement_bind_int64 (member, 1, hearth_task_get_circle_id (task));
      hearth_statement_bind_int64 (member, 2, assignment->user_id);
      if (!hearth_statement_fetch_optional (member, &is_member, error))
        return FALSE;
      if (!is_member)
        {
          g_set_error_literal (error, HEARTH_TASKS_ERROR, HEARTH_TASKS_ERROR_NOT_A_MEMBER,
                               _("A task is given only to a member of its circle."));
          return FALSE;
        }
    }

  statement = hearth_store_prepare (store,
                                    assignment->give
                                    ? "INSERT INTO task_assignments (task_id, user_id) VALUES (?, ?)"
                                    : "DELETE FROM task_assignments WHERE task_id = ? AND user_id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, assignment->task_id);
  hearth_statement_bind_int64 (statement, 2, assignment->user_id);
  status = hearth_task_status_to_string (hearth_task_get_status (task));
  changes = g_strdup_printf (assignment->give ? "{\"assigned\": %" G_GINT64_FORMAT "}"
                                              : "{\"unassigned\": %" G_GINT64_FORMAT "}",
                             assignment->user_id);
  return hearth_statement_run (statement, error) &&
         log_change (store, assignment->actor, assignment->task_id, status, status, changes, error);
}

/**
 * hearth_tasks_assign:
 * @user_id: a member of the task's circle
 *
 * Gives the task to @user_id too; nothing happens when it is theirs already.
 * Needs `task.assign` in the task's circle.
 */
gboolean
hearth_tasks_assign (HearthTasks  *self,
                     HearthActor  *actor,
                     gint64        task_id,
                     gint64        user_id,
                     GError      **error)
{
  Assignment assignment = { actor, task_id, user_id, TRUE };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, assign_in_transaction, &assignment, error);
}

/**
 * hearth_tasks_unassign:
 *
 * Takes the task from @user_id; nothing happens when it was not theirs. Needs
 * `task.assign` in the task's circle.
 */
gboolean
hearth_tasks_unassign (HearthTasks  *self,
                       HearthActor  *actor,
                       gint64        task_id,
                       gint64        user_id,
                       GError      **error)
{
  Assignment assignment = { actor, task_id, user_id, FALSE };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, assign_in_transaction, &assignment, error);
}

/* Deleting -------------------------------------------------------------------------------- */

typedef struct
{
  HearthActor *actor;
  gint64       task_id;
} Deletion;

static gboolean
delete_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Deletion *deletion = user_data;
  g_autoptr (HearthTask) task = load_task (store, deletion->actor, deletion->task_id, "delete", error);
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *indexed = NULL;
  const char *status;

  if (task == NULL)
    return FALSE;
  statement = hearth_store_prepare (store, "UPDATE tasks SET deleted_at = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 2, deletion->task_id);
  if (!hearth_statement_run (statement, error))
    return FALSE;

  status = hearth_task_status_to_string (hearth_task_get_status (task));
  indexed = searchable_text (hearth_task_get_title (task), hearth_task_get_notes (task));
  return log_change (store, deletion->actor, deletion->task_id, status, status, "{\"deleted\": true}", error) &&
         _hearth_search_remove (store, HEARTH_SEARCH_KIND_TASK, deletion->task_id, indexed, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (deletion->actor), hearth_task_get_circle_id (task),
                              "task", deletion->task_id, "task.deleted", error);
}

/**
 * hearth_tasks_delete:
 *
 * Retires the task: it leaves every list and the search, its log stays, and
 * the audit log names who deleted it. Needs `task.delete` in its circle.
 */
gboolean
hearth_tasks_delete (HearthTasks  *self,
                     HearthActor  *actor,
                     gint64        task_id,
                     GError      **error)
{
  Deletion deletion = { actor, task_id };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, delete_in_transaction, &deletion, error);
}
