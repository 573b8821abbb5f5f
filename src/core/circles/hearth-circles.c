/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearth-audit.h"
#include "hearth-guard-private.h"
#include "hearth-circles.h"
#include "hearth-circles-private.h"
#include "hearth-profile.h"

/*
 * HearthCircles: circles, their members and roles, their policy overrides and
 * their activity (the seed's CircleModule and PermissionModule).
 *
 * Every mutation is one transaction that holds the authorization check
 * (hearth_authorize), the sudo check where SECURITY.md asks for one, the
 * change, its `circle_events` row (or `permission_logs` row) and its
 * `audit_logs` row. The one-owner rules are the service's, whatever a policy
 * says: a circle has exactly one OWNER, ownership moves only by transfer, and a
 * member acts only on members who rank below them, giving only roles below
 * their own (docs/PERMISSIONS.md).
 */

struct _HearthCircles
{
  GObject      parent_instance;

  HearthGuard *guard;
  HearthStore *store;
};

G_DEFINE_FINAL_TYPE (HearthCircles, hearth_circles, G_TYPE_OBJECT)

G_DEFINE_QUARK (hearth-circle-error-quark, hearth_circle_error)

static void
hearth_circles_dispose (GObject *object)
{
  HearthCircles *self = HEARTH_CIRCLES (object);

  g_clear_object (&self->guard);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hearth_circles_parent_class)->dispose (object);
}

static void
hearth_circles_class_init (HearthCirclesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hearth_circles_dispose;
}

static void
hearth_circles_init (HearthCircles *self)
{
}

/**
 * hearth_circles_new:
 * @guard: the guard of the store it works on, for sessions and sudo mode
 */
HearthCircles *
hearth_circles_new (HearthGuard *guard)
{
  HearthCircles *self;

  g_return_val_if_fail (HEARTH_IS_GUARD (guard), NULL);

  self = g_object_new (HEARTH_TYPE_CIRCLES, NULL);
  self->guard = g_object_ref (guard);
  self->store = g_object_ref (hearth_guard_get_store (guard));
  return self;
}

/**
 * hearth_circles_get_store:
 *
 * Returns: (transfer none): the store
 */
HearthStore *
hearth_circles_get_store (HearthCircles *self)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), NULL);
  return self->store;
}

/* Helpers ---------------------------------------------------------------------------- */

static gboolean
fail (GError     **error,
      GQuark       domain,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, domain, code, message);
  return FALSE;
}

static char *
payload_new (gint64      user_id,
             const char *role,
             const char *old_role,
             const char *name,
             const char *old_name,
             gboolean    left)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (user_id > 0)
    {
      json_builder_set_member_name (builder, "user_id");
      json_builder_add_int_value (builder, user_id);
    }
  if (role != NULL)
    {
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, role);
    }
  if (old_role != NULL)
    {
      json_builder_set_member_name (builder, "old_role");
      json_builder_add_string_value (builder, old_role);
    }
  if (name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
    }
  if (old_name != NULL)
    {
      json_builder_set_member_name (builder, "old_name");
      json_builder_add_string_value (builder, old_name);
    }
  if (left)
    {
      json_builder_set_member_name (builder, "left");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* One circle event and its audit row: every mutation ends with these two. */
static gboolean
record (HearthStore  *store,
        HearthActor  *actor,
        gint64        circle_id,
        const char   *type,
        const char   *payload,
        const char   *entity_type,
        gint64        entity_id,
        const char   *audit_action,
        GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  gint64 actor_id = hearth_actor_get_user_id (actor);

  statement = hearth_store_prepare (store,
                                    "INSERT INTO circle_events (circle_id, type, payload, created_at, actor_id) "
                                    "VALUES (?, ?, ?, ?, ?)",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  hearth_statement_bind_text (statement, 2, type);
  hearth_statement_bind_text (statement, 3, payload);
  hearth_statement_bind_int64 (statement, 4, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 5, actor_id);

  return hearth_statement_run (statement, error) &&
         hearth_audit_record (store, actor_id, circle_id, entity_type, entity_id, audit_action, error);
}

/* The circle's kind; fails on a personal circle, which is never shared. */
static gboolean
require_shared (HearthStore  *store,
                gint64        circle_id,
                GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store, "SELECT kind = 'PERSONAL' FROM circles WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  if (hearth_statement_get_int64 (statement, 0) == 0)
    return TRUE;

  return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_PERSONAL,
               _("Your personal circle is yours alone: it cannot be shared, renamed, handed on or dissolved."));
}

static gboolean
member_role (HearthStore  *store,
             gint64        circle_id,
             gint64        user_id,
             HearthRole   *out_role,
             GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;

  statement = hearth_store_prepare (store, "SELECT role FROM circle_members WHERE circle_id = ? AND user_id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  hearth_statement_bind_int64 (statement, 2, user_id);
  if (hearth_statement_next_row (statement, &local_error) &&
      hearth_role_from_string (hearth_statement_get_text (statement, 0), out_role))
    return TRUE;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_NOT_MEMBER,
               _("That profile is not a member of this circle."));
}

static char *
normalize_name (const char  *name,
                GError     **error)
{
  g_autofree char *stripped = NULL;
  glong length;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_INVALID_NAME, _("Give the circle a name."));
      return NULL;
    }

  stripped = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  g_strstrip (stripped);
  length = g_utf8_strlen (stripped, -1);
  if (length == 0)
    {
      fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_INVALID_NAME, _("Give the circle a name."));
      return NULL;
    }
  if (length > HEARTH_CIRCLE_NAME_MAX_CHARS)
    {
      g_set_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_INVALID_NAME,
                   _("A circle's name can have at most %d characters."), HEARTH_CIRCLE_NAME_MAX_CHARS);
      return NULL;
    }
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_INVALID_NAME,
                _("A circle's name cannot hold line breaks or tabs."));
          return NULL;
        }
    }
  return g_steal_pointer (&stripped);
}

