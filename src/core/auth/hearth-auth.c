/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "hearth-actor-private.h"
#include "hearth-audit.h"
#include "hearth-auth.h"
#include "hearth-circles-private.h"
#include "hearth-auth-error.h"
#include "hearth-auth-private.h"
#include "hearth-clock.h"
#include "hearth-store.h"
#include "hearth-tokens-private.h"

/*
 * HearthAuth: profiles, sign-in, sessions, sudo mode, recovery keys and
 * security questions, as ../shared/design/SECURITY.md asks. Every change is one
 * transaction with its security event; slow work (Argon2id) happens before the
 * transaction opens, so the write lock is never held across a hash.
 *
 * One failure counter per profile (user_account_security_state) is shared by
 * passwords, security answers, recovery keys and sudo re-authentication. An
 * attempt is refused without being checked while a cooldown or a permanent lock
 * is in force; an attempt that was checked and failed always counts, even when
 * a concurrent failure started the cooldown meanwhile. Recovery keys climb the
 * same ladder of cooldowns, but a permanent lock does not stop them: they are
 * what unlocks a profile. A string that cannot be a key is refused uncounted.
 */

struct _HearthAuth
{
  GObject             parent_instance;

  HearthStore        *store;
  HearthPasswordCost  cost;
};

G_DEFINE_FINAL_TYPE (HearthAuth, hearth_auth, G_TYPE_OBJECT)

static void
hearth_auth_dispose (GObject *object)
{
  HearthAuth *self = HEARTH_AUTH (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (hearth_auth_parent_class)->dispose (object);
}

static void
hearth_auth_class_init (HearthAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_auth_dispose;
}

static void
hearth_auth_init (HearthAuth *self)
{
}

/**
 * hearth_auth_new:
 * @store: the store it works on, from this thread
 * @cost: what one password hash costs: hearth_password_cost_default() in the
 *   application, a cheap cost in tests
 *
 * Returns: (transfer full): the auth service
 */
HearthAuth *
hearth_auth_new (HearthStore        *store,
                 HearthPasswordCost  cost)
{
  HearthAuth *self;

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);

  self = g_object_new (HEARTH_TYPE_AUTH, NULL);
  self->store = g_object_ref (store);
  self->cost = cost;

  return self;
}

HearthStore *
hearth_auth_get_store (HearthAuth *self)
{
  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);

  return self->store;
}

/* Small helpers ------------------------------------------------------------------ */

static gboolean
set_wrong_credentials (GError **error)
{
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS,
                       _("That password is not right."));
  return FALSE;
}

static gboolean
set_invalid_session (GError **error)
{
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID,
                       _("You have been signed out. Sign in again."));
  return FALSE;
}

static gboolean
set_invalid_input (GError     **error,
                   const char  *message)
{
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_INVALID_INPUT, message);
  return FALSE;
}

static void
wipe_string (char *secret)
{
  if (secret != NULL)
    sodium_memzero (secret, strlen (secret));
}

/* For the service's other files (hearth-auth-private.h). */
void
_hearth_auth_wipe (char *secret)
{
  wipe_string (secret);
}

HearthPasswordCost
_hearth_auth_get_cost (HearthAuth *self)
{
  return self->cost;
}

static gboolean
run (HearthStatement  *statement,
     GError          **error)
{
  return statement != NULL && hearth_statement_run (statement, error);
}

/* Writes one security event. @user_id 0 writes NULL: an attempt on a profile
 * that does not exist. @metadata is a JSON object made by the caller from
 * fixed keys and numbers, never from what a person typed. */
