/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-guard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "hearth-guard-private.h"
#include "hearth-store.h"
#include "hearth-tokens-private.h"

/*
 * HearthGuard: what every service asks before it acts, and nothing more. Is
 * this session open (not revoked, not expired)? Is it in sudo mode? Did this
 * action come from Hearth's window (its anti-forgery token)? Beneath it, for
 * the auth and circles services only (hearth-guard-private.h): the security
 * log, the lockout ladder, session rows and sudo mode, each written inside the
 * caller's transaction. It knows no password: verifying one is the auth
 * service's work, above it.
 *
 * One failure counter per profile (user_account_security_state) is shared by
 * passwords, security answers, recovery keys and sudo re-authentication. An
 * attempt is refused without being checked while a cooldown or a permanent lock
 * is in force; an attempt that was checked and failed always counts, even when
 * a concurrent failure started the cooldown meanwhile. Recovery keys climb the
 * same ladder of cooldowns, but a permanent lock does not stop them: they are
 * what unlocks a profile. A string that cannot be a key is refused uncounted.
 */

struct _HearthGuard
{
  GObject      parent_instance;

  HearthStore *store;
};

G_DEFINE_FINAL_TYPE (HearthGuard, hearth_guard, G_TYPE_OBJECT)

G_DEFINE_QUARK (hearth-auth-error-quark, hearth_auth_error)

static void
hearth_guard_dispose (GObject *object)
{
  HearthGuard *self = HEARTH_GUARD (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (hearth_guard_parent_class)->dispose (object);
}

static void
hearth_guard_class_init (HearthGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_guard_dispose;
}

static void
hearth_guard_init (HearthGuard *self)
{
}

/**
 * hearth_guard_new:
 * @store: the store it works on, from this thread
 *
 * Returns: (transfer full): the guard every service of @store takes
 */
HearthGuard *
hearth_guard_new (HearthStore *store)
{
  HearthGuard *self;

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);

  self = g_object_new (HEARTH_TYPE_GUARD, NULL);
  self->store = g_object_ref (store);

  return self;
}

/**
 * hearth_guard_get_store:
 *
 * Returns: (transfer none): the store it guards
 */
HearthStore *
hearth_guard_get_store (HearthGuard *self)
{
  g_return_val_if_fail (HEARTH_IS_GUARD (self), NULL);

  return self->store;
}

gboolean
_hearth_guard_set_wrong_credentials (GError **error)
{
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS,
                       _("That password is not right."));
  return FALSE;
}

gboolean
_hearth_guard_set_invalid_session (GError **error)
{
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID,
                       _("You have been signed out. Sign in again."));
  return FALSE;
}

static gboolean
set_locked (GError **error)
{
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_LOCKED,
                       _("This profile is locked after too many failed attempts. "
                         "Unlock it with a recovery key, or ask an owner or admin of your family."));
  return FALSE;
}

/* The security log -------------------------------------------------------------- */

/* Writes one security event. @user_id 0 writes NULL: an attempt on a profile
 * that does not exist. @metadata is a JSON object made by the caller from
 * fixed keys and numbers, never from what a person typed. */
gboolean
_hearth_guard_log_event (HearthStore  *store,
                         gint64        user_id,
                         const char   *type,
                         const char   *metadata,
                         GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "INSERT INTO security_events (user_id, type, metadata, created_at) "
                                    "VALUES (?, ?, ?, ?)",
                                    error);
  if (statement == NULL)
    return FALSE;

  if (user_id > 0)
    hearth_statement_bind_int64 (statement, 1, user_id);
  else
    hearth_statement_bind_null (statement, 1);
  hearth_statement_bind_text (statement, 2, type);
  hearth_statement_bind_text (statement, 3, metadata != NULL ? metadata : "{}");
  hearth_statement_bind_int64 (statement, 4, hearth_store_now (store));

  return hearth_statement_run (statement, error);
}

/* Lockout ----------------------------------------------------------------------- */

/* How long the cooldown after @failures consecutive failures lasts. */
static gint64
cooldown_for (gint64 failures)
{
  gint64 cooldown = HEARTH_GUARD_FIRST_COOLDOWN;

  if (failures <= HEARTH_GUARD_FREE_FAILURES)
    return 0;

  for (gint64 i = HEARTH_GUARD_FREE_FAILURES + 1; i < failures && cooldown < HEARTH_GUARD_MAX_COOLDOWN; i++)
    cooldown *= 2;

  return MIN (cooldown, HEARTH_GUARD_MAX_COOLDOWN);
}

