/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "hearth-audit.h"
#include "hearth-auth.h"
#include "hearth-auth-private.h"
#include "hearth-guard-private.h"
#include "hearth-store.h"
#include "hearth-tokens-private.h"

/*
 * The auth service's second half: changing a password, and getting back into
 * a profile whose password is lost, with a recovery key or the answers to its
 * security questions (SECURITY.md). Every attempt climbs the guard's lockout
 * ladder; every change is one transaction with its security event.
 */

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
        return _hearth_guard_set_wrong_credentials (error);
      g_clear_pointer (&spend, hearth_statement_release);

      if (!_hearth_guard_log_event (store, data->user_id, "RECOVERY_KEY_USED", "{}", error))
        return FALSE;
    }

  return _hearth_auth_update_password_hash (store, data->user_id, data->hash, error) &&
         _hearth_guard_revoke_sessions_where (store, "user_id", data->user_id, data->keep_session, NULL, error) &&
         _hearth_guard_reset_lock_state (store, data->user_id, NULL, error) &&
         _hearth_guard_log_event (store, data->user_id, "PASSWORD_CHANGED", metadata, error) &&
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

  if (!hearth_guard_require_sudo (self->guard, actor, error) ||
      !hearth_password_check_policy (new_password, hearth_actor_get_username (actor),
                                     hearth_actor_get_display_name (actor),
                                     HEARTH_PASSWORD_MIN_LENGTH, NULL, error) ||
      !_hearth_auth_verify_actor_password (self, actor, old_password, "password", error))
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
         _hearth_auth_insert_recovery_keys (store, data->user_id, data->key_hashes, error) &&
         _hearth_guard_log_event (store, data->user_id, "RECOVERY_KEY_REGENERATED", "{}", error);
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

  if (!hearth_guard_require_sudo (self->guard, actor, error))
    return NULL;

  keys = _hearth_auth_new_recovery_keys (&key_hashes);
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

  if (!hearth_guard_check_session (self->guard, actor, error))
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
                   HearthAuthUser         *out_user,
                   GError      **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!_hearth_auth_find_user_by_name (store, username, out_user, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return _hearth_guard_set_wrong_credentials (error);
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
  g_auto (HearthAuthUser) user = { 0 };
  g_autoptr (HearthStatement) statement = NULL;
  gboolean found;
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

  if (!_hearth_guard_check_not_locked (self->store, user.id, "recovery_key", error))
    {
      _hearth_token_wipe (canonical);
      return FALSE;
    }

  key_hash = _hearth_token_hash (canonical);
  _hearth_token_wipe (canonical);
  statement = hearth_store_prepare (self->store,
                                    "SELECT id FROM recovery_keys WHERE user_id = ? AND key_hash = ? "
                                    "AND used_at IS NULL",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, user.id);
  hearth_statement_bind_text (statement, 2, key_hash);
  if (!hearth_statement_fetch_optional (statement, &found, error))
    return FALSE;
  if (!found)
    return _hearth_guard_record_failure (self->store, user.id, "recovery_key", "RECOVERY_FAILED", error);
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
         _hearth_guard_log_event (store, data->user_id, "SECURITY_QUESTIONS_CHANGED", metadata, error);
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
          _hearth_token_wipe (joined->str);
          g_string_free (joined, TRUE);
          return NULL;
        }
      if (i > 0)
        g_string_append_c (joined, '\x1f');
      g_string_append (joined, normalized);
      _hearth_token_wipe (normalized);
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

  if (!hearth_guard_require_sudo (self->guard, actor, error))
    return FALSE;

  n = g_strv_length ((GStrv) questions);
  if (n < HEARTH_AUTH_MIN_SECURITY_QUESTIONS || g_strv_length ((GStrv) answers) != n)
    return _hearth_auth_set_invalid_input (error, _("Choose at least three questions and answer each of them."));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *answer = _hearth_answer_normalize (answers[i]);
      g_autofree char *question = _hearth_auth_normalize_name (questions[i]);

      if (question == NULL || *question == '\0' || g_utf8_strlen (question, -1) > 256)
        return _hearth_auth_set_invalid_input (error, _("A question is empty or too long."));
      if (answer == NULL || *answer == '\0')
        return _hearth_auth_set_invalid_input (error, _("Answer each question."));

      _hearth_token_wipe (answer);
    }

  joined = join_answers (answers);
  combined_hash = hearth_password_hash (joined, self->cost, error);
  _hearth_token_wipe (joined);
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
  g_auto (HearthAuthUser) user = { 0 };
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GStrvBuilder) questions = g_strv_builder_new ();
  g_autoptr (GError) local_error = NULL;
  guint n = 0;

  g_return_val_if_fail (HEARTH_IS_AUTH (self), NULL);

  if (!_hearth_auth_find_user_by_name (self->store, username, &user, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _hearth_auth_set_invalid_input (error, _("This profile has no security questions."));
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
      _hearth_auth_set_invalid_input (error, _("This profile has no security questions."));
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
  g_auto (HearthAuthUser) user = { 0 };
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
      !_hearth_guard_check_not_locked (self->store, user.id, "security_answers", error))
    return FALSE;

  combined = _hearth_auth_dup_credential_hash (self->store, user.id, "SECRET_QUESTION", &local_error);
  if (combined == NULL)
    {
      if (!g_error_matches (local_error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return _hearth_auth_set_invalid_input (error, _("This profile has no security questions."));
    }

  joined = join_answers (answers);
  right = joined != NULL && hearth_password_verify (combined, joined);
  _hearth_token_wipe (joined);
  if (!right)
    return _hearth_guard_record_failure (self->store, user.id, "security_answers", "RECOVERY_FAILED", error);

  hash = hearth_password_hash (new_password, self->cost, error);
  if (hash == NULL)
    return FALSE;

  data = (NewPassword) { user.id, hash, 0, 0, "security_answers" };
  return hearth_store_transaction (self->store, set_password_in_transaction, &data, error);
}