static const char circle_columns[] =
  "SELECT " HEARTH_CIRCLE_COLUMNS " FROM circle_members m JOIN circles c ON c.id = m.circle_id ";

/* Personal circles ------------------------------------------------------------------- */

gboolean
_hearth_circles_create_personal (HearthStore  *store,
                                 gint64        user_id,
                                 GError      **error)
{
  g_autoptr (HearthStatement) circle = NULL;
  g_autoptr (HearthStatement) member = NULL;
  gint64 now = hearth_store_now (store);

  circle = hearth_store_prepare (store,
                                 "INSERT INTO circles (name, owner_id, status, created_at, kind) "
                                 "VALUES ('Personal', ?, 'ACTIVE', ?, 'PERSONAL') RETURNING id",
                                 error);
  if (circle == NULL)
    return FALSE;
  hearth_statement_bind_int64 (circle, 1, user_id);
  hearth_statement_bind_int64 (circle, 2, now);
  if (!hearth_statement_fetch_one (circle, error))
    return FALSE;

  member = hearth_store_prepare (store,
                                 "INSERT INTO circle_members (circle_id, user_id, role, joined_at) "
                                 "VALUES (?, ?, 'OWNER', ?)",
                                 error);
  if (member == NULL)
    return FALSE;
  hearth_statement_bind_int64 (member, 1, hearth_statement_get_int64 (circle, 0));
  hearth_statement_bind_int64 (member, 2, user_id);
  hearth_statement_bind_int64 (member, 3, now);
  return hearth_statement_run (member, error);
}

/* Fails with a constraint error while anything still lives in the circle. */
gboolean
_hearth_circles_delete_personal (HearthStore  *store,
                                 gint64        user_id,
                                 GError      **error)
{
  g_autoptr (HearthStatement) members = NULL;
  g_autoptr (HearthStatement) circle = NULL;

  members = hearth_store_prepare (store,
                                  "DELETE FROM circle_members WHERE circle_id = "
                                  "(SELECT id FROM circles WHERE kind = 'PERSONAL' AND owner_id = ?)",
                                  error);
  if (members == NULL)
    return FALSE;
  hearth_statement_bind_int64 (members, 1, user_id);

  circle = hearth_store_prepare (store, "DELETE FROM circles WHERE kind = 'PERSONAL' AND owner_id = ?", error);
  if (circle == NULL)
    return FALSE;
  hearth_statement_bind_int64 (circle, 1, user_id);

  return hearth_statement_run (members, error) && hearth_statement_run (circle, error);
}

/* Reading ------------------------------------------------------------------------------ */

/**
 * hearth_circles_list:
 *
 * Returns: (transfer full) (element-type HearthCircle): the actor's circles:
 *   the personal one first, then the shared ones by name, dissolved ones last
 */
GPtrArray *
hearth_circles_list (HearthCircles  *self,
                     HearthActor    *actor,
                     GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  if (!hearth_guard_check_session (self->guard, actor, error))
    return NULL;

  sql = g_strconcat (circle_columns,
                     "WHERE m.user_id = ? "
                     "ORDER BY c.kind = 'SHARED', c.status = 'DISSOLVED', c.name COLLATE NOCASE, c.id",
                     NULL);
  statement = hearth_store_prepare (self->store, sql, error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, hearth_actor_get_user_id (actor));

  return hearth_statement_collect (statement, (HearthRowFunc) _hearth_circle_new_from_row, g_object_unref, error);
}

/**
 * hearth_circles_get:
 *
 * Needs `circle.read`.
 *
 * Returns: (transfer full): the circle, with the actor's role in it
 */
HearthCircle *
hearth_circles_get (HearthCircles  *self,
                    HearthActor    *actor,
                    gint64          circle_id,
                    GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "circle", "read", error))
    return NULL;

  sql = g_strconcat (circle_columns, "WHERE m.user_id = ? AND c.id = ?", NULL);
  statement = hearth_store_prepare (self->store, sql, error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, hearth_actor_get_user_id (actor));
  hearth_statement_bind_int64 (statement, 2, circle_id);
  if (!hearth_statement_fetch_one (statement, error))
    return NULL;
  return _hearth_circle_new_from_row (statement);
}

