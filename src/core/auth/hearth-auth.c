/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "hearth-actor-private.h"
#include "hearth-audit.h"
#include "hearth-auth.h"
#include "hearth-auth-private.h"
#include "hearth-circles-private.h"
#include "hearth-guard-private.h"
#include "hearth-store.h"
#include "hearth-tokens-private.h"

/*
 * HearthAuth: profiles, sign-in, sudo mode, recovery keys and security
 * questions, as ../shared/design/SECURITY.md asks: everything that checks what
 * a person knows. Sessions, the lockout ladder and sudo rows are the guard's
 * (hearth-guard.c), beneath every service; a profile's personal circle is the
 * circles service's. Changing a password and recovery are in
 * hearth-auth-recovery.c, the screens' reads in hearth-auth-queries.c, the
 * asynchronous wrappers in hearth-auth-async.c. Every change is one
 * transaction with its security event; slow work (Argon2id) happens before the
 * transaction opens, so the write lock is never held across a hash.
 */

G_DEFINE_FINAL_TYPE (HearthAuth, hearth_auth, G_TYPE_OBJECT)

static void
hearth_auth_dispose (GObject *object)
{
  HearthAuth *self = HEARTH_AUTH (object);

  g_clear_object (&self->store);
  g_clear_object (&self->guard);

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
 * @guard: the guard of the store it works on, from this thread
 * @cost: what one password hash costs: hearth_password_cost_default() in the
 *   application, a cheap cost in tests
 *
 * Returns: (transfer full): the auth service
 */
HearthAuth *
hearth_auth_new (HearthGuard        *guard,
                 HearthPasswordCost  cost)
{
  HearthAuth *self;

  g_return_val_if_fail (HEARTH_IS_GUARD (guard), NULL);

  self = g_object_new (HEARTH_TYPE_AUTH, NULL);
  self->guard = g_object_ref (guard);
  self->store = g_object_ref (hearth_guard_get_store (guard));
  self->cost = cost;

  return self;
}

/**
 * hearth_auth_get_guard:
 *
 * Returns: (transfer none): the guard it works with
 */
HearthGuard *
hearth_auth_get_guard (HearthAuth *self)
{
  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);

  return self->guard;
}

HearthStore *
hearth_auth_get_store (HearthAuth *self)
{
  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);

  return self->store;
}

/* Small helpers ------------------------------------------------------------------ */

gboolean
_hearth_auth_set_invalid_input (GError     **error,
                                const char  *message)
{
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_INVALID_INPUT, message);
  return FALSE;
}

static gboolean
run (HearthStatement  *statement,
     GError          **error)
{
  return statement != NULL && hearth_statement_run (statement, error);
}

void
_hearth_auth_user_clear (HearthAuthUser *user)
{
  g_clear_pointer (&user->username, g_free);
  g_clear_pointer (&user->display_name, g_free);
}

char *
_hearth_auth_normalize_name (const char *text)
{
  g_autofree char *nfkc = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  return g_strdup (g_strstrip (nfkc));
}

/* Finds a profile by username, whatever its case. Returns FALSE without an error
 * when there is none. */
gboolean
_hearth_auth_find_user_by_name (HearthStore     *store,
                                const char      *username,
                                HearthAuthUser  *out_user,
                                GError         **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  gboolean found;
  g_autofree char *normalized = _hearth_auth_normalize_name (username);

  if (normalized == NULL)
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "SELECT id, username, display_name FROM users WHERE username = ?",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_text (statement, 1, normalized);
  if (!hearth_statement_fetch_optional (statement, &found, error) || !found)
    return FALSE;

  out_user->id = hearth_statement_get_int64 (statement, 0);
  out_user->username = hearth_statement_dup_text (statement, 1);
  out_user->display_name = hearth_statement_dup_text (statement, 2);
  return TRUE;
}