static gboolean
log_event (HearthStore  *store,
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

typedef struct
{
  gint64  id;
  char   *username;
  char   *display_name;
} User;

static void
user_clear (User *user)
{
  g_clear_pointer (&user->username, g_free);
  g_clear_pointer (&user->display_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (User, user_clear)

static char *
normalize_name (const char *text)
{
  g_autofree char *nfkc = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  return g_strdup (g_strstrip (nfkc));
}

/* Finds a profile by username, whatever its case. Returns FALSE without an error
 * when there is none. */
static gboolean
find_user_by_name (HearthStore  *store,
                   const char   *username,
                   User         *out_user,
                   GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *normalized = normalize_name (username);

  if (normalized == NULL)
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "SELECT id, username, display_name FROM users WHERE username = ?",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_text (statement, 1, normalized);
  if (!hearth_statement_next_row (statement, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  out_user->id = hearth_statement_get_int64 (statement, 0);
  out_user->username = hearth_statement_dup_text (statement, 1);
  out_user->display_name = hearth_statement_dup_text (statement, 2);
  return TRUE;
}

static gboolean
find_user_by_id (HearthStore  *store,
                 gint64        user_id,
                 User         *out_user,
                 GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT id, username, display_name FROM users WHERE id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_int64 (statement, 1, user_id);
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;

  out_user->id = user_id;
  out_user->username = hearth_statement_dup_text (statement, 1);
  out_user->display_name = hearth_statement_dup_text (statement, 2);
  return TRUE;
}

static char *
dup_credential_hash (HearthStore  *store,
                     gint64        user_id,
                     const char   *type,
                     GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT secret_hash FROM auth_credentials "
                                    "WHERE user_id = ? AND type = ? ORDER BY id DESC LIMIT 1",
                                    error);
  if (statement == NULL)
    return NULL;

  hearth_statement_bind_int64 (statement, 1, user_id);
  hearth_statement_bind_text (statement, 2, type);
  if (!hearth_statement_fetch_one (statement, error))
    return NULL;

  return hearth_statement_dup_text (statement, 0);
}

/* A hash with the service's cost and random contents: verifying a password
 * against it costs what a real verification costs, and never succeeds. Used
 * for usernames that do not exist, so that the time taken does not tell. */
static char *
dup_dummy_hash (HearthAuth *self)
{
  unsigned char salt[crypto_pwhash_SALTBYTES];
  unsigned char digest[32];
  char salt_b64[sodium_base64_ENCODED_LEN (sizeof salt, sodium_base64_VARIANT_ORIGINAL_NO_PADDING)];
  char digest_b64[sodium_base64_ENCODED_LEN (sizeof digest, sodium_base64_VARIANT_ORIGINAL_NO_PADDING)];

  randombytes_buf (salt, sizeof salt);
  randombytes_buf (digest, sizeof digest);
  sodium_bin2base64 (salt_b64, sizeof salt_b64, salt, sizeof salt, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  sodium_bin2base64 (digest_b64, sizeof digest_b64, digest, sizeof digest,
                     sodium_base64_VARIANT_ORIGINAL_NO_PADDING);

  return g_strdup_printf ("$argon2id$v=19$m=%zu,t=%llu,p=1$%s$%s",
                          self->cost.memlimit / 1024, self->cost.opslimit, salt_b64, digest_b64);
}

/* Lockout ----------------------------------------------------------------------- */

/* How long the cooldown after @failures consecutive failures lasts. */
static gint64
cooldown_for (gint64 failures)
{
  gint64 cooldown = HEARTH_AUTH_FIRST_COOLDOWN;

  if (failures <= HEARTH_AUTH_FREE_FAILURES)
    return 0;

  for (gint64 i = HEARTH_AUTH_FREE_FAILURES + 1; i < failures && cooldown < HEARTH_AUTH_MAX_COOLDOWN; i++)
    cooldown *= 2;

  return MIN (cooldown, HEARTH_AUTH_MAX_COOLDOWN);
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
static gboolean
check_not_locked (HearthStore  *store,
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
      if (!log_event (store, user_id, "LOGIN_FAILED", metadata, error))
        return FALSE;
      g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_LOCKED,
                           _("This profile is locked after too many failed attempts. "
                             "Unlock it with a recovery key, or ask an owner or admin of your family."));
      return FALSE;
    }

  remaining = remaining_cooldown (&state, hearth_store_now (store));
  if (remaining > 0)
    {
      int seconds = (int) ((remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

      metadata = g_strdup_printf ("{\"kind\": \"%s\", \"refused\": \"cooldown\"}", kind);
      if (!log_event (store, user_id, "LOGIN_FAILED", metadata, error))
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
  g_autoptr (GError) local_error = NULL;
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
  if (!log_event (store, failure->user_id, failure->event, metadata, error))
    return FALSE;
  g_clear_pointer (&metadata, g_free);

  if (failures >= HEARTH_AUTH_PERMANENT_LOCK_AFTER)
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
      if (hearth_statement_next_row (lock, &local_error))
        return log_event (store, failure->user_id, "ACCOUNT_LOCKED", "{\"permanent\": true}", error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  if (failures > HEARTH_AUTH_FREE_FAILURES)
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
      return log_event (store, failure->user_id, "ACCOUNT_LOCKED", metadata, error);
    }

  return TRUE;
}

/* Counts a checked, failed attempt, then fails with the one message. */
static gboolean
record_failure (HearthStore  *store,
                gint64        user_id,
                const char   *kind,
                const char   *event,
                GError      **error)
{
  Failure failure = { user_id, kind, event };

  if (!hearth_store_transaction (store, record_failure_in_transaction, &failure, error))
    return FALSE;

  return set_wrong_credentials (error);
}

/* Inside a transaction: a success resets the counter; unlocking a permanent
 * lock is logged, and so is every unlock by someone else (@unlocked_by, the
 * event's metadata). */
static gboolean
reset_lock_state (HearthStore  *store,
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
    return log_event (store, user_id, "ACCOUNT_UNLOCKED",
                      unlocked_by != NULL ? unlocked_by : "{\"by\": \"recovery_key\"}", error);

  return TRUE;
}

/**
 * hearth_auth_get_cooldown_remaining:
 * @username: the profile's username
 *
 * Returns: microseconds until the profile may try again; 0 when it may now,
 *   or when there is no such profile; %G_MAXINT64 while it is locked for good
 */
gint64
hearth_auth_get_cooldown_remaining (HearthAuth *self,
                                    const char *username)
{
  g_auto (User) user = { 0 };
  LockState state;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), 0);
  g_return_val_if_fail (username != NULL, 0);

  if (!find_user_by_name (self->store, username, &user, NULL) ||
      !load_lock_state (self->store, user.id, &state, NULL))
    return 0;

  if (state.permanently_locked)
    return G_MAXINT64;

  return remaining_cooldown (&state, hearth_store_now (self->store));
}

/* Sessions ------------------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *refresh_token;
  char   *csrf_token;
} NewSession;

static void
new_session_clear (NewSession *session)
{
  wipe_string (session->refresh_token);
  wipe_string (session->csrf_token);
  g_clear_pointer (&session->refresh_token, g_free);
  g_clear_pointer (&session->csrf_token, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NewSession, new_session_clear)

/* Inside a transaction: a new session row. Only hashes of its tokens are kept. */
static gboolean
create_session (HearthStore  *store,
                gint64        user_id,
                gboolean      stay_signed_in,
                const char   *family_id,
                NewSession   *out_session,
                GError      **error)
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
  hearth_statement_bind_int64 (statement, 6, now + (stay_signed_in ? HEARTH_AUTH_STAY_SIGNED_IN_LIFETIME
                                                                    : HEARTH_AUTH_SESSION_LIFETIME));
  hearth_statement_bind_int64 (statement, 7, now);
  hearth_statement_bind_text (statement, 8, family_id);
  hearth_statement_bind_int64 (statement, 9, now);
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;

  out_session->id = hearth_statement_get_int64 (statement, 0);
  return TRUE;
}

static HearthActor *
actor_for (const User       *user,
           const NewSession *session)
{
  return _hearth_actor_new (user->id, session->id, user->username, user->display_name,
                            session->csrf_token);
}

/* Inside a transaction, after sessions were revoked: their sudo mode ends. */
static gboolean
end_sudo_of_revoked_sessions (HearthStore  *store,
                              GError      **error)
{
  g_autoptr (HearthStatement) statement =
    hearth_store_prepare (store,
                          "DELETE FROM sudo_sessions WHERE session_id IN "
                          "(SELECT id FROM auth_sessions WHERE revoked_at IS NOT NULL)",
                          error);

  return statement != NULL && hearth_statement_run (statement, error);
}

static gboolean
revoke_sessions_where (HearthStore  *store,
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
  g_autoptr (GError) local_error = NULL;
  guint count = 0;

  statement = hearth_store_prepare (store, sql, error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_int64 (statement, 1, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 2, value);
  hearth_statement_bind_int64 (statement, 3, except_session);
  while (hearth_statement_next_row (statement, &local_error))
    count++;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_count != NULL)
    *out_count = count;
  return end_sudo_of_revoked_sessions (store, error);
}

/**
 * hearth_auth_check_action_token:
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
hearth_auth_check_action_token (HearthAuth   *self,
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

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (actor == NULL || HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (actor != NULL && token != NULL && hearth_auth_check_session (self, actor, NULL))
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
  if (!log_event (self->store, actor != NULL ? hearth_actor_get_user_id (actor) : 0, "PERMISSION_DENIED",
                  metadata, error))
    return FALSE;
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID,
                       _("This request did not come from Hearth’s window, and was refused."));
  return FALSE;
}

/**
 * hearth_auth_check_session:
 *
 * Returns: %TRUE while @actor's session is neither revoked nor expired
 */
gboolean
hearth_auth_check_session (HearthAuth   *self,
                           HearthActor  *actor,
                           GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
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
  if (hearth_statement_next_row (statement, &local_error))
    return TRUE;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return set_invalid_session (error);
}

/* Profiles ------------------------------------------------------------------------- */

static gboolean
validate_profile_fields (const char  *username,
                         const char  *display_name,
                         const char  *email,
                         GError     **error)
{
  if (username == NULL || *username == '\0')
    return set_invalid_input (error, _("Choose a username."));
  if (g_utf8_strlen (username, -1) > 64)
    return set_invalid_input (error, _("A username has at most 64 characters."));
  for (const char *p = username; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '.' && c != '-' && c != '_')
        return set_invalid_input (error, _("A username has only letters, digits, dots, dashes and underscores."));
    }

  if (display_name == NULL || *display_name == '\0')
    return set_invalid_input (error, _("Enter your name."));
  if (g_utf8_strlen (display_name, -1) > 128)
    return set_invalid_input (error, _("A name has at most 128 characters."));

  if (email != NULL && *email != '\0')
    {
      const char *at = strchr (email, '@');

      if (at == NULL || at == email || at[1] == '\0' || strchr (email, ' ') != NULL ||
          strlen (email) > 254)
        return set_invalid_input (error, _("That e-mail address is not complete."));
    }

  return TRUE;
}

static gboolean
check_not_taken (HearthStore  *store,
                 const char   *username,
                 const char   *email,
                 gint64        except_user_id,
                 GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT username = ?1 FROM users WHERE id <> ?3 "
                                    "AND (username = ?1 OR email = ?2)",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_text (statement, 1, username);
  hearth_statement_bind_text (statement, 2, email);
  hearth_statement_bind_int64 (statement, 3, except_user_id);
  if (!hearth_statement_next_row (statement, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_TAKEN,
                       hearth_statement_get_int64 (statement, 0)
                       ? _("Another profile has that username.")
                       : _("Another profile has that e-mail address."));
  return FALSE;
}

typedef struct
{
  HearthAuth  *self;
  User        *user;
  const char  *email;
  const char  *password_hash;
  GPtrArray   *key_hashes;
  NewSession  *session;
} CreateProfile;

static gboolean
insert_recovery_keys (HearthStore  *store,
                      gint64        user_id,
                      GPtrArray    *key_hashes,
                      GError      **error)
{
  for (guint i = 0; i < key_hashes->len; i++)
    {
      g_autoptr (HearthStatement) statement = NULL;

      statement = hearth_store_prepare (store,
                                        "INSERT INTO recovery_keys (user_id, key_hash, created_at) VALUES (?, ?, ?)",
                                        error);
      if (statement == NULL)
        return FALSE;
      hearth_statement_bind_int64 (statement, 1, user_id);
      hearth_statement_bind_text (statement, 2, g_ptr_array_index (key_hashes, i));
      hearth_statement_bind_int64 (statement, 3, hearth_store_now (store));
      if (!hearth_statement_run (statement, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gint64 user_id;
  gint64 session_id;
} SudoOwner;

static gboolean enter_sudo_in_transaction (HearthStore *store, gpointer user_data, GError **error);

/* The new profile starts in sudo mode: its person has just chosen the password,
 * and onboarding goes on to set security questions. */
static gboolean
create_profile_in_transaction (HearthStore  *store,
                               gpointer      user_data,
                               GError      **error)
{
  CreateProfile *data = user_data;
  SudoOwner sudo_owner;
  g_autoptr (HearthStatement) user = NULL;
  g_autoptr (HearthStatement) credential = NULL;
  g_autoptr (HearthStatement) state = NULL;
  gint64 now = hearth_store_now (store);

  /* Again inside the transaction: another profile may have been made since. */
  if (!check_not_taken (store, data->user->username, data->email, 0, error))
    return FALSE;

  user = hearth_store_prepare (store,
                               "INSERT INTO users (username, email, display_name, created_at, updated_at) "
                               "VALUES (?, ?, ?, ?, ?) RETURNING id",
                               error);
  if (user == NULL)
    return FALSE;
  hearth_statement_bind_text (user, 1, data->user->username);
  hearth_statement_bind_text (user, 2, data->email);
  hearth_statement_bind_text (user, 3, data->user->display_name);
  hearth_statement_bind_int64 (user, 4, now);
  hearth_statement_bind_int64 (user, 5, now);
  if (!hearth_statement_fetch_one (user, error))
    return FALSE;
  data->user->id = hearth_statement_get_int64 (user, 0);

  credential = hearth_store_prepare (store,
                                     "INSERT INTO auth_credentials (user_id, type, secret_hash, created_at) "
                                     "VALUES (?, 'PASSWORD', ?, ?)",
                                     error);
  if (credential == NULL)
    return FALSE;
  hearth_statement_bind_int64 (credential, 1, data->user->id);
  hearth_statement_bind_text (credential, 2, data->password_hash);
  hearth_statement_bind_int64 (credential, 3, now);

  state = hearth_store_prepare (store,
                                "INSERT INTO user_account_security_state (user_id, updated_at) VALUES (?, ?)",
                                error);
  if (state == NULL)
    return FALSE;
  hearth_statement_bind_int64 (state, 1, data->user->id);
  hearth_statement_bind_int64 (state, 2, now);

  if (!run (credential, error) ||
      !run (state, error) ||
      !insert_recovery_keys (store, data->user->id, data->key_hashes, error) ||
      !create_session (store, data->user->id, FALSE, NULL, data->session, error))
    return FALSE;

  sudo_owner = (SudoOwner) { data->user->id, data->session->id };
  return enter_sudo_in_transaction (store, &sudo_owner, error) &&
         _hearth_circles_create_personal (store, data->user->id, error) &&
         hearth_audit_record_personal (store, data->user->id, "profile.created", error) &&
         log_event (store, data->user->id, "LOGIN_SUCCESS", "{\"kind\": \"new_profile\"}", error);
}

static GStrv
new_recovery_keys (GPtrArray **out_hashes)
{
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();
  GPtrArray *hashes = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < HEARTH_AUTH_RECOVERY_KEY_COUNT; i++)
    {
      g_autofree char *key = _hearth_recovery_key_new ();
      g_autofree char *canonical = _hearth_recovery_key_canonical (key);

      g_ptr_array_add (hashes, _hearth_token_hash (canonical));
      g_strv_builder_add (keys, key);
      wipe_string (canonical);
      wipe_string (key);
    }

  *out_hashes = hashes;
  return g_strv_builder_end (keys);
}

/**
 * hearth_auth_create_profile:
 * @username: letters, digits, dots, dashes and underscores; unique whatever the case
 * @display_name: the name shown to the family
 * @email: (nullable): an e-mail address, unique, or %NULL
 * @password: the profile's password, which must pass the policy
 * @out_recovery_keys: (out) (transfer full): the profile's 8 recovery keys, to
 *   show once; they are not kept anywhere readable
 *
 * Creates a profile with its password and recovery keys, and signs it in.
 * Slow (one Argon2id hash): call it off the UI thread.
 *
 * Returns: (transfer full): the new profile, signed in, or %NULL
 */
HearthActor *
hearth_auth_create_profile (HearthAuth   *self,
                            const char   *username,
                            const char   *display_name,
                            const char   *email,
                            const char   *password,
                            GStrv        *out_recovery_keys,
                            GError      **error)
{
  g_auto (User) user = { 0 };
  g_auto (NewSession) session = { 0 };
  g_autofree char *email_normalized = NULL;
  g_autofree char *password_hash = NULL;
  g_autoptr (GPtrArray) key_hashes = NULL;
  g_auto (GStrv) keys = NULL;
  CreateProfile data;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);
  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (out_recovery_keys != NULL, NULL);

  user.username = normalize_name (username);
  user.display_name = normalize_name (display_name);
  email_normalized = email != NULL && *email != '\0' ? normalize_name (email) : NULL;

  /* Everything that can be refused is refused before the slow hash. */
  if (!validate_profile_fields (user.username, user.display_name, email_normalized, error) ||
      !hearth_password_check_policy (password, user.username, user.display_name,
                                     HEARTH_PASSWORD_MIN_LENGTH, NULL, error) ||
      !check_not_taken (self->store, user.username, email_normalized, 0, error))
    return NULL;

  password_hash = hearth_password_hash (password, self->cost, error);
  if (password_hash == NULL)
    return NULL;
  keys = new_recovery_keys (&key_hashes);

  data = (CreateProfile) { self, &user, email_normalized, password_hash, key_hashes, &session };
  if (!hearth_store_transaction (self->store, create_profile_in_transaction, &data, error))
    return NULL;

  *out_recovery_keys = g_steal_pointer (&keys);
  return actor_for (&user, &session);
}

/**
 * hearth_auth_has_profiles:
 *
 * Returns: whether any profile exists (if not, Hearth starts with onboarding)
 */
gboolean
hearth_auth_has_profiles (HearthAuth  *self,
                          GError     **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);

  statement = hearth_store_prepare (self->store, "SELECT 1 FROM users LIMIT 1", error);
  if (statement == NULL)
    return FALSE;
  if (hearth_statement_next_row (statement, &local_error))
    return TRUE;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Sign-in ----------------------------------------------------------------------------- */

typedef struct
{
  User        *user;
  gboolean     stay_signed_in;
  const char  *new_hash; /* re-hashed at the current cost, or NULL */
  NewSession  *session;
} SignIn;

static gboolean
update_password_hash (HearthStore  *store,
                      gint64        user_id,
                      const char   *hash,
                      GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "UPDATE auth_credentials SET secret_hash = ? "
                                    "WHERE user_id = ? AND type = 'PASSWORD'",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, hash);
  hearth_statement_bind_int64 (statement, 2, user_id);
  return hearth_statement_run (statement, error);
}

static gboolean
sign_in_in_transaction (HearthStore  *store,
                        gpointer      user_data,
                        GError      **error)
{
  SignIn *data = user_data;

  if (data->new_hash != NULL && !update_password_hash (store, data->user->id, data->new_hash, error))
    return FALSE;

  return reset_lock_state (store, data->user->id, NULL, error) &&
         create_session (store, data->user->id, data->stay_signed_in, NULL, data->session, error) &&
         log_event (store, data->user->id, "LOGIN_SUCCESS",
                    data->stay_signed_in ? "{\"kind\": \"password\", \"stay_signed_in\": true}"
                                         : "{\"kind\": \"password\", \"stay_signed_in\": false}",
                    error) &&
         hearth_audit_record_personal (store, data->user->id, "auth.sign_in", error);
}

/**
 * hearth_auth_sign_in:
 * @username: as typed
 * @password: as typed
 * @stay_signed_in: whether to hand out a refresh token to keep in the keyring
 * @out_refresh_token: (out) (optional) (transfer full): the token, when
 *   @stay_signed_in; %NULL otherwise
 *
 * Checks the password and opens a session. Every failure says the same thing
 * (%HEARTH_AUTH_ERROR_WRONG_CREDENTIALS), whether the profile exists or not, and
 * costs the same time; a cooldown or lock is %HEARTH_AUTH_ERROR_COOLDOWN or
 * %HEARTH_AUTH_ERROR_LOCKED. Slow: call it off the UI thread.
 *
 * Returns: (transfer full): who is now signed in, or %NULL
 */
HearthActor *
hearth_auth_sign_in (HearthAuth   *self,
                     const char   *username,
                     const char   *password,
                     gboolean      stay_signed_in,
                     char        **out_refresh_token,
                     GError      **error)
{
  g_auto (User) user = { 0 };
  g_auto (NewSession) session = { 0 };
  g_autoptr (GError) local_error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *new_hash = NULL;
  SignIn data;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  if (!find_user_by_name (self->store, username, &user, &local_error))
    {
      g_autofree char *dummy = NULL;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      /* Spend what a real check spends, then say what a real failure says. */
      dummy = dup_dummy_hash (self);
      hearth_password_verify (dummy, password);
      if (!log_event (self->store, 0, "LOGIN_FAILED", "{\"kind\": \"password\", \"profile\": \"unknown\"}", error))
        return NULL;
      set_wrong_credentials (error);
      return NULL;
    }

  if (!check_not_locked (self->store, user.id, "password", error))
    return NULL;

  hash = dup_credential_hash (self->store, user.id, "PASSWORD", error);
  if (hash == NULL)
    return NULL;

  if (!hearth_password_verify (hash, password))
    {
      record_failure (self->store, user.id, "password", "LOGIN_FAILED", error);
      return NULL;
    }

  if (hearth_password_needs_rehash (hash, self->cost))
    new_hash = hearth_password_hash (password, self->cost, NULL);

  data = (SignIn) { &user, stay_signed_in, new_hash, &session };
  if (!hearth_store_transaction (self->store, sign_in_in_transaction, &data, error))
    return NULL;

  if (out_refresh_token != NULL)
    *out_refresh_token = stay_signed_in ? g_strdup (session.refresh_token) : NULL;

  return actor_for (&user, &session);
}

typedef struct
{
  gint64       old_session;
  const User  *user;
  const char  *family_id;
  NewSession  *session;
} Rotate;

static gboolean
rotate_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Rotate *data = user_data;
  g_autoptr (HearthStatement) retire = NULL;
  g_autofree char *metadata = NULL;

  /* The old row stays, marked rotated, so that its token is recognised if it
   * is ever presented again. */
  retire = hearth_store_prepare (store,
                                 "UPDATE auth_sessions SET revoked_at = ?1, rotated_at = ?1, last_seen_at = ?1 "
                                 "WHERE id = ?2 AND revoked_at IS NULL RETURNING id",
                                 error);
  if (retire == NULL)
    return FALSE;
  hearth_statement_bind_int64 (retire, 1, hearth_store_now (store));
  hearth_statement_bind_int64 (retire, 2, data->old_session);
  /* Someone else rotated it meanwhile: the token is spent. */
  if (!hearth_statement_fetch_one (retire, NULL))
    return set_invalid_session (error);
  g_clear_pointer (&retire, hearth_statement_release);

  if (!end_sudo_of_revoked_sessions (store, error) ||
      !create_session (store, data->user->id, TRUE, data->family_id, data->session, error))
    return FALSE;

  metadata = g_strdup_printf ("{\"from_session\": %" G_GINT64_FORMAT ", \"to_session\": %" G_GINT64_FORMAT "}",
                              data->old_session, data->session->id);
  return log_event (store, data->user->id, "REFRESH_ROTATED", metadata, error);
}

typedef struct
{
  gint64      user_id;
  const char *family_id;
} Reuse;

static gboolean
revoke_family_in_transaction (HearthStore  *store,
                              gpointer      user_data,
                              GError      **error)
{
  Reuse *data = user_data;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;
  guint count = 0;
  g_autofree char *metadata = NULL;

  statement = hearth_store_prepare (store,
                                    "UPDATE auth_sessions SET revoked_at = ? "
                                    "WHERE family_id = ? AND revoked_at IS NULL RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, hearth_store_now (store));
  hearth_statement_bind_text (statement, 2, data->family_id);
  while (hearth_statement_next_row (statement, &local_error))
    count++;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  metadata = g_strdup_printf ("{\"revoked_sessions\": %u}", count);
  return log_event (store, data->user_id, "REFRESH_REUSE_DETECTED", metadata, error);
}

/**
 * hearth_auth_resume:
 * @user_id: the profile the keyring item names
 * @refresh_token: the token from the keyring
 * @out_new_token: (out) (transfer full): the token that replaces it, to write
 *   back to the keyring
 *
 * Signs in again with a "stay signed in" token, and rotates it. A token that
 * was already rotated away revokes every session of its family
 * (%REFRESH_REUSE_DETECTED): someone copied it.
 *
 * Returns: (transfer full): who is signed in, or %NULL with
 *   %HEARTH_AUTH_ERROR_SESSION_INVALID
 */
HearthActor *
hearth_auth_resume (HearthAuth   *self,
                    gint64        user_id,
                    const char   *refresh_token,
                    char        **out_new_token,
                    GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;
  g_auto (User) user = { 0 };
  g_auto (NewSession) session = { 0 };
  g_autofree char *hash = NULL;
  g_autofree char *stored_hash = NULL;
  g_autofree char *family_id = NULL;
  gint64 session_id;
  gint64 expires_at;
  gboolean revoked;
  gboolean rotated;
  LockState state;
  Rotate rotate;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);
  g_return_val_if_fail (out_new_token != NULL, NULL);

  if (!_hearth_token_is_well_formed (refresh_token))
    {
      set_invalid_session (error);
      return NULL;
    }

  hash = _hearth_token_hash (refresh_token);
  statement = hearth_store_prepare (self->store,
                                    "SELECT id, user_id, refresh_token_hash, family_id, expires_at, "
                                    "revoked_at IS NOT NULL, rotated_at IS NOT NULL "
                                    "FROM auth_sessions WHERE refresh_token_hash = ?",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_text (statement, 1, hash);
  if (!hearth_statement_next_row (statement, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_invalid_session (error);
      return NULL;
    }

  session_id = hearth_statement_get_int64 (statement, 0);
  stored_hash = hearth_statement_dup_text (statement, 2);
  family_id = hearth_statement_dup_text (statement, 3);
  expires_at = hearth_statement_get_int64 (statement, 4);
  revoked = hearth_statement_get_int64 (statement, 5) != 0;
  rotated = hearth_statement_get_int64 (statement, 6) != 0;

  /* Another profile's token never resumes this one. */
  if (hearth_statement_get_int64 (statement, 1) != user_id ||
      sodium_memcmp (stored_hash, hash, strlen (hash)) != 0)
    {
      set_invalid_session (error);
      return NULL;
    }
  g_clear_pointer (&statement, hearth_statement_release);

  if (rotated)
    {
      Reuse reuse = { user_id, family_id };

      if (hearth_store_transaction (self->store, revoke_family_in_transaction, &reuse, error))
        set_invalid_session (error);
      return NULL;
    }

  if (revoked || expires_at <= hearth_store_now (self->store))
    {
      set_invalid_session (error);
      return NULL;
    }

  if (!find_user_by_id (self->store, user_id, &user, error) ||
      !load_lock_state (self->store, user_id, &state, error))
    return NULL;
  if (state.permanently_locked)
    {
      g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_LOCKED,
                           _("This profile is locked after too many failed attempts. "
                             "Unlock it with a recovery key, or ask an owner or admin of your family."));
      return NULL;
    }

  rotate = (Rotate) { session_id, &user, family_id, &session };
  if (!hearth_store_transaction (self->store, rotate_in_transaction, &rotate, error))
    return NULL;

  *out_new_token = g_strdup (session.refresh_token);
  return actor_for (&user, &session);
}

typedef struct
{
  HearthActor *actor;
  gint64       session_id;
  const char  *event;
  gboolean     others;
  guint        count;
} Revoke;

static gboolean
revoke_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Revoke *data = user_data;
  gint64 user_id = hearth_actor_get_user_id (data->actor);
  g_autofree char *metadata = NULL;

  if (data->others)
    {
      if (!revoke_sessions_where (store, "user_id", user_id, hearth_actor_get_session_id (data->actor),
                                  &data->count, error))
        return FALSE;
    }
  else
    {
      g_autoptr (HearthStatement) statement = NULL;

      statement = hearth_store_prepare (store,
                                        "UPDATE auth_sessions SET revoked_at = ? "
                                        "WHERE id = ? AND user_id = ? AND revoked_at IS NULL RETURNING id",
                                        error);
      if (statement == NULL)
        return FALSE;
      hearth_statement_bind_int64 (statement, 1, hearth_store_now (store));
      hearth_statement_bind_int64 (statement, 2, data->session_id);
      hearth_statement_bind_int64 (statement, 3, user_id);
      if (!hearth_statement_fetch_one (statement, error))
        return FALSE;
      g_clear_pointer (&statement, hearth_statement_release);
      if (!end_sudo_of_revoked_sessions (store, error))
        return FALSE;
      data->count = 1;
    }

  if (data->count == 0)
    return TRUE;

  metadata = g_strdup_printf ("{\"sessions\": %u}", data->count);
  if (g_str_equal (data->event, "LOGOUT") &&
      !hearth_audit_record_personal (store, user_id, "auth.sign_out", error))
    return FALSE;
  return log_event (store, user_id, data->event, metadata, error);
}

/**
 * hearth_auth_sign_out:
 *
 * Revokes @actor's session (%LOGOUT). Deleting its keyring item is the
 * caller's part, through HearthKeyring.
 */
gboolean
hearth_auth_sign_out (HearthAuth   *self,
                      HearthActor  *actor,
                      GError      **error)
{
  Revoke revoke = { actor, hearth_actor_get_session_id (actor), "LOGOUT", FALSE, 0 };
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  if (hearth_store_transaction (self->store, revoke_in_transaction, &revoke, &local_error))
    return TRUE;

  /* Already signed out is signed out. */
  if (g_error_matches (local_error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * hearth_auth_revoke_session:
 * @session_id: one of the actor's own sessions
 *
 * Returns: %FALSE with %HEARTH_AUTH_ERROR_SESSION_INVALID when it is not one
 *   of the actor's open sessions
 */
gboolean
hearth_auth_revoke_session (HearthAuth   *self,
                            HearthActor  *actor,
                            gint64        session_id,
                            GError      **error)
{
  Revoke revoke = { actor, session_id, "SESSION_REVOKED", FALSE, 0 };
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  if (!hearth_auth_check_session (self, actor, error))
    return FALSE;

  if (hearth_store_transaction (self->store, revoke_in_transaction, &revoke, &local_error))
    return TRUE;

  if (g_error_matches (local_error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NOT_FOUND))
    return set_invalid_session (error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * hearth_auth_revoke_other_sessions:
 *
 * Returns: how many sessions were revoked (0 on failure, with @error set)
 */
guint
hearth_auth_revoke_other_sessions (HearthAuth   *self,
                                   HearthActor  *actor,
                                   GError      **error)
{
  Revoke revoke = { actor, 0, "SESSION_REVOKED", TRUE, 0 };

  g_return_val_if_fail (HEARTH_IS_AUTH (self), 0);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), 0);

  if (!hearth_auth_check_session (self, actor, error) ||
      !hearth_store_transaction (self->store, revoke_in_transaction, &revoke, error))
    return 0;

  return revoke.count;
}

/* Sudo mode ------------------------------------------------------------------------- */

/* Sudo mode is the session's that confirmed the password: another session of
 * the profile, or one resumed from the keyring, is not in it, and it ends with
 * its session (end_sudo_of_revoked_sessions). */
static gboolean
enter_sudo_in_transaction (HearthStore  *store,
                           gpointer      user_data,
                           GError      **error)
{
  SudoOwner *owner = user_data;
  gint64 user_id = owner->user_id;
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
  hearth_statement_bind_int64 (statement, 5, owner->session_id);
  hearth_statement_bind_int64 (statement, 2, now + HEARTH_AUTH_SUDO_LIFETIME);
  hearth_statement_bind_text (statement, 3, user_agent);
  hearth_statement_bind_int64 (statement, 4, now);

  return hearth_statement_run (statement, error) &&
         reset_lock_state (store, user_id, NULL, error) &&
         log_event (store, user_id, "SUDO_MODE_ENABLED", "{\"method\": \"PASSWORD\"}", error);
}

static gboolean
unlock_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  gint64 user_id = *(gint64 *) user_data;

  return reset_lock_state (store, user_id, NULL, error) &&
         log_event (store, user_id, "LOGIN_SUCCESS", "{\"kind\": \"unlock\"}", error);
}

/**
 * _hearth_auth_unlock_profile:
 * @user_id: the locked profile
 * @by_user_id: the owner or admin who unlocks it
 *
 * Lifts a lockout, a cooldown or the lock after 100 failures, for an owner or
 * admin of a circle the profile is in (SECURITY.md); the circles service checks
 * who may, and calls this inside its transaction.
 */
gboolean
_hearth_auth_unlock_profile (HearthStore  *store,
                             gint64        user_id,
                             gint64        by_user_id,
                             GError      **error)
{
  g_autofree char *metadata = g_strdup_printf ("{\"by\": %" G_GINT64_FORMAT "}", by_user_id);

  return reset_lock_state (store, user_id, metadata, error);
}

/* Checks @password for @actor's profile, counting a failure toward lockout. */
static gboolean
verify_actor_password (HearthAuth   *self,
                       HearthActor  *actor,
                       const char   *password,
                       const char   *kind,
                       GError      **error)
{
  gint64 user_id = hearth_actor_get_user_id (actor);
  g_autofree char *hash = NULL;

  if (!hearth_auth_check_session (self, actor, error) ||
      !check_not_locked (self->store, user_id, kind, error))
    return FALSE;

  hash = dup_credential_hash (self->store, user_id, "PASSWORD", error);
  if (hash == NULL)
    return FALSE;

  if (!hearth_password_verify (hash, password))
    return record_failure (self->store, user_id, kind, "LOGIN_FAILED", error);

  return TRUE;
}

/**
 * hearth_auth_enter_sudo:
 * @password: the actor's password, confirmed again
 *
 * Opens sudo mode for 10 minutes: the protected actions of SECURITY.md may be
 * taken until then. A wrong password counts toward lockout. Slow.
 */
gboolean
hearth_auth_enter_sudo (HearthAuth   *self,
                        HearthActor  *actor,
                        const char   *password,
                        GError      **error)
{
  SudoOwner owner;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  owner = (SudoOwner) { hearth_actor_get_user_id (actor), hearth_actor_get_session_id (actor) };

  return verify_actor_password (self, actor, password, "sudo", error) &&
         hearth_store_transaction (self->store, enter_sudo_in_transaction, &owner, error);
}

/**
 * hearth_auth_require_sudo:
 *
 * What every protected service function calls first.
 *
 * Returns: %TRUE while @actor's session is valid and in sudo mode; otherwise
 *   %FALSE with %HEARTH_AUTH_ERROR_SUDO_REQUIRED (or SESSION_INVALID)
 */
gboolean
hearth_auth_require_sudo (HearthAuth   *self,
                          HearthActor  *actor,
                          GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  if (!hearth_auth_check_session (self, actor, error))
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
  if (hearth_statement_next_row (statement, &local_error))
    return TRUE;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED,
                       _("Confirm your password to continue."));
  return FALSE;
}

/**
 * hearth_auth_unlock:
 * @password: the actor's password
 *
 * Lets a locked window go on with the same session: the password is checked
 * (a failure counts toward lockout, a cooldown applies) and the session must
 * still be valid. Slow.
 */
gboolean
hearth_auth_unlock (HearthAuth   *self,
                    HearthActor  *actor,
                    const char   *password,
                    GError      **error)
{
  gint64 user_id;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  if (!verify_actor_password (self, actor, password, "unlock", error))
    return FALSE;

  user_id = hearth_actor_get_user_id (actor);
  return hearth_store_transaction (self->store, unlock_in_transaction, &user_id, error);
}

/* Passwords and recovery ---------------------------------------------------------------- */

typedef struct
{
  gint64       user_id;
  const char  *hash;
  gint64       keep_session; /* 0: revoke every session */
  gint64       recovery_key; /* the key being spent, or 0 */
  const char  *by;
} NewPassword;

static gboolean
set_password_in_transaction (HearthStore  *store,
                             gpointer      user_data,
                             GError      **error)
{
  NewPassword *data = user_data;
  g_autofree char *metadata = g_strdup_printf ("{\"by\": \"%s\"}", data->by);

  if (data->recovery_key != 0)
    {
      g_autoptr (HearthStatement) spend = NULL;

      spend = hearth_store_prepare (store,
                                    "UPDATE recovery_keys SET used_at = ? WHERE id = ? AND used_at IS NULL "
                                    "RETURNING id",
                                    error);
      if (spend == NULL)
        return FALSE;
      hearth_statement_bind_int64 (spend, 1, hearth_store_now (store));
      hearth_statement_bind_int64 (spend, 2, data->recovery_key);
      /* Spent by a concurrent attempt: as good as wrong. */
      if (!hearth_statement_fetch_one (spend, NULL))
        return set_wrong_credentials (error);
      g_clear_pointer (&spend, hearth_statement_release);

      if (!log_event (store, data->user_id, "RECOVERY_KEY_USED", "{}", error))
        return FALSE;
    }

  return update_password_hash (store, data->user_id, data->hash, error) &&
         revoke_sessions_where (store, "user_id", data->user_id, data->keep_session, NULL, error) &&
         reset_lock_state (store, data->user_id, NULL, error) &&
         log_event (store, data->user_id, "PASSWORD_CHANGED", metadata, error) &&
         hearth_audit_record_personal (store, data->user_id, "auth.password_changed", error);
}

/**
 * hearth_auth_change_password:
 * @old_password: the current password, asked again
 * @new_password: the new one, which must pass the policy
 *
 * Needs sudo mode. Other sessions of the profile are signed out. Slow.
 */
gboolean
hearth_auth_change_password (HearthAuth   *self,
                             HearthActor  *actor,
                             const char   *old_password,
                             const char   *new_password,
                             GError      **error)
{
  g_autofree char *hash = NULL;
  NewPassword data;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  if (!hearth_auth_require_sudo (self, actor, error) ||
      !hearth_password_check_policy (new_password, hearth_actor_get_username (actor),
                                     hearth_actor_get_display_name (actor),
                                     HEARTH_PASSWORD_MIN_LENGTH, NULL, error) ||
      !verify_actor_password (self, actor, old_password, "password", error))
    return FALSE;

  hash = hearth_password_hash (new_password, self->cost, error);
  if (hash == NULL)
    return FALSE;

  data = (NewPassword) { hearth_actor_get_user_id (actor), hash, hearth_actor_get_session_id (actor), 0, "password" };
  return hearth_store_transaction (self->store, set_password_in_transaction, &data, error);
}

typedef struct
{
  gint64     user_id;
  GPtrArray *key_hashes;
} Regenerate;

static gboolean
regenerate_in_transaction (HearthStore  *store,
                           gpointer      user_data,
                           GError      **error)
{
  Regenerate *data = user_data;
  g_autoptr (HearthStatement) drop = NULL;

  drop = hearth_store_prepare (store, "DELETE FROM recovery_keys WHERE user_id = ? AND used_at IS NULL", error);
  if (drop == NULL)
    return FALSE;
  hearth_statement_bind_int64 (drop, 1, data->user_id);

  return hearth_statement_run (drop, error) &&
         insert_recovery_keys (store, data->user_id, data->key_hashes, error) &&
         log_event (store, data->user_id, "RECOVERY_KEY_REGENERATED", "{}", error);
}

/**
 * hearth_auth_regenerate_recovery_keys:
 *
 * Needs sudo mode. Replaces every unused recovery key.
 *
 * Returns: (transfer full): the 8 new keys, to show once, or %NULL
 */
GStrv
hearth_auth_regenerate_recovery_keys (HearthAuth   *self,
                                      HearthActor  *actor,
                                      GError      **error)
{
  g_autoptr (GPtrArray) key_hashes = NULL;
  g_auto (GStrv) keys = NULL;
  Regenerate data;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  if (!hearth_auth_require_sudo (self, actor, error))
    return NULL;

  keys = new_recovery_keys (&key_hashes);
  data = (Regenerate) { hearth_actor_get_user_id (actor), key_hashes };
  if (!hearth_store_transaction (self->store, regenerate_in_transaction, &data, error))
    return NULL;

  return g_steal_pointer (&keys);
}

/**
 * hearth_auth_count_recovery_keys:
 *
 * Returns: how many unused recovery keys @actor has, or -1 on failure
 */
int
hearth_auth_count_recovery_keys (HearthAuth   *self,
                                 HearthActor  *actor,
                                 GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), -1);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), -1);

  if (!hearth_auth_check_session (self, actor, error))
    return -1;

  statement = hearth_store_prepare (self->store,
                                    "SELECT count(*) FROM recovery_keys WHERE user_id = ? AND used_at IS NULL",
                                    error);
  if (statement == NULL)
    return -1;
  hearth_statement_bind_int64 (statement, 1, hearth_actor_get_user_id (actor));
  if (!hearth_statement_fetch_one (statement, error))
    return -1;

  return (int) hearth_statement_get_int64 (statement, 0);
}

