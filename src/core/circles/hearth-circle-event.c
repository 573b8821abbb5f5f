/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles"

#include "config.h"

#include "hearth-circles-private.h"
#include "hearth-store.h"

/* One row of a circle's activity (`circle_events`): what happened, who did it,
 * to whom, with the roles and names its payload recorded. */

struct _HearthCircleEvent
{
  GObject  parent_instance;

  gint64   id;
  char    *event_type;
  gint64   actor_id;
  char    *actor_name;
  gint64   subject_id;
  char    *subject_name;
  HearthRole role;
  HearthRole old_role;
  char    *name;
  gint64   created_at;
};

G_DEFINE_FINAL_TYPE (HearthCircleEvent, hearth_circle_event, G_TYPE_OBJECT)

static void
hearth_circle_event_finalize (GObject *object)
{
  HearthCircleEvent *self = HEARTH_CIRCLE_EVENT (object);

  g_free (self->event_type);
  g_free (self->actor_name);
  g_free (self->subject_name);
  g_free (self->name);

  G_OBJECT_CLASS (hearth_circle_event_parent_class)->finalize (object);
}

static void
hearth_circle_event_class_init (HearthCircleEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_circle_event_finalize;
}

static void
hearth_circle_event_init (HearthCircleEvent *self)
{
}

/* @row: a row whose first columns are HEARTH_*_COLUMNS (hearth-circles-private.h) */
HearthCircleEvent *
_hearth_circle_event_new_from_row (HearthStatement *row)
{
  HearthCircleEvent *self = g_object_new (HEARTH_TYPE_CIRCLE_EVENT, NULL);

  self->id = hearth_statement_get_int64 (row, HEARTH_CIRCLE_EVENT_COLUMN_ID);
  self->event_type = hearth_statement_dup_text (row, HEARTH_CIRCLE_EVENT_COLUMN_TYPE);
  self->actor_id = hearth_statement_get_int64 (row, HEARTH_CIRCLE_EVENT_COLUMN_ACTOR_ID);
  self->actor_name = hearth_statement_dup_text (row, HEARTH_CIRCLE_EVENT_COLUMN_ACTOR_NAME);
  self->subject_id = hearth_statement_get_int64 (row, HEARTH_CIRCLE_EVENT_COLUMN_SUBJECT_ID);
  self->subject_name = hearth_statement_dup_text (row, HEARTH_CIRCLE_EVENT_COLUMN_SUBJECT_NAME);
  if (!hearth_role_from_string (hearth_statement_get_text (row, HEARTH_CIRCLE_EVENT_COLUMN_ROLE), &self->role))
    self->role = HEARTH_ROLE_NONE;
  if (!hearth_role_from_string (hearth_statement_get_text (row, HEARTH_CIRCLE_EVENT_COLUMN_OLD_ROLE), &self->old_role))
    self->old_role = HEARTH_ROLE_NONE;
  self->name = hearth_statement_dup_text (row, HEARTH_CIRCLE_EVENT_COLUMN_NAME);
  self->created_at = hearth_statement_get_int64 (row, HEARTH_CIRCLE_EVENT_COLUMN_CREATED_AT);
  return self;
}

gint64
hearth_circle_event_get_id (HearthCircleEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_EVENT (self), 0);
  return self->id;
}

/**
 * hearth_circle_event_get_event_type:
 *
 * Returns: the `circle_events.type`: `CREATED`, `RENAMED`, `MEMBER_ADDED`,
 *   `MEMBER_REMOVED`, `ROLE_CHANGED`, `OWNER_TRANSFERRED` or `DISSOLVED`
 */
const char *
hearth_circle_event_get_event_type (HearthCircleEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_EVENT (self), NULL);
  return self->event_type;
}

gint64
hearth_circle_event_get_actor_id (HearthCircleEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_EVENT (self), 0);
  return self->actor_id;
}

/**
 * hearth_circle_event_get_actor_name:
 *
 * Returns: (nullable): who acted, %NULL when the profile is gone
 */
const char *
hearth_circle_event_get_actor_name (HearthCircleEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_EVENT (self), NULL);
  return self->actor_name;
}

/**
 * hearth_circle_event_get_subject_id:
 *
 * Returns: the member added, removed, re-roled or made owner; 0 for events
 *   about the circle itself
 */
gint64
hearth_circle_event_get_subject_id (HearthCircleEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_EVENT (self), 0);
  return self->subject_id;
}

/**
 * hearth_circle_event_get_subject_name:
 *
 * Returns: (nullable): the subject's display name
 */
const char *
hearth_circle_event_get_subject_name (HearthCircleEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_EVENT (self), NULL);
  return self->subject_name;
}

/**
 * hearth_circle_event_get_role:
 *
 * Returns: the role given, for additions and role changes;
 *   %HEARTH_ROLE_NONE for other events
 */
HearthRole
hearth_circle_event_get_role (HearthCircleEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_EVENT (self), HEARTH_ROLE_NONE);
  return self->role;
}

/**
 * hearth_circle_event_get_old_role:
 *
 * Returns: the role before a role change; %HEARTH_ROLE_NONE for other events
 */
HearthRole
hearth_circle_event_get_old_role (HearthCircleEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_EVENT (self), HEARTH_ROLE_NONE);
  return self->old_role;
}

/**
 * hearth_circle_event_get_name:
 *
 * Returns: (nullable): the circle's name given at creation or by a rename
 */
const char *
hearth_circle_event_get_name (HearthCircleEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_EVENT (self), NULL);
  return self->name;
}

gint64
hearth_circle_event_get_created_at (HearthCircleEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_EVENT (self), 0);
  return self->created_at;
}