static gboolean
find_user_by_id (HearthStore  *store,
                 gint64        user_id,
                 HearthAuthUser         *out_user,
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

char *
_hearth_auth_dup_credential_hash (HearthStore  *store,
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
  g_auto (HearthAuthUser) user = { 0 };

  g_return_val_if_fail (HEARTH_IS_AUTH (self), 0);
  g_return_val_if_fail (username != NULL, 0);

  if (!_hearth_auth_find_user_by_name (self->store, username, &user, NULL))
    return 0;

  return _hearth_guard_get_cooldown_remaining (self->store, user.id);
}

static HearthActor *
actor_for (const HearthAuthUser       *user,
           const HearthNewSession *session)
{
  return _hearth_actor_new (user->id, session->id, user->username, user->display_name,
                            session->csrf_token);
}

/* Profiles ------------------------------------------------------------------------- */

static gboolean
validate_profile_fields (const char  *username,
                         const char  *display_name,
                         const char  *email,
                         GError     **error)
{
  if (username == NULL || *username == '\0')
    return _hearth_auth_set_invalid_input (error, _("Choose a username."));
  if (g_utf8_strlen (username, -1) > 64)
    return _hearth_auth_set_invalid_input (error, _("A username has at most 64 characters."));
  for (const char *p = username; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '.' && c != '-' && c != '_')
        return _hearth_auth_set_invalid_input (error, _("A username has only letters, digits, dots, dashes and "
                                                        "underscores."));
    }

  if (display_name == NULL || *display_name == '\0')
    return _hearth_auth_set_invalid_input (error, _("Enter your name."));
  if (g_utf8_strlen (display_name, -1) > 128)
    return _hearth_auth_set_invalid_input (error, _("A name has at most 128 characters."));

  if (email != NULL && *email != '\0')
    {
      const char *at = strchr (email, '@');

      if (at == NULL || at == email || at[1] == '\0' || strchr (email, ' ') != NULL ||
          strlen (email) > 254)
        return _hearth_auth_set_invalid_input (error, _("That e-mail address is not complete."));
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
  gboolean taken;

  statement = hearth_store_prepare (store,
                                    "SELECT username = ?1 FROM users WHERE id <> ?3 "
                                    "AND (username = ?1 OR email = ?2)",
                                    error);
  if (statement == NULL)
    return FALSE;

  hearth_statement_bind_text (statement, 1, username);
  hearth_statement_bind_text (statement, 2, email);
  hearth_statement_bind_int64 (statement, 3, except_user_id);
  if (!hearth_statement_fetch_optional (statement, &taken, error))
    return FALSE;
  if (!taken)
    return TRUE;

  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_TAKEN,
                       hearth_statement_get_int64 (statement, 0)
                       ? _("Another profile has that username.")
                       : _("Another profile has that e-mail address."));
  return FALSE;
}

typedef struct
{
  HearthAuth  *self;
  HearthAuthUser        *user;
  const char  *email;
  const char  *password_hash;
  GPtrArray   *key_hashes;
  HearthNewSession  *session;
} CreateProfile;

gboolean
_hearth_auth_insert_recovery_keys (HearthStore  *store,
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

/* The new profile starts in sudo mode: its person has just chosen the password,
 * and onboarding goes on to set security questions. */
static gboolean
create_profile_in_transaction (HearthStore  *store,
                               gpointer      user_data,
                               GError      **error)
{
  CreateProfile *data = user_data;
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
      !_hearth_auth_insert_recovery_keys (store, data->user->id, data->key_hashes, error) ||
      !_hearth_guard_create_session (store, data->user->id, FALSE, NULL, data->session, error))
    return FALSE;

  return _hearth_guard_grant_sudo (store, data->user->id, data->session->id, error) &&
         _hearth_circles_create_personal (store, data->user->id, error) &&
         hearth_audit_record_personal (store, data->user->id, "profile.created", error) &&
         _hearth_guard_log_event (store, data->user->id, "LOGIN_SUCCESS", "{\"kind\": \"new_profile\"}", error);
}

GStrv
_hearth_auth_new_recovery_keys (GPtrArray **out_hashes)
{
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();
  GPtrArray *hashes = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < HEARTH_AUTH_RECOVERY_KEY_COUNT; i++)
    {
      g_autofree char *key = _hearth_recovery_key_new ();
      g_autofree char *canonical = _hearth_recovery_key_canonical (key);

      g_ptr_array_add (hashes, _hearth_token_hash (canonical));
      g_strv_builder_add (keys, key);
      _hearth_token_wipe (canonical);
      _hearth_token_wipe (key);
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
  g_auto (HearthAuthUser) user = { 0 };
  g_auto (HearthNewSession) session = { 0 };
  g_autofree char *email_normalized = NULL;
  g_autofree char *password_hash = NULL;
  g_autoptr (GPtrArray) key_hashes = NULL;
  g_auto (GStrv) keys = NULL;
  CreateProfile data;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);
  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (out_recovery_keys != NULL, NULL);

  user.username = _hearth_auth_normalize_name (username);
  user.display_name = _hearth_auth_normalize_name (display_name);
  email_normalized = email != NULL && *email != '\0' ? _hearth_auth_normalize_name (email) : NULL;

  /* Everything that can be refused is refused before the slow hash. */
  if (!validate_profile_fields (user.username, user.display_name, email_normalized, error) ||
      !hearth_password_check_policy (password, user.username, user.display_name,
                                     HEARTH_PASSWORD_MIN_LENGTH, NULL, error) ||
      !check_not_taken (self->store, user.username, email_normalized, 0, error))
    return NULL;

  password_hash = hearth_password_hash (password, self->cost, error);
  if (password_hash == NULL)
    return NULL;
  keys = _hearth_auth_new_recovery_keys (&key_hashes);

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
  gboolean found;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);

  statement = hearth_store_prepare (self->store, "SELECT 1 FROM users LIMIT 1", error);
  if (statement == NULL)
    return FALSE;
  return hearth_statement_fetch_optional (statement, &found, error) && found;
}