/**
 * hearth_circles_can:
 *
 * What the UI asks before it offers an action; the service still checks when
 * the action is taken.
 *
 * Returns: %TRUE when hearth_authorize() would allow it now
 */
gboolean
hearth_circles_can (HearthCircles *self,
                    HearthActor   *actor,
                    gint64         circle_id,
                    const char    *resource,
                    const char    *action)
{
  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), FALSE);

  return hearth_authorize (self->store, actor, circle_id, resource, action, NULL);
}

/**
 * hearth_circles_list_members:
 *
 * Needs `member.read`.
 *
 * Returns: (transfer full) (element-type HearthCircleMember): the members,
 *   highest role first, then by name
 */
GPtrArray *
hearth_circles_list_members (HearthCircles  *self,
                             HearthActor    *actor,
                             gint64          circle_id,
                             GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "member", "read", error))
    return NULL;

  statement = hearth_store_prepare (self->store,
                                    "SELECT " HEARTH_CIRCLE_MEMBER_COLUMNS " "
                                    "FROM circle_members m JOIN users u ON u.id = m.user_id "
                                    "WHERE m.circle_id = ?1 "
                                    "ORDER BY CASE m.role WHEN 'OWNER' THEN 0 WHEN 'ADMIN' THEN 1 "
                                    "  WHEN 'EDITOR' THEN 2 ELSE 3 END, u.display_name COLLATE NOCASE, u.id",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  hearth_statement_bind_int64 (statement, 2, hearth_store_now (self->store));

  return hearth_statement_collect (statement, (HearthRowFunc) _hearth_circle_member_new_from_row,
                                   g_object_unref, error);
}

static gpointer
profile_from_row (HearthStatement *row)
{
  return hearth_profile_new (hearth_statement_get_int64 (row, 0), hearth_statement_get_text (row, 1),
                             hearth_statement_get_text (row, 2));
}

/**
 * hearth_circles_list_candidates:
 *
 * Needs `member.add`.
 *
 * Returns: (transfer full) (element-type HearthProfile): the profiles that
 *   could be added: every profile that is not a member yet
 */
GPtrArray *
hearth_circles_list_candidates (HearthCircles  *self,
                                HearthActor    *actor,
                                gint64          circle_id,
                                GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "member", "add", error) ||
      !require_shared (self->store, circle_id, error))
    return NULL;

  statement = hearth_store_prepare (self->store,
                                    "SELECT id, username, display_name FROM users "
                                    "WHERE id NOT IN (SELECT user_id FROM circle_members WHERE circle_id = ?) "
                                    "ORDER BY display_name COLLATE NOCASE, id",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, circle_id);

  return hearth_statement_collect (statement, profile_from_row, g_object_unref, error);
}

/**
 * hearth_circles_list_events:
 * @after: (nullable): the time and id of the last event of the page before,
 *   or %NULL for the newest
 *
 * Needs `activity.read`.
 *
 * Returns: (transfer full) (element-type HearthCircleEvent): a page of the
 *   circle's activity, newest first
 */
GPtrArray *
hearth_circles_list_events (HearthCircles       *self,
                            HearthActor         *actor,
                            gint64               circle_id,
                            const HearthKeyset  *after,
                            guint                limit,
                            GError             **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "activity", "read", error))
    return NULL;

  statement = hearth_store_prepare (self->store,
                                    "SELECT " HEARTH_CIRCLE_EVENT_COLUMNS " "
                                    "FROM circle_events e "
                                    "LEFT JOIN users a ON a.id = e.actor_id "
                                    "LEFT JOIN users s ON s.id = json_extract (e.payload, '$.user_id') "
                                    "WHERE e.circle_id = ?1 AND (?2 = 0 OR (e.created_at, e.id) < (?2, ?3)) "
                                    "ORDER BY e.created_at DESC, e.id DESC LIMIT ?4",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  hearth_statement_bind_int64 (statement, 2, after != NULL ? after->key : 0);
  hearth_statement_bind_int64 (statement, 3, after != NULL ? after->id : 0);
  hearth_statement_bind_int64 (statement, 4, limit);

  return hearth_statement_collect (statement, (HearthRowFunc) _hearth_circle_event_new_from_row, g_object_unref, error);
}

/* Circles ------------------------------------------------------------------------------ */

typedef struct
{
  HearthCircles *self;
  HearthActor   *actor;
  gint64         circle_id;
  gint64         user_id;
  HearthRole     role;
  const char    *name;
  const char    *resource;
  const char    *action;
  gboolean       allowed;
} Change;

