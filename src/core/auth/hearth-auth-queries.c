/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include "hearth-auth.h"
#include "hearth-auth-error.h"
#include "hearth-auth-private.h"
#include "hearth-tokens-private.h"
#include "hearth-keyring.h"
#include "hearth-profile.h"
#include "hearth-security-event.h"
#include "hearth-session-info.h"
#include "hearth-store.h"

/*
 * What the auth screens read: the profiles for the picker, start-up's resume
 * from the keyring, and the Account Security page's sessions and history.
 * Each read goes through the service's own checks (an open session).
 */

/* Profiles for the picker, and start-up ------------------------------------------------ */

/**
 * hearth_auth_list_profiles:
 *
 * Returns: (transfer full): every profile as a #HearthProfile, by display name
 */
GListModel *
hearth_auth_list_profiles (HearthAuth  *self,
                           GError     **error)
{
  g_autoptr (GListStore) profiles = g_list_store_new (HEARTH_TYPE_PROFILE);
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);

  statement = hearth_store_prepare (hearth_auth_get_store (self),
                                    "SELECT id, username, display_name FROM users "
                                    "ORDER BY display_name COLLATE NOCASE, id",
                                    error);
  if (statement == NULL)
    return NULL;

  while (hearth_statement_next_row (statement, &local_error))
    {
      g_autoptr (HearthProfile) profile = hearth_profile_new (hearth_statement_get_int64 (statement, 0),
                                                              hearth_statement_get_text (statement, 1),
                                                              hearth_statement_get_text (statement, 2));

      g_list_store_append (profiles, profile);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&profiles));
}

/**
 * hearth_auth_resume_from_keyring:
 * @keyring: where "stay signed in" tokens are kept
 *
 * What start-up does: when a profile stays signed in on this computer, resume
 * it and write the rotated token back. A token that no longer works is
 * forgotten.
 *
 * Returns: (transfer full) (nullable): who is signed in; %NULL without an
 *   error when nobody stays signed in, or the token no longer works
 */
HearthActor *
hearth_auth_resume_from_keyring (HearthAuth     *self,
                                 HearthKeyring  *keyring,
                                 GError        **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (HearthActor) actor = NULL;
  g_autofree char *token = NULL;
  g_autofree char *rotated = NULL;
  gint64 user_id = 0;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);
  g_return_val_if_fail (HEARTH_IS_KEYRING (keyring), NULL);

  if (!hearth_keyring_find_any (keyring, &user_id, &token, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  actor = hearth_auth_resume (self, user_id, token, &rotated, &local_error);
  _hearth_token_wipe (token);
  if (actor == NULL)
    {
      g_debug ("The kept token no longer works: %s", local_error->message);
      hearth_keyring_delete (keyring, user_id, NULL);
      if (g_error_matches (local_error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID) ||
          g_error_matches (local_error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_LOCKED))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!hearth_keyring_store (keyring, user_id, rotated, error))
    {
      _hearth_token_wipe (rotated);
      return NULL;
    }
  _hearth_token_wipe (rotated);

  return g_steal_pointer (&actor);
}

/* The Account Security page's lists --------------------------------------------------------- */

/**
 * hearth_auth_list_sessions:
 *
 * Returns: (transfer full): the actor's open sessions as #HearthSessionInfo,
 *   newest first, the current one marked
 */
GListModel *
hearth_auth_list_sessions (HearthAuth   *self,
                           HearthActor  *actor,
                           GError      **error)
{
  g_autoptr (GListStore) sessions = g_list_store_new (HEARTH_TYPE_SESSION_INFO);
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  if (!hearth_guard_check_session (hearth_auth_get_guard (self), actor, error))
    return NULL;

  statement = hearth_store_prepare (hearth_auth_get_store (self),
                                    "SELECT id, device_name, user_agent, created_at, last_seen_at, expires_at "
                                    "FROM auth_sessions WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? "
                                    "ORDER BY created_at DESC, id DESC",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, hearth_actor_get_user_id (actor));
  hearth_statement_bind_int64 (statement, 2, hearth_store_now (hearth_auth_get_store (self)));
  while (hearth_statement_next_row (statement, &local_error))
    {
      gint64 id = hearth_statement_get_int64 (statement, 0);
      g_autoptr (HearthSessionInfo) info =
        hearth_session_info_new (id,
                                 hearth_statement_get_text (statement, 1),
                                 hearth_statement_get_text (statement, 2),
                                 hearth_statement_get_int64 (statement, 3),
                                 hearth_statement_get_int64 (statement, 4),
                                 hearth_statement_get_int64 (statement, 5),
                                 id == hearth_actor_get_session_id (actor));

      g_list_store_append (sessions, info);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&sessions));
}

/**
 * hearth_auth_list_security_events:
 * @limit: at most this many, newest first
 *
 * Returns: (transfer full): the actor's own security history as
 *   #HearthSecurityEvent
 */
GListModel *
hearth_auth_list_security_events (HearthAuth   *self,
                                  HearthActor  *actor,
                                  guint         limit,
                                  GError      **error)
{
  g_autoptr (GListStore) events = g_list_store_new (HEARTH_TYPE_SECURITY_EVENT);
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  if (!hearth_guard_check_session (hearth_auth_get_guard (self), actor, error))
    return NULL;

  statement = hearth_store_prepare (hearth_auth_get_store (self),
                                    "SELECT id, type, metadata, created_at FROM security_events "
                                    "WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, hearth_actor_get_user_id (actor));
  hearth_statement_bind_int64 (statement, 2, limit);
  while (hearth_statement_next_row (statement, &local_error))
    {
      g_autoptr (HearthSecurityEvent) event =
        hearth_security_event_new (hearth_statement_get_int64 (statement, 0),
                                   hearth_statement_get_text (statement, 1),
                                   hearth_statement_get_text (statement, 2),
                                   hearth_statement_get_int64 (statement, 3));

      g_list_store_append (events, event);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&events));
}
