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
hearth_circle_member_class_init (HearthCircleMemberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_circle_member_finalize;
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