typedef struct
{
  gint64   failed_attempts;
  gint64   cooldown_until; /* 0: none */
  gint64   last_failed_at; /* 0: never */
  gboolean permanently_locked;
} LockState;

static gboolean
load_lock_state (HearthStore  *store,
                 gint64        user_id,
                 LockState    *out_state,
                 GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT failed_attempts, ifnull (cooldown_until, 0), permanently_locked, "
                                    "ifnull (last_failed_at, 0) FROM user_account_security_state WHERE user_id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_int64 (statement, 1, user_id);
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;

  out_state->failed_attempts = hearth_statement_get_int64 (statement, 0);
  out_state->cooldown_until = hearth_statement_get_int64 (statement, 1);
  out_state->permanently_locked = hearth_statement_get_int64 (statement, 2) != 0;
  out_state->last_failed_at = hearth_statement_get_int64 (statement, 3);
  return TRUE;
}

/* What is left of a cooldown: never more than the ladder's step, even when the
 * clock was moved backwards since the failure. */
static gint64
remaining_cooldown (const LockState *state,
                    gint64           now)
{
  gint64 remaining;

  if (state->cooldown_until == 0 || state->cooldown_until <= now)
    return 0;

  remaining = state->cooldown_until - now;
  return MIN (remaining, cooldown_for (state->failed_attempts));
}

/* A clock moved backwards after a failure would stretch the cooldown by as much
 * as it moved. The cooldown is then anchored again at the present, so nobody
 * waits longer than the ladder's step from the moment it is noticed. */
static gboolean
reanchor_after_clock_change (HearthStore  *store,
                             gint64        user_id,
                             LockState    *state,
                             GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  gint64 now = hearth_store_now (store);
  gint64 remaining = remaining_cooldown (state, now);

  if (state->last_failed_at <= now || remaining == 0)
    return TRUE;

  statement = hearth_store_prepare (store,
                                    "UPDATE user_account_security_state "
                                    "SET cooldown_until = ?1 + ?2, last_failed_at = ?1, updated_at = ?1 "
                                    "WHERE user_id = ?3",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, now);
  hearth_statement_bind_int64 (statement, 2, remaining);
  hearth_statement_bind_int64 (statement, 3, user_id);
  if (!hearth_statement_run (statement, error))
    return FALSE;

  state->cooldown_until = now + remaining;
  state->last_failed_at = now;
  return TRUE;
}

/* Refuses an attempt, without checking it, while the profile is locked or
 * cooling down; the refusal is logged. A recovery key is refused during a
 * cooldown only. */