static gboolean
create_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) circle = NULL;
  g_autoptr (HearthStatement) member = NULL;
  g_autofree char *payload = NULL;
  gint64 user_id = hearth_actor_get_user_id (change->actor);
  gint64 now = hearth_store_now (store);

  if (!hearth_guard_check_session (change->self->guard, change->actor, error))
    return FALSE;

  circle = hearth_store_prepare (store,
                                 "INSERT INTO circles (name, owner_id, status, created_at, kind) "
                                 "VALUES (?, ?, 'ACTIVE', ?, 'SHARED') RETURNING id",
                                 error);
  if (circle == NULL)
    return FALSE;
  hearth_statement_bind_text (circle, 1, change->name);
  hearth_statement_bind_int64 (circle, 2, user_id);
  hearth_statement_bind_int64 (circle, 3, now);
  if (!hearth_statement_fetch_one (circle, error))
    return FALSE;
  change->circle_id = hearth_statement_get_int64 (circle, 0);

  member = hearth_store_prepare (store,
                                 "INSERT INTO circle_members (circle_id, user_id, role, joined_at) "
                                 "VALUES (?, ?, 'OWNER', ?)",
                                 error);
  if (member == NULL)
    return FALSE;
  hearth_statement_bind_int64 (member, 1, change->circle_id);
  hearth_statement_bind_int64 (member, 2, user_id);
  hearth_statement_bind_int64 (member, 3, now);

  payload = payload_new (0, NULL, NULL, change->name, NULL, FALSE);
  return hearth_statement_run (member, error) &&
         record (store, change->actor, change->circle_id, "CREATED", payload,
                 "circle", change->circle_id, "circle.created", error);
}

/**
 * hearth_circles_create:
 * @name: 1 to 128 characters
 *
 * Creates a shared circle with the actor as its OWNER.
 *
 * Returns: (transfer full): the new circle
 */
HearthCircle *
hearth_circles_create (HearthCircles  *self,
                       HearthActor    *actor,
                       const char     *name,
                       GError        **error)
{
  g_autofree char *normalized = NULL;
  Change change = { self, actor };

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  normalized = normalize_name (name, error);
  if (normalized == NULL)
    return NULL;
  change.name = normalized;

  if (!hearth_store_transaction (self->store, create_in_transaction, &change, error))
    return NULL;
  return hearth_circles_get (self, actor, change.circle_id, error);
}

static gboolean
rename_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) old_name = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *payload = NULL;

  if (!hearth_authorize (store, change->actor, change->circle_id, "circle", "update", error) ||
      !require_shared (store, change->circle_id, error))
    return FALSE;

  old_name = hearth_store_prepare (store, "SELECT name FROM circles WHERE id = ?", error);
  if (old_name == NULL)
    return FALSE;
  hearth_statement_bind_int64 (old_name, 1, change->circle_id);
  if (!hearth_statement_fetch_one (old_name, error))
    return FALSE;
  payload = payload_new (0, NULL, NULL, change->name, hearth_statement_get_text (old_name, 0), FALSE);

  statement = hearth_store_prepare (store, "UPDATE circles SET name = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, change->name);
  hearth_statement_bind_int64 (statement, 2, change->circle_id);

  return hearth_statement_run (statement, error) &&
         record (store, change->actor, change->circle_id, "RENAMED", payload,
                 "circle", change->circle_id, "circle.renamed", error);
}

/**
 * hearth_circles_rename:
 *
 * Needs `circle.update`. Not for personal circles.
 */
gboolean
hearth_circles_rename (HearthCircles  *self,
                       HearthActor    *actor,
                       gint64          circle_id,
                       const char     *name,
                       GError        **error)
{
  g_autofree char *normalized = NULL;
  Change change = { self, actor, circle_id };

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  normalized = normalize_name (name, error);
  if (normalized == NULL)
    return FALSE;
  change.name = normalized;
  return hearth_store_transaction (self->store, rename_in_transaction, &change, error);
}

static gboolean
dissolve_in_transaction (HearthStore  *store,
                         gpointer      user_data,
                         GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) statement = NULL;

  if (!hearth_authorize (store, change->actor, change->circle_id, "circle", "dissolve", error) ||
      !require_shared (store, change->circle_id, error) ||
      !hearth_guard_require_sudo (change->self->guard, change->actor, error))
    return FALSE;

  statement = hearth_store_prepare (store, "UPDATE circles SET status = 'DISSOLVED' WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->circle_id);

  return hearth_statement_run (statement, error) &&
         record (store, change->actor, change->circle_id, "DISSOLVED", "{}",
                 "circle", change->circle_id, "circle.dissolved", error);
}

/**
 * hearth_circles_dissolve:
 *
 * Needs `circle.dissolve` (the owner) and sudo mode. The circle stays, with
 * everything in it, read-only: hearth_authorize() allows only reading there.
 */
gboolean
hearth_circles_dissolve (HearthCircles  *self,
                         HearthActor    *actor,
                         gint64          circle_id,
                         GError        **error)
{
  Change change = { self, actor, circle_id };

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, dissolve_in_transaction, &change, error);
}

static gboolean
set_role (HearthStore  *store,
          gint64        circle_id,
          gint64        user_id,
          HearthRole    role,
          GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store, "UPDATE circle_members SET role = ? WHERE circle_id = ? AND user_id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, hearth_role_to_string (role));
  hearth_statement_bind_int64 (statement, 2, circle_id);
  hearth_statement_bind_int64 (statement, 3, user_id);
  return hearth_statement_run (statement, error);
}