/* Sign-in ----------------------------------------------------------------------------- */

typedef struct
{
  HearthAuthUser        *user;
  gboolean     stay_signed_in;
  const char  *new_hash; /* re-hashed at the current cost, or NULL */
  HearthNewSession  *session;
} SignIn;

gboolean
_hearth_auth_update_password_hash (HearthStore  *store,
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

  if (data->new_hash != NULL && !_hearth_auth_update_password_hash (store, data->user->id, data->new_hash, error))
    return FALSE;

  return _hearth_guard_reset_lock_state (store, data->user->id, NULL, error) &&
         _hearth_guard_create_session (store, data->user->id, data->stay_signed_in, NULL, data->session, error) &&
         _hearth_guard_log_event (store, data->user->id, "LOGIN_SUCCESS",
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
  g_auto (HearthAuthUser) user = { 0 };
  g_auto (HearthNewSession) session = { 0 };
  g_autoptr (GError) local_error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *new_hash = NULL;
  SignIn data;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  if (!_hearth_auth_find_user_by_name (self->store, username, &user, &local_error))
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
      if (!_hearth_guard_log_event (self->store, 0, "LOGIN_FAILED", "{\"kind\": \"password\", \"profile\": "
                                                                    "\"unknown\"}", error))
        return NULL;
      _hearth_guard_set_wrong_credentials (error);
      return NULL;
    }

  if (!_hearth_guard_check_not_locked (self->store, user.id, "password", error))
    return NULL;

  hash = _hearth_auth_dup_credential_hash (self->store, user.id, "PASSWORD", error);
  if (hash == NULL)
    return NULL;

  if (!hearth_password_verify (hash, password))
    {
      _hearth_guard_record_failure (self->store, user.id, "password", "LOGIN_FAILED", error);
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
  const HearthAuthUser  *user;
  const char  *family_id;
  HearthNewSession  *session;
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
    return _hearth_guard_set_invalid_session (error);
  g_clear_pointer (&retire, hearth_statement_release);

  if (!_hearth_guard_end_sudo_of_revoked_sessions (store, error) ||
      !_hearth_guard_create_session (store, data->user->id, TRUE, data->family_id, data->session, error))
    return FALSE;

  metadata = g_strdup_printf ("{\"from_session\": %" G_GINT64_FORMAT ", \"to_session\": %" G_GINT64_FORMAT "}",
                              data->old_session, data->session->id);
  return _hearth_guard_log_event (store, data->user->id, "REFRESH_ROTATED", metadata, error);
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
  guint count = 0;
  g_autofree char *metadata = NULL;

  if (!_hearth_guard_revoke_family (store, data->family_id, &count, error))
    return FALSE;

  metadata = g_strdup_printf ("{\"revoked_sessions\": %u}", count);
  return _hearth_guard_log_event (store, data->user_id, "REFRESH_REUSE_DETECTED", metadata, error);
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
  gboolean found;
  g_auto (HearthAuthUser) user = { 0 };
  g_auto (HearthNewSession) session = { 0 };
  g_autofree char *hash = NULL;
  g_autofree char *stored_hash = NULL;
  g_autofree char *family_id = NULL;
  gint64 session_id;
  gint64 expires_at;
  gboolean revoked;
  gboolean rotated;
  Rotate rotate;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);
  g_return_val_if_fail (out_new_token != NULL, NULL);

  if (!_hearth_token_is_well_formed (refresh_token))
    {
      _hearth_guard_set_invalid_session (error);
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
  if (!hearth_statement_fetch_optional (statement, &found, error))
    return NULL;
  if (!found)
    {
      _hearth_guard_set_invalid_session (error);
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
      _hearth_guard_set_invalid_session (error);
      return NULL;
    }
  g_clear_pointer (&statement, hearth_statement_release);

  if (rotated)
    {
      Reuse reuse = { user_id, family_id };

      if (hearth_store_transaction (self->store, revoke_family_in_transaction, &reuse, error))
        _hearth_guard_set_invalid_session (error);
      return NULL;
    }

  if (revoked || expires_at <= hearth_store_now (self->store))
    {
      _hearth_guard_set_invalid_session (error);
      return NULL;
    }

  if (!find_user_by_id (self->store, user_id, &user, error) ||
      !_hearth_guard_check_not_locked_for_good (self->store, user_id, error))
    return NULL;

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
      if (!_hearth_guard_revoke_sessions_where (store, "user_id", user_id, hearth_actor_get_session_id (data->actor),
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
      if (!_hearth_guard_end_sudo_of_revoked_sessions (store, error))
        return FALSE;
      data->count = 1;
    }

  if (data->count == 0)
    return TRUE;

  metadata = g_strdup_printf ("{\"sessions\": %u}", data->count);
  if (g_str_equal (data->event, "LOGOUT") &&
      !hearth_audit_record_personal (store, user_id, "auth.sign_out", error))
    return FALSE;
  return _hearth_guard_log_event (store, user_id, data->event, metadata, error);
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

  if (!hearth_guard_check_session (self->guard, actor, error))
    return FALSE;

  if (hearth_store_transaction (self->store, revoke_in_transaction, &revoke, &local_error))
    return TRUE;

  if (g_error_matches (local_error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NOT_FOUND))
    return _hearth_guard_set_invalid_session (error);
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

  if (!hearth_guard_check_session (self->guard, actor, error) ||
      !hearth_store_transaction (self->store, revoke_in_transaction, &revoke, error))
    return 0;

  return revoke.count;
}

/* Sudo mode ------------------------------------------------------------------------- */

static gboolean
unlock_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  gint64 user_id = *(gint64 *) user_data;

  return _hearth_guard_reset_lock_state (store, user_id, NULL, error) &&
         _hearth_guard_log_event (store, user_id, "LOGIN_SUCCESS", "{\"kind\": \"unlock\"}", error);
}

/* Checks @password for @actor's profile, counting a failure toward lockout. */
gboolean
_hearth_auth_verify_actor_password (HearthAuth   *self,
                                    HearthActor  *actor,
                                    const char   *password,
                                    const char   *kind,
                                    GError      **error)
{
  gint64 user_id = hearth_actor_get_user_id (actor);
  g_autofree char *hash = NULL;

  if (!hearth_guard_check_session (self->guard, actor, error) ||
      !_hearth_guard_check_not_locked (self->store, user_id, kind, error))
    return FALSE;

  hash = _hearth_auth_dup_credential_hash (self->store, user_id, "PASSWORD", error);
  if (hash == NULL)
    return FALSE;

  if (!hearth_password_verify (hash, password))
    return _hearth_guard_record_failure (self->store, user_id, kind, "LOGIN_FAILED", error);

  return TRUE;
}

typedef struct
{
  gint64 user_id;
  gint64 session_id;
} SudoOwner;

static gboolean
enter_sudo_in_transaction (HearthStore  *store,
                           gpointer      user_data,
                           GError      **error)
{
  SudoOwner *owner = user_data;

  return _hearth_guard_grant_sudo (store, owner->user_id, owner->session_id, error);
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

  return _hearth_auth_verify_actor_password (self, actor, password, "sudo", error) &&
         hearth_store_transaction (self->store, enter_sudo_in_transaction, &owner, error);
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

  if (!_hearth_auth_verify_actor_password (self, actor, password, "unlock", error))
    return FALSE;

  user_id = hearth_actor_get_user_id (actor);
  return hearth_store_transaction (self->store, unlock_in_transaction, &user_id, error);
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
  g_autofree char *new_username = username != NULL ? _hearth_auth_normalize_name (username) : NULL;
  g_autofree char *new_display_name = display_name != NULL ? _hearth_auth_normalize_name (display_name) : NULL;
  g_autofree char *new_email = email != NULL ? _hearth_auth_normalize_name (email) : NULL;
  ProfileChange change;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  if (!hearth_guard_check_session (self->guard, actor, error))
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

  if (!hearth_guard_require_sudo (self->guard, actor, error))
    return FALSE;

  user_id = hearth_actor_get_user_id (actor);
  return hearth_store_transaction (self->store, delete_profile_in_transaction, &user_id, error);
}
