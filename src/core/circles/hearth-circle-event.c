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

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_TYPE,
  PROP_ACTOR_ID,
  PROP_ACTOR_NAME,
  PROP_SUBJECT_ID,
  PROP_SUBJECT_NAME,
  PROP_ROLE,
  PROP_OLD_ROLE,
  PROP_NAME,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
hearth_circle_event_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HearthCircleEvent *self = HEARTH_CIRCLE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_EVENT_TYPE:
      g_value_set_string (value, self->event_type);
      break;

    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;

    case PROP_ACTOR_NAME:
      g_value_set_string (value, self->actor_name);
      break;

    case PROP_SUBJECT_ID:
      g_value_set_int64 (value, self->subject_id);
      break;

    case PROP_SUBJECT_NAME:
      g_value_set_string (value, self->subject_name);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_OLD_ROLE:
      g_value_set_enum (value, self->old_role);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_circle_event_class_init (HearthCircleEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hearth_circle_event_finalize;
  object_class->get_property = hearth_circle_event_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EVENT_TYPE] = g_param_spec_string ("event-type", NULL, NULL, NULL, flags);
  properties[PROP_ACTOR_ID] = g_param_spec_int64 ("actor-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ACTOR_NAME] = g_param_spec_string ("actor-name", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT_ID] = g_param_spec_int64 ("subject-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SUBJECT_NAME] = g_param_spec_string ("subject-name", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, HEARTH_TYPE_ROLE, HEARTH_ROLE_NONE, flags);
  properties[PROP_OLD_ROLE] = g_param_spec_enum ("old-role", NULL, NULL, HEARTH_TYPE_ROLE, HEARTH_ROLE_NONE, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
