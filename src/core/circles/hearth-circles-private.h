/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-circle.h"
#include "hearth-circle-event.h"
#include "hearth-circle-member.h"
#include "hearth-core-types.h"

G_BEGIN_DECLS

/* For the auth module, inside its own transactions: a profile's personal circle
 * comes and goes with the profile. */
gboolean            _hearth_circles_create_personal  (HearthStore      *store,
                                                      gint64            user_id,
                                                      GError          **error);
gboolean            _hearth_circles_delete_personal  (HearthStore      *store,
                                                      gint64            user_id,
                                                      GError          **error);

/* Entities from rows of the service's queries. Each SELECT starts with its
 * entity's columns, in the order of the entity's enum, which is what its
 * reader reads by. */

/* A circle, with the acting member's role: FROM circle_members m JOIN circles c. */
#define HEARTH_CIRCLE_COLUMNS \
  "c.id, c.name, c.kind, c.status, c.owner_id, m.role, " \
  "(SELECT count(*) FROM circle_members WHERE circle_id = c.id), c.created_at"
typedef enum
{
  HEARTH_CIRCLE_COLUMN_ID,
  HEARTH_CIRCLE_COLUMN_NAME,
  HEARTH_CIRCLE_COLUMN_KIND,
  HEARTH_CIRCLE_COLUMN_STATUS,
  HEARTH_CIRCLE_COLUMN_OWNER_ID,
  HEARTH_CIRCLE_COLUMN_ROLE,
  HEARTH_CIRCLE_COLUMN_MEMBER_COUNT,
  HEARTH_CIRCLE_COLUMN_CREATED_AT,
} HearthCircleColumn;

/* A member: FROM circle_members m JOIN users u; ?2 is the time now. */
#define HEARTH_CIRCLE_MEMBER_COLUMNS \
  "u.id, u.username, u.display_name, m.role, m.joined_at, " \
  "ifnull ((SELECT permanently_locked OR cooldown_until > ?2 " \
  "         FROM user_account_security_state WHERE user_id = u.id), 0)"
typedef enum
{
  HEARTH_CIRCLE_MEMBER_COLUMN_USER_ID,
  HEARTH_CIRCLE_MEMBER_COLUMN_USERNAME,
  HEARTH_CIRCLE_MEMBER_COLUMN_DISPLAY_NAME,
  HEARTH_CIRCLE_MEMBER_COLUMN_ROLE,
  HEARTH_CIRCLE_MEMBER_COLUMN_JOINED_AT,
  HEARTH_CIRCLE_MEMBER_COLUMN_LOCKED,
} HearthCircleMemberColumn;

/* An event: FROM circle_events e, with users a (the actor) and s (the subject). */
#define HEARTH_CIRCLE_EVENT_COLUMNS \
  "e.id, e.type, ifnull (e.actor_id, 0), a.display_name, " \
  "ifnull (json_extract (e.payload, '$.user_id'), 0), s.display_name, " \
  "json_extract (e.payload, '$.role'), json_extract (e.payload, '$.old_role'), " \
  "json_extract (e.payload, '$.name'), e.created_at"
typedef enum
{
  HEARTH_CIRCLE_EVENT_COLUMN_ID,
  HEARTH_CIRCLE_EVENT_COLUMN_TYPE,
  HEARTH_CIRCLE_EVENT_COLUMN_ACTOR_ID,
  HEARTH_CIRCLE_EVENT_COLUMN_ACTOR_NAME,
  HEARTH_CIRCLE_EVENT_COLUMN_SUBJECT_ID,
  HEARTH_CIRCLE_EVENT_COLUMN_SUBJECT_NAME,
  HEARTH_CIRCLE_EVENT_COLUMN_ROLE,
  HEARTH_CIRCLE_EVENT_COLUMN_OLD_ROLE,
  HEARTH_CIRCLE_EVENT_COLUMN_NAME,
  HEARTH_CIRCLE_EVENT_COLUMN_CREATED_AT,
} HearthCircleEventColumn;

HearthCircle       *_hearth_circle_new_from_row        (HearthStatement *row);
HearthCircleMember *_hearth_circle_member_new_from_row (HearthStatement *row);
HearthCircleEvent  *_hearth_circle_event_new_from_row  (HearthStatement *row);

G_END_DECLS