static gboolean
transfer_in_transaction (HearthStore  *store,
                         gpointer      user_data,
                         GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) owner = NULL;
  g_autofree char *payload = NULL;
  gint64 actor_id = hearth_actor_get_user_id (change->actor);
  HearthRole target_role;

  if (!hearth_authorize (store, change->actor, change->circle_id, "circle", "transfer_ownership", error) ||
      !require_shared (store, change->circle_id, error) ||
      !hearth_guard_require_sudo (change->self->guard, change->actor, error))
    return FALSE;

  if (change->user_id == actor_id)
    return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES,
                 _("You are the owner already. Choose another member."));
  if (!member_role (store, change->circle_id, change->user_id, &target_role, error))
    return FALSE;

  owner = hearth_store_prepare (store, "UPDATE circles SET owner_id = ? WHERE id = ?", error);
  if (owner == NULL)
    return FALSE;
  hearth_statement_bind_int64 (owner, 1, change->user_id);
  hearth_statement_bind_int64 (owner, 2, change->circle_id);

  payload = payload_new (change->user_id, "OWNER", hearth_role_to_string (target_role), NULL, NULL, FALSE);
  return set_role (store, change->circle_id, actor_id, HEARTH_ROLE_ADMIN, error) &&
         set_role (store, change->circle_id, change->user_id, HEARTH_ROLE_OWNER, error) &&
         hearth_statement_run (owner, error) &&
         record (store, change->actor, change->circle_id, "OWNER_TRANSFERRED", payload,
                 "user", change->user_id, "circle.ownership_transferred", error);
}

/**
 * hearth_circles_transfer_ownership:
 * @new_owner_id: a member of the circle
 *
 * Needs `circle.transfer_ownership` (the owner) and sudo mode. The old owner
 * becomes an ADMIN.
 */
gboolean
hearth_circles_transfer_ownership (HearthCircles  *self,
                                   HearthActor    *actor,
                                   gint64          circle_id,
                                   gint64          new_owner_id,
                                   GError        **error)
{
  Change change = { self, actor, circle_id, new_owner_id };

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, transfer_in_transaction, &change, error);
}

/* Members ------------------------------------------------------------------------------ */

/* A member gives only roles below their own and acts only on members who rank
 * below them: an admin cannot demote another admin, nor make one. */
static gboolean
check_rank (HearthStore  *store,
            HearthActor  *actor,
            gint64        circle_id,
            HearthRole    target_role,
            HearthRole    given_role,
            GError      **error)
{
  HearthRole own;

  if (!hearth_authorize_get_role (store, actor, circle_id, &own, error))
    return FALSE;
  if (target_role >= own)
    return fail (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                 _("You can only act on members whose role is below yours."));
  if (given_role >= own)
    return fail (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                 _("You can only give roles below your own."));
  return TRUE;
}

static gboolean
add_in_transaction (HearthStore  *store,
                    gpointer      user_data,
                    GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *payload = NULL;
  HearthRole existing;

  if (!hearth_authorize (store, change->actor, change->circle_id, "member", "add", error) ||
      !require_shared (store, change->circle_id, error))
    return FALSE;
  if (change->role == HEARTH_ROLE_OWNER)
    return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES,
                 _("A circle has one owner. Add the member first, then transfer ownership."));
  if (!check_rank (store, change->actor, change->circle_id, HEARTH_ROLE_VISITOR - 1, change->role, error))
    return FALSE;
  if (member_role (store, change->circle_id, change->user_id, &existing, NULL))
    return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_ALREADY_MEMBER,
                 _("That profile is a member of this circle already."));

  statement = hearth_store_prepare (store,
                                    "INSERT INTO circle_members (circle_id, user_id, role, joined_at) "
                                    "SELECT ?, id, ?, ? FROM users WHERE id = ? RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->circle_id);
  hearth_statement_bind_text (statement, 2, hearth_role_to_string (change->role));
  hearth_statement_bind_int64 (statement, 3, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 4, change->user_id);
  if (!hearth_statement_fetch_one (statement, &local_error))
    {
      if (g_error_matches (local_error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NOT_FOUND))
        return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_NOT_MEMBER,
                     _("That profile no longer exists."));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  payload = payload_new (change->user_id, hearth_role_to_string (change->role), NULL, NULL, NULL, FALSE);
  return record (store, change->actor, change->circle_id, "MEMBER_ADDED", payload,
                 "user", change->user_id, "circle.member_added", error);
}

/**
 * hearth_circles_add_member:
 * @user_id: an existing profile that is not a member yet
 * @role: a role below the actor's own
 *
 * Needs `member.add`. Not for personal circles.
 */
gboolean
hearth_circles_add_member (HearthCircles  *self,
                           HearthActor    *actor,
                           gint64          circle_id,
                           gint64          user_id,
                           HearthRole      role,
                           GError        **error)
{
  Change change = { self, actor, circle_id, user_id, role };

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (role >= HEARTH_ROLE_VISITOR && role <= HEARTH_ROLE_OWNER, FALSE);

  return hearth_store_transaction (self->store, add_in_transaction, &change, error);
}

