/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-tasks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-audit.h"
#include "hearth-permissions.h"
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
 * Due times, recurrence (hearth-recurrence.c), reminders and rewards come
 * next (issue 14).
 */

struct _HearthTasks
{
  GObject      parent_instance;

  HearthStore *store;
};

G_DEFINE_FINAL_TYPE (HearthTasks, hearth_tasks, G_TYPE_OBJECT)

G_DEFINE_QUARK (hearth-tasks-error-quark, hearth_tasks_error)

static void
hearth_tasks_dispose (GObject *object)
{
  g_clear_object (&HEARTH_TASKS (object)->store);

  G_OBJECT_CLASS (hearth_tasks_parent_class)->dispose (object);
}

static void
hearth_tasks_class_init (HearthTasksClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hearth_tasks_dispose;
}

static void
hearth_tasks_init (HearthTasks *self)
{
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

  clean = hearth_validation_clean_text (title, HEARTH_TASK_MAX_TITLE, TRUE, HEARTH_VALIDATION_ERROR_TITLE, error);
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
} StatusChange;

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
  return hearth_statement_run (statement, error) &&
         log_change (store, change->actor, change->task_id, old_status, new_status, "{}", error);
}

/**
 * hearth_tasks_set_status:
 *
 * Moves the task to @status, with its log row; nothing happens, and nothing is
 * logged, when it is there already. Needs `task.update` in the task's circle.
 */
gboolean
hearth_tasks_set_status (HearthTasks       *self,
                         HearthActor       *actor,
                         gint64             task_id,
                         HearthTaskStatus   status,
                         GError           **error)
{
  StatusChange change = { actor, task_id, status };

  g_return_val_if_fail (HEARTH_IS_TASKS (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (hearth_task_status_to_string (status) != NULL, FALSE);

  return hearth_store_transaction (self->store, set_status_in_transaction, &change, error);
}

/* Assignees ------------------------------------------------------------------------------- */

typedef struct
{
  HearthActor *actor;
  gint64       task_id;
  gint64       user_id;
} Assignment;

static gboolean
assign_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Assignment *assignment = user_data;
  g_autoptr (HearthTask) task = load_task (store, assignment->actor, assignment->task_id, "assign", error);
  g_autoptr (HearthStatement) member = NULL;
  g_autoptr (HearthStatement) insert = NULL;
  g_autofree char *changes = NULL;
  const char *status;
  gboolean is_member;

  if (task == NULL)
    return FALSE;
  if (hearth_task_is_assigned_to (task, assignment->user_id))
    return TRUE;

  member = hearth_store_prepare (store, "SELECT 1 FROM circle_members WHERE circle_id = ? AND user_id = ?", error);
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

  insert = hearth_store_prepare (store, "INSERT INTO task_assignments (task_id, user_id) VALUES (?, ?)", error);
  if (insert == NULL)
    return FALSE;
  hearth_statement_bind_int64 (insert, 1, assignment->task_id);
  hearth_statement_bind_int64 (insert, 2, assignment->user_id);
  status = hearth_task_status_to_string (hearth_task_get_status (task));
  changes = g_strdup_printf ("{\"assigned\": %" G_GINT64_FORMAT "}", assignment->user_id);
  return hearth_statement_run (insert, error) &&
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
  Assignment assignment = { actor, task_id, user_id };

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