/* The profile whose password a reset would replace, when @new_password may be
 * used for it. An unknown username fails like a wrong key or answer. */
static gboolean
find_reset_target (HearthStore  *store,
                   const char   *username,
                   const char   *new_password,
                   User         *out_user,
                   GError      **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!find_user_by_name (store, username, out_user, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return set_wrong_credentials (error);
    }

  return hearth_password_check_policy (new_password, out_user->username, out_user->display_name,
                                       HEARTH_PASSWORD_MIN_LENGTH, NULL, error);
}

/**
 * hearth_auth_reset_password_with_recovery_key:
 * @recovery_key: as typed; case, dashes and spaces do not matter
 * @new_password: the new password, which must pass the policy
 *
 * Spends the key, sets the new password, unlocks the profile and signs out
 * every session. Works while the profile is locked for good: this is what
 * unlocks it. A wrong key counts toward lockout (%RECOVERY_FAILED) and is
 * refused during a cooldown like a password; a string that cannot be a key
 * (%HEARTH_AUTH_ERROR_INVALID_INPUT) is not counted. Slow.
 */
gboolean
hearth_auth_reset_password_with_recovery_key (HearthAuth   *self,
                                              const char   *username,
                                              const char   *recovery_key,
                                              const char   *new_password,
                                              GError      **error)
{
  g_auto (User) user = { 0 };
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *key_hash = NULL;
  g_autofree char *hash = NULL;
  gint64 key_id;
  NewPassword data;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (username != NULL, FALSE);
  g_return_val_if_fail (new_password != NULL, FALSE);

  if (!find_reset_target (self->store, username, new_password, &user, error))
    return FALSE;

  canonical = _hearth_recovery_key_canonical (recovery_key);
  if (canonical == NULL)
    {
      g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_INVALID_INPUT,
                           _("This is not a recovery key. A key has sixteen letters and digits, "
                             "like ABCD-EFGH-JKMN-PQRS."));
      return FALSE;
    }

  if (!check_not_locked (self->store, user.id, "recovery_key", error))
    {
      wipe_string (canonical);
      return FALSE;
    }

  key_hash = _hearth_token_hash (canonical);
  wipe_string (canonical);
  statement = hearth_store_prepare (self->store,
                                    "SELECT id FROM recovery_keys WHERE user_id = ? AND key_hash = ? "
                                    "AND used_at IS NULL",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, user.id);
  hearth_statement_bind_text (statement, 2, key_hash);
  if (!hearth_statement_next_row (statement, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return record_failure (self->store, user.id, "recovery_key", "RECOVERY_FAILED", error);
    }
  key_id = hearth_statement_get_int64 (statement, 0);
  g_clear_pointer (&statement, hearth_statement_release);

  hash = hearth_password_hash (new_password, self->cost, error);
  if (hash == NULL)
    return FALSE;

  data = (NewPassword) { user.id, hash, 0, key_id, "recovery_key" };
  return hearth_store_transaction (self->store, set_password_in_transaction, &data, error);
}