static gboolean
change_role_in_transaction (HearthStore  *store,
                            gpointer      user_data,
                            GError      **error)
{
  Change *change = user_data;
  g_autofree char *payload = NULL;
  HearthRole old_role;

  if (!hearth_authorize (store, change->actor, change->circle_id, "member", "change_role", error))
    return FALSE;
  if (change->user_id == hearth_actor_get_user_id (change->actor))
    return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES,
                 _("Nobody can change their own role."));
  if (change->role == HEARTH_ROLE_OWNER)
    return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES,
                 _("A circle has one owner: make someone the owner by transferring ownership."));
  if (!member_role (store, change->circle_id, change->user_id, &old_role, error) ||
      !check_rank (store, change->actor, change->circle_id, old_role, change->role, error) ||
      !hearth_guard_require_sudo (change->self->guard, change->actor, error))
    return FALSE;
  if (old_role == change->role)
    return TRUE;

  payload = payload_new (change->user_id, hearth_role_to_string (change->role),
                         hearth_role_to_string (old_role), NULL, NULL, FALSE);
  return set_role (store, change->circle_id, change->user_id, change->role, error) &&
         record (store, change->actor, change->circle_id, "ROLE_CHANGED", payload,
                 "user", change->user_id, "circle.role_changed", error);
}

/**
 * hearth_circles_change_role:
 * @user_id: another member, whose role is below the actor's
 * @role: a role below the actor's own; never OWNER (see
 *   hearth_circles_transfer_ownership())
 *
 * Needs `member.change_role` and sudo mode. Holds from the member's next call
 * on, also while they are signed in.
 */
gboolean
hearth_circles_change_role (HearthCircles  *self,
                            HearthActor    *actor,
                            gint64          circle_id,
                            gint64          user_id,
                            HearthRole      role,
                            GError        **error)
{
  Change change = { self, actor, circle_id, user_id, role };

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (role >= HEARTH_ROLE_VISITOR && role <= HEARTH_ROLE_OWNER, FALSE);

  return hearth_store_transaction (self->store, change_role_in_transaction, &change, error);
}

static gboolean
delete_member (HearthStore  *store,
               gint64        circle_id,
               gint64        user_id,
               GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store, "DELETE FROM circle_members WHERE circle_id = ? AND user_id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  hearth_statement_bind_int64 (statement, 2, user_id);
  return hearth_statement_run (statement, error);
}

static gboolean
remove_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Change *change = user_data;
  g_autofree char *payload = NULL;
  HearthRole role;

  if (!hearth_authorize (store, change->actor, change->circle_id, "member", "remove", error))
    return FALSE;
  if (change->user_id == hearth_actor_get_user_id (change->actor))
    return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES,
                 _("To remove yourself, leave the circle."));
  if (!member_role (store, change->circle_id, change->user_id, &role, error) ||
      !check_rank (store, change->actor, change->circle_id, role, HEARTH_ROLE_VISITOR, error))
    return FALSE;

  payload = payload_new (change->user_id, hearth_role_to_string (role), NULL, NULL, NULL, FALSE);
  return delete_member (store, change->circle_id, change->user_id, error) &&
         record (store, change->actor, change->circle_id, "MEMBER_REMOVED", payload,
                 "user", change->user_id, "circle.member_removed", error);
}

/**
 * hearth_circles_remove_member:
 * @user_id: another member, whose role is below the actor's
 *
 * Needs `member.remove`. The member loses access at once, also while signed in.
 */
gboolean
hearth_circles_remove_member (HearthCircles  *self,
                              HearthActor    *actor,
                              gint64          circle_id,
                              gint64          user_id,
                              GError        **error)
{
  Change change = { self, actor, circle_id, user_id };

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, remove_in_transaction, &change, error);
}

static gboolean
unlock_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Change *change = user_data;
  gint64 actor_id = hearth_actor_get_user_id (change->actor);
  HearthRole role;

  if (!hearth_authorize (store, change->actor, change->circle_id, "member", "unlock_profile", error))
    return FALSE;
  if (change->user_id == actor_id)
    return fail (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                 _("Your own profile is unlocked with one of your recovery keys."));
  return member_role (store, change->circle_id, change->user_id, &role, error) &&
         check_rank (store, change->actor, change->circle_id, role, HEARTH_ROLE_VISITOR, error) &&
         hearth_guard_require_sudo (change->self->guard, change->actor, error) &&
         _hearth_guard_unlock_profile (store, change->user_id, actor_id, error) &&
         hearth_audit_record (store, actor_id, change->circle_id, "user", change->user_id, "profile.unlocked", error);
}

/**
 * hearth_circles_unlock_member:
 * @user_id: a member whose role is below the actor's
 *
 * Needs `member.unlock_profile` (owners and admins) and sudo mode. Lifts the
 * member's lockout (a cooldown, or the lock after 100 failed attempts) with an
 * `ACCOUNT_UNLOCKED` security event that names who unlocked it.
 */
