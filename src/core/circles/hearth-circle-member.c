/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles"

#include "config.h"

#include "hearth-circles-private.h"
#include "hearth-store.h"

/* A member of a circle: a profile with its role there. */

struct _HearthCircleMember
{
  GObject     parent_instance;

  gint64      user_id;
  char       *username;
  char       *display_name;
  HearthRole  role;
  gint64      joined_at;
  gboolean    locked;
};

enum {
  PROP_0,
  PROP_USER_ID,
  PROP_USERNAME,
  PROP_DISPLAY_NAME,
  PROP_ROLE,
  PROP_JOINED_AT,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthCircleMember, hearth_circle_member, G_TYPE_OBJECT)

static void
hearth_circle_member_finalize (GObject *object)
{
  HearthCircleMember *self = HEARTH_CIRCLE_MEMBER (object);

  g_free (self->username);
  g_free (self->display_name);

  G_OBJECT_CLASS (hearth_circle_member_parent_class)->finalize (object);
}

static void
hearth_circle_member_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HearthCircleMember *self = HEARTH_CIRCLE_MEMBER (object);

  switch (prop_id)
    {
    case PROP_USER_ID:
      g_value_set_int64 (value, self->user_id);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_JOINED_AT:
      g_value_set_int64 (value, self->joined_at);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_circle_member_class_init (HearthCircleMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hearth_circle_member_finalize;
  object_class->get_property = hearth_circle_member_get_property;

  properties[PROP_USER_ID] = g_param_spec_int64 ("user-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, HEARTH_TYPE_ROLE, HEARTH_ROLE_VISITOR, flags);
  properties[PROP_JOINED_AT] = g_param_spec_int64 ("joined-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_circle_member_init (HearthCircleMember *self)
{
}

/* @row: a row whose first columns are HEARTH_*_COLUMNS (hearth-circles-private.h) */
HearthCircleMember *
_hearth_circle_member_new_from_row (HearthStatement *row)
{
  HearthCircleMember *self = g_object_new (HEARTH_TYPE_CIRCLE_MEMBER, NULL);

  self->user_id = hearth_statement_get_int64 (row, HEARTH_CIRCLE_MEMBER_COLUMN_USER_ID);
  self->username = hearth_statement_dup_text (row, HEARTH_CIRCLE_MEMBER_COLUMN_USERNAME);
  self->display_name = hearth_statement_dup_text (row, HEARTH_CIRCLE_MEMBER_COLUMN_DISPLAY_NAME);
  if (!hearth_role_from_string (hearth_statement_get_text (row, HEARTH_CIRCLE_MEMBER_COLUMN_ROLE), &self->role))
    g_return_val_if_reached (self);
  self->joined_at = hearth_statement_get_int64 (row, HEARTH_CIRCLE_MEMBER_COLUMN_JOINED_AT);
  self->locked = hearth_statement_get_int64 (row, HEARTH_CIRCLE_MEMBER_COLUMN_LOCKED) != 0;
  return self;
}

gint64
hearth_circle_member_get_user_id (HearthCircleMember *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_MEMBER (self), 0);
  return self->user_id;
}

const char *
hearth_circle_member_get_username (HearthCircleMember *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_MEMBER (self), NULL);
  return self->username;
}

const char *
hearth_circle_member_get_display_name (HearthCircleMember *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_MEMBER (self), NULL);
  return self->display_name;
}

HearthRole
hearth_circle_member_get_role (HearthCircleMember *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_MEMBER (self), HEARTH_ROLE_VISITOR);
  return self->role;
}

gint64
hearth_circle_member_get_joined_at (HearthCircleMember *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_MEMBER (self), 0);
  return self->joined_at;
}

/**
 * hearth_circle_member_get_locked:
 *
 * Returns: %TRUE while the member's profile is locked out: in a cooldown after
 *   failed attempts, or locked after 100 of them
 */
gboolean
hearth_circle_member_get_locked (HearthCircleMember *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLE_MEMBER (self), FALSE);
  return self->locked;
}