/* Security questions ---------------------------------------------------------------------- */

/* What security_questions.answer_hash holds: the answers are checked together,
 * against the profile's SECRET_QUESTION credential, and never one by one. */
#define HEARTH_ANSWER_HASH_COMBINED "combined:auth_credentials.SECRET_QUESTION"

typedef struct
{
  gint64              user_id;
  const char * const *questions;
  guint               n_questions;
  const char         *combined_hash;
} Questions;

static gboolean
set_questions_in_transaction (HearthStore  *store,
                              gpointer      user_data,
                              GError      **error)
{
  Questions *data = user_data;
  g_autoptr (HearthStatement) drop_questions = NULL;
  g_autoptr (HearthStatement) drop_credential = NULL;
  g_autoptr (HearthStatement) credential = NULL;
  g_autofree char *metadata = NULL;
  gint64 now = hearth_store_now (store);

  drop_questions = hearth_store_prepare (store, "DELETE FROM security_questions WHERE user_id = ?", error);
  drop_credential = hearth_store_prepare (store,
                                          "DELETE FROM auth_credentials WHERE user_id = ? AND type = 'SECRET_QUESTION'",
                                          error);
  if (drop_questions == NULL || drop_credential == NULL)
    return FALSE;
  hearth_statement_bind_int64 (drop_questions, 1, data->user_id);
  hearth_statement_bind_int64 (drop_credential, 1, data->user_id);
  if (!hearth_statement_run (drop_questions, error) || !hearth_statement_run (drop_credential, error))
    return FALSE;

  for (guint i = 0; i < data->n_questions; i++)
    {
      g_autoptr (HearthStatement) statement = NULL;

      statement = hearth_store_prepare (store,
                                        "INSERT INTO security_questions (user_id, question, answer_hash, created_at) "
                                        "VALUES (?, ?, ?, ?)",
                                        error);
      if (statement == NULL)
        return FALSE;
      hearth_statement_bind_int64 (statement, 1, data->user_id);
      hearth_statement_bind_text (statement, 2, data->questions[i]);
      hearth_statement_bind_text (statement, 3, HEARTH_ANSWER_HASH_COMBINED);
      hearth_statement_bind_int64 (statement, 4, now);
      if (!hearth_statement_run (statement, error))
        return FALSE;
    }

  metadata = g_strdup_printf ("{\"questions\": %u}", data->n_questions);
  credential = hearth_store_prepare (store,
                                     "INSERT INTO auth_credentials (user_id, type, secret_hash, metadata, created_at) "
                                     "VALUES (?, 'SECRET_QUESTION', ?, ?, ?)",
                                     error);
  if (credential == NULL)
    return FALSE;
  hearth_statement_bind_int64 (credential, 1, data->user_id);
  hearth_statement_bind_text (credential, 2, data->combined_hash);
  hearth_statement_bind_text (credential, 3, metadata);
  hearth_statement_bind_int64 (credential, 4, now);

  return hearth_statement_run (credential, error) &&
         log_event (store, data->user_id, "SECURITY_QUESTIONS_CHANGED", metadata, error);
}