gboolean
hearth_circles_unlock_member (HearthCircles  *self,
                              HearthActor    *actor,
                              gint64          circle_id,
                              gint64          user_id,
                              GError        **error)
{
  Change change = { self, actor, circle_id, user_id };

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, unlock_in_transaction, &change, error);
}

static gboolean
leave_in_transaction (HearthStore  *store,
                      gpointer      user_data,
                      GError      **error)
{
  Change *change = user_data;
  g_autofree char *payload = NULL;
  gint64 user_id = hearth_actor_get_user_id (change->actor);
  HearthRole role;

  /* Leaving needs no policy, only membership, and a circle that still changes. */
  if (!hearth_authorize_get_role (store, change->actor, change->circle_id, &role, error) ||
      !require_shared (store, change->circle_id, error) ||
      !hearth_authorize (store, change->actor, change->circle_id, "circle", "read", error))
    return FALSE;
  if (role == HEARTH_ROLE_OWNER)
    return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES,
                 _("You own this circle. Transfer ownership to another member before you leave."));

  {
    g_autoptr (HearthStatement) dissolved = NULL;

    dissolved = hearth_store_prepare (store, "SELECT status = 'DISSOLVED' FROM circles WHERE id = ?", error);
    if (dissolved == NULL)
      return FALSE;
    hearth_statement_bind_int64 (dissolved, 1, change->circle_id);
    if (!hearth_statement_fetch_one (dissolved, error))
      return FALSE;
    if (hearth_statement_get_int64 (dissolved, 0) != 0)
      return fail (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                   _("This circle has been dissolved: what it holds can be read but not changed."));
  }

  payload = payload_new (user_id, hearth_role_to_string (role), NULL, NULL, NULL, TRUE);
  return delete_member (store, change->circle_id, user_id, error) &&
         record (store, change->actor, change->circle_id, "MEMBER_REMOVED", payload,
                 "user", user_id, "circle.member_left", error);
}

/**
 * hearth_circles_leave:
 *
 * Any member but the owner may leave a shared circle that is not dissolved.
 */
gboolean
hearth_circles_leave (HearthCircles  *self,
                      HearthActor    *actor,
                      gint64          circle_id,
                      GError        **error)
{
  Change change = { self, actor, circle_id };

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return hearth_store_transaction (self->store, leave_in_transaction, &change, error);
}

/* Policies ----------------------------------------------------------------------------- */

/**
 * hearth_circles_list_policies:
 *
 * Needs `policy.read`.
 *
 * Returns: (transfer full) (element-type HearthPolicy): every pair of the
 *   vocabulary for every role, in vocabulary order and from OWNER down, with
 *   what holds in this circle
 */
GArray *
hearth_circles_list_policies (HearthCircles  *self,
                              HearthActor    *actor,
                              gint64          circle_id,
                              GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GHashTable) defaults = NULL;
  g_autoptr (GHashTable) overrides = NULL;
  g_autoptr (GError) local_error = NULL;
  const HearthPermission *vocabulary;
  GArray *policies;
  size_t n_permissions;

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "policy", "read", error))
    return NULL;

  statement = hearth_store_prepare (self->store,
                                    "SELECT circle_id IS NULL, role || ' ' || resource || '.' || action, allowed "
                                    "FROM permission_policies WHERE ifnull (circle_id, 0) IN (?, 0)",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, circle_id);

  defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (hearth_statement_next_row (statement, &local_error))
    g_hash_table_insert (hearth_statement_get_int64 (statement, 0) ? defaults : overrides,
                         hearth_statement_dup_text (statement, 1),
                         GINT_TO_POINTER (hearth_statement_get_int64 (statement, 2) != 0 ? 2 : 1));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  vocabulary = hearth_permissions_get_vocabulary (&n_permissions);
  policies = g_array_sized_new (FALSE, TRUE, sizeof (HearthPolicy), n_permissions * 4);
  for (size_t i = 0; i < n_permissions; i++)
    {
      for (HearthRole role = HEARTH_ROLE_OWNER; role >= HEARTH_ROLE_VISITOR; role--)
        {
          g_autofree char *key = g_strdup_printf ("%s %s.%s", hearth_role_to_string (role),
                                                  vocabulary[i].resource, vocabulary[i].action);
          int by_default = GPOINTER_TO_INT (g_hash_table_lookup (defaults, key));
          int by_override = GPOINTER_TO_INT (g_hash_table_lookup (overrides, key));
          HearthPolicy policy = { &vocabulary[i], role };

          policy.fixed = role == HEARTH_ROLE_OWNER || hearth_permission_is_fixed (&vocabulary[i]);
          policy.default_allowed = by_default == 2;
          policy.allowed = (by_override != 0 && !policy.fixed) ? by_override == 2 : policy.default_allowed;
          g_array_append_val (policies, policy);
        }
    }
  return policies;
}