gboolean
_hearth_guard_check_not_locked (HearthStore  *store,
                                gint64        user_id,
                                const char   *kind,
                                GError      **error)
{
  gboolean recovery = g_str_equal (kind, "recovery_key");
  LockState state;
  gint64 remaining;
  g_autofree char *metadata = NULL;

  if (!load_lock_state (store, user_id, &state, error) ||
      !reanchor_after_clock_change (store, user_id, &state, error))
    return FALSE;

  if (state.permanently_locked && !recovery)
    {
      metadata = g_strdup_printf ("{\"kind\": \"%s\", \"refused\": \"locked\"}", kind);
      if (!_hearth_guard_log_event (store, user_id, "LOGIN_FAILED", metadata, error))
        return FALSE;
      return set_locked (error);
    }

  remaining = remaining_cooldown (&state, hearth_store_now (store));
  if (remaining > 0)
    {
      int seconds = (int) ((remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

      metadata = g_strdup_printf ("{\"kind\": \"%s\", \"refused\": \"cooldown\"}", kind);
      if (!_hearth_guard_log_event (store, user_id, "LOGIN_FAILED", metadata, error))
        return FALSE;
      g_set_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_COOLDOWN,
                   ngettext ("Too many failed attempts. Try again in %d second.",
                             "Too many failed attempts. Try again in %d seconds.", seconds),
                   seconds);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gint64      user_id;
  const char *kind;
  const char *event;
} Failure;

static gboolean
record_failure_in_transaction (HearthStore  *store,
                               gpointer      user_data,
                               GError      **error)
{
  Failure *failure = user_data;
  g_autoptr (HearthStatement) update = NULL;
  gboolean newly_locked;
  g_autofree char *metadata = NULL;
  gint64 now = hearth_store_now (store);
  gint64 failures;

  update = hearth_store_prepare (store,
                                 "UPDATE user_account_security_state "
                                 "SET failed_attempts = failed_attempts + 1, last_failed_at = ?1, updated_at = ?1 "
                                 "WHERE user_id = ?2 RETURNING failed_attempts",
                                 error);
  if (update == NULL)
    return FALSE;
  hearth_statement_bind_int64 (update, 1, now);
  hearth_statement_bind_int64 (update, 2, failure->user_id);
  if (!hearth_statement_fetch_one (update, error))
    return FALSE;
  failures = hearth_statement_get_int64 (update, 0);
  g_clear_pointer (&update, hearth_statement_release);

  metadata = g_strdup_printf ("{\"kind\": \"%s\", \"failures\": %" G_GINT64_FORMAT "}",
                              failure->kind, failures);
  if (!_hearth_guard_log_event (store, failure->user_id, failure->event, metadata, error))
    return FALSE;
  g_clear_pointer (&metadata, g_free);

  if (failures >= HEARTH_GUARD_PERMANENT_LOCK_AFTER)
    {
      g_autoptr (HearthStatement) lock = NULL;

      g_autoptr (HearthStatement) cool = NULL;

      /* The cooldown goes on under the lock: only recovery keys are still
       * tried, and they climb the same ladder. */
      cool = hearth_store_prepare (store,
                                   "UPDATE user_account_security_state SET cooldown_until = ? WHERE user_id = ?",
                                   error);
      if (cool == NULL)
        return FALSE;
      hearth_statement_bind_int64 (cool, 1, now + cooldown_for (failures));
      hearth_statement_bind_int64 (cool, 2, failure->user_id);
      if (!hearth_statement_run (cool, error))
        return FALSE;

      lock = hearth_store_prepare (store,
                                   "UPDATE user_account_security_state SET permanently_locked = 1 "
                                   "WHERE user_id = ? AND permanently_locked = 0 RETURNING user_id",
                                   error);
      if (lock == NULL)
        return FALSE;
      hearth_statement_bind_int64 (lock, 1, failure->user_id);
      if (!hearth_statement_fetch_optional (lock, &newly_locked, error))
        return FALSE;
      /* Logged once, by the failure that locked it. */
      return !newly_locked ||
             _hearth_guard_log_event (store, failure->user_id, "ACCOUNT_LOCKED", "{\"permanent\": true}", error);
    }

  if (failures > HEARTH_GUARD_FREE_FAILURES)
    {
      g_autoptr (HearthStatement) cool = NULL;
      gint64 until = now + cooldown_for (failures);

      cool = hearth_store_prepare (store,
                                   "UPDATE user_account_security_state SET cooldown_until = ? WHERE user_id = ?",
                                   error);
      if (cool == NULL)
        return FALSE;
      hearth_statement_bind_int64 (cool, 1, until);
      hearth_statement_bind_int64 (cool, 2, failure->user_id);
      if (!hearth_statement_run (cool, error))
        return FALSE;

      metadata = g_strdup_printf ("{\"permanent\": false, \"seconds\": %" G_GINT64_FORMAT "}",
                                  cooldown_for (failures) / G_USEC_PER_SEC);
      return _hearth_guard_log_event (store, failure->user_id, "ACCOUNT_LOCKED", metadata, error);
    }

  return TRUE;
}

/* Counts a checked, failed attempt, then fails with the one message. */
gboolean
_hearth_guard_record_failure (HearthStore  *store,
                              gint64        user_id,
                              const char   *kind,
                              const char   *event,
                              GError      **error)
{
  Failure failure = { user_id, kind, event };

  if (!hearth_store_transaction (store, record_failure_in_transaction, &failure, error))
    return FALSE;

  return _hearth_guard_set_wrong_credentials (error);
}

/* Inside a transaction: a success resets the counter; unlocking a permanent
 * lock is logged, and so is every unlock by someone else (@unlocked_by, the
 * event's metadata). */
gboolean
_hearth_guard_reset_lock_state (HearthStore  *store,
                                gint64        user_id,
                                const char   *unlocked_by,
                                GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  LockState state;

  if (!load_lock_state (store, user_id, &state, error))
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "UPDATE user_account_security_state "
                                    "SET failed_attempts = 0, cooldown_until = NULL, permanently_locked = 0, "
                                    "updated_at = ? WHERE user_id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 2, user_id);
  if (!hearth_statement_run (statement, error))
    return FALSE;

  if (state.permanently_locked || unlocked_by != NULL)
    return _hearth_guard_log_event (store, user_id, "ACCOUNT_UNLOCKED",
                                    unlocked_by != NULL ? unlocked_by : "{\"by\": \"recovery_key\"}", error);

  return TRUE;
}

/* Refuses a profile locked for good, with nothing counted or logged: what a
 * session resumed without a password asks. */
gboolean
_hearth_guard_check_not_locked_for_good (HearthStore  *store,
                                         gint64        user_id,
                                         GError      **error)
{
  LockState state;

  if (!load_lock_state (store, user_id, &state, error))
    return FALSE;

  return state.permanently_locked ? set_locked (error) : TRUE;
}

/* Microseconds until @user_id may try again; %G_MAXINT64 while it is locked for
 * good, 0 when it may now or cannot be read. */
gint64
_hearth_guard_get_cooldown_remaining (HearthStore *store,
                                      gint64       user_id)
{
  LockState state;

  if (!load_lock_state (store, user_id, &state, NULL))
    return 0;

  if (state.permanently_locked)
    return G_MAXINT64;

  return remaining_cooldown (&state, hearth_store_now (store));
}

/* Sessions ------------------------------------------------------------------------- */

void
_hearth_new_session_clear (HearthNewSession *session)
{
  _hearth_token_wipe (session->refresh_token);
  _hearth_token_wipe (session->csrf_token);
  g_clear_pointer (&session->refresh_token, g_free);
  g_clear_pointer (&session->csrf_token, g_free);
}

/* Inside a transaction: a new session row. Only hashes of its tokens are kept. */
gboolean
_hearth_guard_create_session (HearthStore       *store,
                              gint64             user_id,
                              gboolean           stay_signed_in,
                              const char        *family_id,
                              HearthNewSession  *out_session,
                              GError           **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *refresh_hash = NULL;
  g_autofree char *csrf_hash = NULL;
  g_autofree char *new_family = NULL;
  g_autofree char *user_agent = g_strdup_printf ("Hearth/%s", PACKAGE_VERSION);
  gint64 now = hearth_store_now (store);

  out_session->refresh_token = _hearth_token_new ();
  out_session->csrf_token = _hearth_token_new ();
  refresh_hash = _hearth_token_hash (out_session->refresh_token);
  csrf_hash = _hearth_token_hash (out_session->csrf_token);
  if (family_id == NULL)
    family_id = new_family = _hearth_token_new ();

  statement = hearth_store_prepare (store,
                                    "INSERT INTO auth_sessions (user_id, refresh_token_hash, csrf_token, "
                                    "ip_address, user_agent, device_name, expires_at, created_at, family_id, "
                                    "last_seen_at) VALUES (?, ?, ?, 'local', ?, ?, ?, ?, ?, ?) RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_int64 (statement, 1, user_id);
  hearth_statement_bind_text (statement, 2, refresh_hash);
  hearth_statement_bind_text (statement, 3, csrf_hash);
  hearth_statement_bind_text (statement, 4, user_agent);
  hearth_statement_bind_text (statement, 5, g_get_host_name ());
  hearth_statement_bind_int64 (statement, 6, now + (stay_signed_in ? HEARTH_GUARD_STAY_SIGNED_IN_LIFETIME
                                                                    : HEARTH_GUARD_SESSION_LIFETIME));
  hearth_statement_bind_int64 (statement, 7, now);
  hearth_statement_bind_text (statement, 8, family_id);
  hearth_statement_bind_int64 (statement, 9, now);
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;

  out_session->id = hearth_statement_get_int64 (statement, 0);
  return TRUE;
}

/* Inside a transaction, after sessions were revoked: their sudo mode ends. */
gboolean
_hearth_guard_end_sudo_of_revoked_sessions (HearthStore  *store,
                                            GError      **error)
{
  g_autoptr (HearthStatement) statement =
    hearth_store_prepare (store,
                          "DELETE FROM sudo_sessions WHERE session_id IN "
                          "(SELECT id FROM auth_sessions WHERE revoked_at IS NOT NULL)",
                          error);

  return statement != NULL && hearth_statement_run (statement, error);
}

/* Runs an UPDATE … RETURNING id that revokes sessions, counts them, and ends
 * their sudo mode: what revoking many sessions at once shares. */
static gboolean
revoke_returned (HearthStore      *store,
                 HearthStatement  *statement,
                 guint            *out_count,
                 GError          **error)
{
  g_autoptr (GError) local_error = NULL;
  guint count = 0;

  while (hearth_statement_next_row (statement, &local_error))
    count++;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_count != NULL)
    *out_count = count;
  return _hearth_guard_end_sudo_of_revoked_sessions (store, error);
}

gboolean
_hearth_guard_revoke_sessions_where (HearthStore  *store,
                                     const char   *condition,
                                     gint64        value,
                                     gint64        except_session,
                                     guint        *out_count,
                                     GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE auth_sessions SET revoked_at = ? "
                                          "WHERE %s = ? AND id <> ? AND revoked_at IS NULL RETURNING id",
                                          condition);

  statement = hearth_store_prepare (store, sql, error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_int64 (statement, 1, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 2, value);
  hearth_statement_bind_int64 (statement, 3, except_session);
  return revoke_returned (store, statement, out_count, error);
}

/* Inside a transaction: every open session of a "stay signed in" family, when
 * one of its rotated-away tokens comes back (SECURITY.md). */
gboolean
_hearth_guard_revoke_family (HearthStore  *store,
                             const char   *family_id,
                             guint        *out_count,
                             GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "UPDATE auth_sessions SET revoked_at = ? "
                                    "WHERE family_id = ? AND revoked_at IS NULL RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_int64 (statement, 1, hearth_store_now (store));
  hearth_statement_bind_text (statement, 2, family_id);
  return revoke_returned (store, statement, out_count, error);
}

/**
 * hearth_guard_check_action_token:
 * @actor: (nullable): who is signed in at the window, if anyone
 * @token: (nullable): the anti-forgery token the action carried
 * @action: the action's name, for the log
 *
 * A state-changing action that reaches the application from outside its own
 * window (D-Bus, a notification's button) must carry the signed-in session's
 * anti-forgery token (SECURITY.md). Compared in constant time with the hash
 * the session row keeps; a missing or wrong token, or nobody signed in, is
 * refused and logged (%PERMISSION_DENIED, with the action's name).
 *
 * Returns: %TRUE when the action may go ahead
 */
gboolean
hearth_guard_check_action_token (HearthGuard  *self,
                                 HearthActor  *actor,
                                 const char   *token,
                                 const char   *action,
                                 GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *metadata = NULL;
  g_autofree char *escaped = NULL;
  gboolean valid = FALSE;

  g_return_val_if_fail (HEARTH_IS_GUARD (self), FALSE);
  g_return_val_if_fail (actor == NULL || HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (actor != NULL && token != NULL && hearth_guard_check_session (self, actor, NULL))
    {
      statement = hearth_store_prepare (self->store, "SELECT csrf_token FROM auth_sessions WHERE id = ?", error);
      if (statement == NULL)
        return FALSE;
      hearth_statement_bind_int64 (statement, 1, hearth_actor_get_session_id (actor));
      if (hearth_statement_next_row (statement, &local_error))
        {
          const char *stored = hearth_statement_get_text (statement, 0);

          hash = _hearth_token_hash (token);
          valid = stored != NULL && strlen (stored) == strlen (hash) &&
                  sodium_memcmp (stored, hash, strlen (hash)) == 0;
        }
      g_clear_pointer (&statement, hearth_statement_release);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (valid)
    return TRUE;

  escaped = g_strescape (action, NULL);
  metadata = g_strdup_printf ("{\"action\": \"%s\", \"refused\": \"%s\"}", escaped,
                              actor == NULL ? "nobody signed in" : token == NULL ? "no token" : "wrong token");
  if (!_hearth_guard_log_event (self->store, actor != NULL ? hearth_actor_get_user_id (actor) : 0, "PERMISSION_DENIED",
                                metadata, error))
    return FALSE;
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID,
                       _("This request did not come from Hearth’s window, and was refused."));
  return FALSE;
}

/**
 * hearth_guard_check_session:
 *
 * Returns: %TRUE while @actor's session is neither revoked nor expired
 */
gboolean
hearth_guard_check_session (HearthGuard  *self,
                            HearthActor  *actor,
                            GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  gboolean open;

  g_return_val_if_fail (HEARTH_IS_GUARD (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  statement = hearth_store_prepare (self->store,
                                    "SELECT 1 FROM auth_sessions WHERE id = ? AND user_id = ? "
                                    "AND revoked_at IS NULL AND expires_at > ?",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_int64 (statement, 1, hearth_actor_get_session_id (actor));
  hearth_statement_bind_int64 (statement, 2, hearth_actor_get_user_id (actor));
  hearth_statement_bind_int64 (statement, 3, hearth_store_now (self->store));
  if (!hearth_statement_fetch_optional (statement, &open, error))
    return FALSE;

  return open || _hearth_guard_set_invalid_session (error);
}

/* Sudo mode --------------------------------------------------------------------- */

/**
 * _hearth_guard_grant_sudo:
 * @session_id: the session that has just confirmed the password
 *
 * Inside a transaction, once the auth service has checked the password: sudo
 * mode for %HEARTH_GUARD_SUDO_LIFETIME. It is the session's that confirmed:
 * another session of the profile, or one resumed from the keyring, is not in
 * it, and it ends with its session (_hearth_guard_end_sudo_of_revoked_sessions).
 */
gboolean
_hearth_guard_grant_sudo (HearthStore  *store,
                          gint64        user_id,
                          gint64        session_id,
                          GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *user_agent = g_strdup_printf ("Hearth/%s", PACKAGE_VERSION);
  gint64 now = hearth_store_now (store);

  statement = hearth_store_prepare (store,
                                    "INSERT INTO sudo_sessions (user_id, sudo_until, method, ip_address, "
                                    "user_agent, created_at, session_id) "
                                    "VALUES (?1, ?2, 'PASSWORD', 'local', ?3, ?4, ?5) "
                                    "ON CONFLICT (user_id) DO UPDATE SET sudo_until = ?2, method = 'PASSWORD', "
                                    "created_at = ?4, session_id = ?5",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, user_id);
  hearth_statement_bind_int64 (statement, 5, session_id);
  hearth_statement_bind_int64 (statement, 2, now + HEARTH_GUARD_SUDO_LIFETIME);
  hearth_statement_bind_text (statement, 3, user_agent);
  hearth_statement_bind_int64 (statement, 4, now);

  return hearth_statement_run (statement, error) &&
         _hearth_guard_reset_lock_state (store, user_id, NULL, error) &&
         _hearth_guard_log_event (store, user_id, "SUDO_MODE_ENABLED", "{\"method\": \"PASSWORD\"}", error);
}

/**
 * _hearth_guard_unlock_profile:
 * @user_id: the locked profile
 * @by_user_id: the owner or admin who unlocks it
 *
 * Lifts a lockout, a cooldown or the lock after 100 failures, for an owner or
 * admin of a circle the profile is in (SECURITY.md); the circles service checks
 * who may, and calls this inside its transaction.
 */
gboolean
_hearth_guard_unlock_profile (HearthStore  *store,
                              gint64        user_id,
                              gint64        by_user_id,
                              GError      **error)
{
  g_autofree char *metadata = g_strdup_printf ("{\"by\": %" G_GINT64_FORMAT "}", by_user_id);

  return _hearth_guard_reset_lock_state (store, user_id, metadata, error);
}

/**
 * hearth_guard_require_sudo:
 *
 * What every protected service function calls first.
 *
 * Returns: %TRUE while @actor's session is valid and in sudo mode; otherwise
 *   %FALSE with %HEARTH_AUTH_ERROR_SUDO_REQUIRED (or SESSION_INVALID)
 */
gboolean
hearth_guard_require_sudo (HearthGuard  *self,
                           HearthActor  *actor,
                           GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  gboolean in_sudo;

  g_return_val_if_fail (HEARTH_IS_GUARD (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  if (!hearth_guard_check_session (self, actor, error))
    return FALSE;

  statement = hearth_store_prepare (self->store,
                                    "SELECT 1 FROM sudo_sessions WHERE user_id = ? AND session_id = ? "
                                    "AND sudo_until > ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, hearth_actor_get_user_id (actor));
  hearth_statement_bind_int64 (statement, 2, hearth_actor_get_session_id (actor));
  hearth_statement_bind_int64 (statement, 3, hearth_store_now (self->store));
  if (!hearth_statement_fetch_optional (statement, &in_sudo, error))
    return FALSE;
  if (in_sudo)
    return TRUE;

  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED,
                       _("Confirm your password to continue."));
  return FALSE;
}