/* All answers as one secret, in order: what a reset verifies, with one hash. */
static char *
join_answers (const char * const *answers)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; answers[i] != NULL; i++)
    {
      g_autofree char *normalized = _hearth_answer_normalize (answers[i]);

      if (normalized == NULL)
        {
          wipe_string (joined->str);
          g_string_free (joined, TRUE);
          return NULL;
        }
      if (i > 0)
        g_string_append_c (joined, '\x1f');
      g_string_append (joined, normalized);
      wipe_string (normalized);
    }

  return g_string_free (joined, FALSE);
}

/**
 * hearth_auth_set_security_questions:
 * @questions: (array zero-terminated=1): at least 3 questions
 * @answers: (array zero-terminated=1): their answers, in the same order
 *
 * Needs sudo mode. Replaces the profile's questions. Answers are normalised
 * (NFKC, case-folded, trimmed, inner spaces collapsed) and hashed together,
 * in order, with Argon2id: never one alone, so that a copy of the file does
 * not let each answer be guessed apart. The seed's answer_hash column says so
 * (%HEARTH_ANSWER_HASH_COMBINED). Slow: one hash.
 */
gboolean
hearth_auth_set_security_questions (HearthAuth          *self,
                                    HearthActor         *actor,
                                    const char * const  *questions,
                                    const char * const  *answers,
                                    GError             **error)
{
  g_autofree char *joined = NULL;
  g_autofree char *combined_hash = NULL;
  guint n;
  Questions data;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (questions != NULL && answers != NULL, FALSE);

  if (!hearth_auth_require_sudo (self, actor, error))
    return FALSE;

  n = g_strv_length ((GStrv) questions);
  if (n < HEARTH_AUTH_MIN_SECURITY_QUESTIONS || g_strv_length ((GStrv) answers) != n)
    return set_invalid_input (error, _("Choose at least three questions and answer each of them."));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *answer = _hearth_answer_normalize (answers[i]);
      g_autofree char *question = normalize_name (questions[i]);

      if (question == NULL || *question == '\0' || g_utf8_strlen (question, -1) > 256)
        return set_invalid_input (error, _("A question is empty or too long."));
      if (answer == NULL || *answer == '\0')
        return set_invalid_input (error, _("Answer each question."));

      wipe_string (answer);
    }

  joined = join_answers (answers);
  combined_hash = hearth_password_hash (joined, self->cost, error);
  wipe_string (joined);
  if (combined_hash == NULL)
    return FALSE;

  data = (Questions) { hearth_actor_get_user_id (actor), questions, n, combined_hash };
  return hearth_store_transaction (self->store, set_questions_in_transaction, &data, error);
}