static gboolean
set_policy_in_transaction (HearthStore  *store,
                           gpointer      user_data,
                           GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) current = NULL;
  g_autoptr (HearthStatement) write = NULL;
  g_autoptr (HearthStatement) log = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  const char *role = hearth_role_to_string (change->role);
  gint64 policy_id = 0;
  gboolean was_allowed;

  if (!hearth_authorize (store, change->actor, change->circle_id, "policy", "update", error) ||
      !require_shared (store, change->circle_id, error) ||
      !hearth_guard_require_sudo (change->self->guard, change->actor, error))
    return FALSE;

  /* The circle's own row if it has one, else the default's value. */
  current = hearth_store_prepare (store,
                                  "SELECT CASE WHEN circle_id IS NULL THEN 0 ELSE id END, allowed "
                                  "FROM permission_policies "
                                  "WHERE ifnull (circle_id, 0) IN (?, 0) AND role = ? AND resource = ? AND action = ? "
                                  "ORDER BY circle_id IS NULL LIMIT 1",
                                  error);
  if (current == NULL)
    return FALSE;
  hearth_statement_bind_int64 (current, 1, change->circle_id);
  hearth_statement_bind_text (current, 2, role);
  hearth_statement_bind_text (current, 3, change->resource);
  hearth_statement_bind_text (current, 4, change->action);
  was_allowed = FALSE;
  if (hearth_statement_next_row (current, &local_error))
    {
      policy_id = hearth_statement_get_int64 (current, 0);
      was_allowed = hearth_statement_get_int64 (current, 1) != 0;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (was_allowed == change->allowed)
    return TRUE;

  if (policy_id != 0)
    write = hearth_store_prepare (store, "UPDATE permission_policies SET allowed = ?2 WHERE id = ?1 RETURNING id",
                                  error);
  else
    write = hearth_store_prepare (store,
                                  "INSERT INTO permission_policies (circle_id, allowed, role, resource, action) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                                  error);
  if (write == NULL)
    return FALSE;
  hearth_statement_bind_int64 (write, 1, policy_id != 0 ? policy_id : change->circle_id);
  hearth_statement_bind_int64 (write, 2, change->allowed ? 1 : 0);
  if (policy_id == 0)
    {
      hearth_statement_bind_text (write, 3, role);
      hearth_statement_bind_text (write, 4, change->resource);
      hearth_statement_bind_text (write, 5, change->action);
    }
  if (!hearth_statement_fetch_one (write, error))
    return FALSE;
  policy_id = hearth_statement_get_int64 (write, 0);

  old_value = g_strdup_printf ("{\"allowed\": %s}", was_allowed ? "true" : "false");
  new_value = g_strdup_printf ("{\"allowed\": %s, \"role\": \"%s\", \"resource\": \"%s\", \"action\": \"%s\"}",
                               change->allowed ? "true" : "false", role, change->resource, change->action);
  log = hearth_store_prepare (store,
                              "INSERT INTO permission_logs (policy_id, changed_by, old_value, new_value, created_at) "
                              "VALUES (?, ?, ?, ?, ?)",
                              error);
  if (log == NULL)
    return FALSE;
  hearth_statement_bind_int64 (log, 1, policy_id);
  hearth_statement_bind_int64 (log, 2, hearth_actor_get_user_id (change->actor));
  hearth_statement_bind_text (log, 3, old_value);
  hearth_statement_bind_text (log, 4, new_value);
  hearth_statement_bind_int64 (log, 5, hearth_store_now (store));

  return hearth_statement_run (log, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (change->actor), change->circle_id,
                              "policy", policy_id, "policy.changed", error);
}

/**
 * hearth_circles_set_policy:
 * @role: ADMIN, EDITOR or VISITOR: the owner may always do everything
 * @resource: (not nullable): a resource of the vocabulary
 * @action: (not nullable): one of its actions, not an owner-only one
 * @allowed: what this circle's policy says from now on
 *
 * Needs `policy.update` (the owner only) and sudo mode. Writes the circle's
 * override with a `permission_logs` row (old and new value, who) and an audit
 * row; holds from the next hearth_authorize() on. Setting what holds already
 * changes and logs nothing.
 */
gboolean
hearth_circles_set_policy (HearthCircles  *self,
                           HearthActor    *actor,
                           gint64          circle_id,
                           HearthRole      role,
                           const char     *resource,
                           const char     *action,
                           gboolean        allowed,
                           GError        **error)
{
  const HearthPermission *permission;
  Change change = { self, actor, circle_id, 0, role };

  g_return_val_if_fail (HEARTH_IS_CIRCLES (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (resource != NULL && action != NULL, FALSE);
  g_return_val_if_fail (role >= HEARTH_ROLE_VISITOR && role <= HEARTH_ROLE_OWNER, FALSE);

  permission = hearth_permissions_lookup (resource, action);
  if (permission == NULL || role == HEARTH_ROLE_OWNER || hearth_permission_is_fixed (permission))
    return fail (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_FIXED_POLICY,
                 _("This permission belongs to the owner alone and cannot be changed."));

  change.resource = permission->resource;
  change.action = permission->action;
  change.allowed = !!allowed;
  return hearth_store_transaction (self->store, set_policy_in_transaction, &change, error);
}