/**
 * hearth_auth_dup_security_questions:
 *
 * Returns: (transfer full): the profile's questions, in order, for the reset
 *   screen; %NULL with %HEARTH_AUTH_ERROR_INVALID_INPUT when it has none
 */
GStrv
hearth_auth_dup_security_questions (HearthAuth   *self,
                                    const char   *username,
                                    GError      **error)
{
  g_auto (User) user = { 0 };
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GStrvBuilder) questions = g_strv_builder_new ();
  g_autoptr (GError) local_error = NULL;
  guint n = 0;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);

  if (!find_user_by_name (self->store, username, &user, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_invalid_input (error, _("This profile has no security questions."));
      return NULL;
    }

  statement = hearth_store_prepare (self->store,
                                    "SELECT question FROM security_questions WHERE user_id = ? ORDER BY id",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, user.id);
  while (hearth_statement_next_row (statement, &local_error))
    {
      g_strv_builder_add (questions, hearth_statement_get_text (statement, 0));
      n++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (n == 0)
    {
      set_invalid_input (error, _("This profile has no security questions."));
      return NULL;
    }

  return g_strv_builder_end (questions);
}

/**
 * hearth_auth_reset_password_with_answers:
 * @answers: (array zero-terminated=1): the answers, in the questions' order
 *
 * When every answer is right, sets the new password and signs out every
 * session. Wrong answers count toward lockout (%RECOVERY_FAILED); a cooldown
 * applies as to passwords. Slow.
 */
gboolean
hearth_auth_reset_password_with_answers (HearthAuth          *self,
                                         const char          *username,
                                         const char * const  *answers,
                                         const char          *new_password,
                                         GError             **error)
{
  g_auto (User) user = { 0 };
  g_autoptr (GError) local_error = NULL;
  g_autofree char *combined = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *hash = NULL;
  gboolean right;
  NewPassword data;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);
  g_return_val_if_fail (new_password != NULL, FALSE);

  if (!find_reset_target (self->store, username, new_password, &user, error) ||
      !check_not_locked (self->store, user.id, "security_answers", error))
    return FALSE;

  combined = dup_credential_hash (self->store, user.id, "SECRET_QUESTION", &local_error);
  if (combined == NULL)
    {
      if (!g_error_matches (local_error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return set_invalid_input (error, _("This profile has no security questions."));
    }

  joined = join_answers (answers);
  right = joined != NULL && hearth_password_verify (combined, joined);
  wipe_string (joined);
  if (!right)
    return record_failure (self->store, user.id, "security_answers", "RECOVERY_FAILED", error);

  hash = hearth_password_hash (new_password, self->cost, error);
  if (hash == NULL)
    return FALSE;

  data = (NewPassword) { user.id, hash, 0, 0, "security_answers" };
  return hearth_store_transaction (self->store, set_password_in_transaction, &data, error);
}

/* Changing and deleting a profile --------------------------------------------------------- */

typedef struct
{
  gint64      user_id;
  const char *username;     /* NULL: unchanged */
  const char *display_name; /* NULL: unchanged */
  const char *email;        /* NULL: unchanged; "" removes it */
} ProfileChange;

static gboolean
update_profile_in_transaction (HearthStore  *store,
                               gpointer      user_data,
                               GError      **error)
{
  ProfileChange *change = user_data;
  g_autoptr (HearthStatement) statement = NULL;

  if (!check_not_taken (store, change->username,
                        change->email != NULL && *change->email != '\0' ? change->email : NULL,
                        change->user_id, error))
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "UPDATE users SET username = ifnull (?1, username), "
                                    "display_name = ifnull (?2, display_name), "
                                    "email = CASE WHEN ?3 IS NULL THEN email WHEN ?3 = '' THEN NULL ELSE ?3 END, "
                                    "updated_at = ?4 WHERE id = ?5",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, change->username);
  hearth_statement_bind_text (statement, 2, change->display_name);
  hearth_statement_bind_text (statement, 3, change->email);
  hearth_statement_bind_int64 (statement, 4, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 5, change->user_id);

  return hearth_statement_run (statement, error) &&
         hearth_audit_record_personal (store, change->user_id, "profile.updated", error);
}

/**
 * hearth_auth_update_profile:
 * @username: (nullable): a new username, or %NULL to keep it
 * @display_name: (nullable): a new name, or %NULL to keep it
 * @email: (nullable): a new e-mail address, "" to remove it, or %NULL to keep it
 *
 * Changes the actor's own profile. The actor's #HearthActor keeps the names it
 * was made with; sign in again, or read the profile list, to see the new ones.
 */
gboolean
hearth_auth_update_profile (HearthAuth   *self,
                            HearthActor  *actor,
                            const char   *username,
                            const char   *display_name,
                            const char   *email,
                            GError      **error)
{
  g_autofree char *new_username = username != NULL ? normalize_name (username) : NULL;
  g_autofree char *new_display_name = display_name != NULL ? normalize_name (display_name) : NULL;
  g_autofree char *new_email = email != NULL ? normalize_name (email) : NULL;
  ProfileChange change;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  if (!hearth_auth_check_session (self, actor, error))
    return FALSE;

  if (!validate_profile_fields (new_username != NULL ? new_username : hearth_actor_get_username (actor),
                                new_display_name != NULL ? new_display_name : hearth_actor_get_display_name (actor),
                                new_email, error))
    return FALSE;

  change = (ProfileChange) { hearth_actor_get_user_id (actor), new_username, new_display_name, new_email };
  return hearth_store_transaction (self->store, update_profile_in_transaction, &change, error);
}

static gboolean
delete_profile_in_transaction (HearthStore  *store,
                               gpointer      user_data,
                               GError      **error)
{
  gint64 user_id = *(gint64 *) user_data;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;

  /* The audit row names the profile by id: it outlives the profile. */
  if (!hearth_audit_record_personal (store, user_id, "profile.deleted", error))
    return FALSE;

  statement = hearth_store_prepare (store, "DELETE FROM users WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, user_id);
  if (_hearth_circles_delete_personal (store, user_id, &local_error) &&
      hearth_statement_run (statement, &local_error))
    return TRUE;

  if (g_error_matches (local_error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT))
    {
      g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_FAILED,
                           _("This profile still owns circles, accounts, notes or contacts. "
                             "Hand them over or remove them first."));
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * hearth_auth_delete_profile:
 *
 * Needs sudo mode. Deletes the actor's profile with its credentials, sessions,
 * recovery keys and security questions. Its security events and the audit log
 * stay. Refused while the profile still owns shared things.
 */
gboolean
hearth_auth_delete_profile (HearthAuth   *self,
                            HearthActor  *actor,
                            GError      **error)
{
  gint64 user_id;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  if (!hearth_auth_require_sudo (self, actor, error))
    return FALSE;

  user_id = hearth_actor_get_user_id (actor);
  return hearth_store_transaction (self->store, delete_profile_in_transaction, &user_id, error);
}
