/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include "hearth-auth.h"
#include "hearth-auth-error.h"
#include "hearth-auth-private.h"
#include "hearth-tokens-private.h"
#include "hearth-clock.h"
#include "hearth-keyring.h"
#include "hearth-store.h"

/*
 * The asynchronous variants of HearthAuth's calls. Each runs the synchronous
 * function in a worker thread that opens its own store connection and service
 * (ARCHITECTURE.md), so that Argon2id and D-Bus never block the caller and each
 * behaviour has one implementation, tested synchronously on a fake clock.
 */

typedef gpointer (*AuthWork) (HearthAuth  *auth,
                              gpointer     data,
                              GError     **error);

typedef struct
{
  HearthPasswordCost  cost;
  AuthWork            work;
  gpointer            data;
  GDestroyNotify      data_free;
} AuthTask;

static void
auth_task_free (AuthTask *task)
{
  if (task->data_free != NULL)
    task->data_free (task->data);
  g_free (task);
}

static void
auth_task_work (GTask        *task,
                HearthStore  *store,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AuthTask *data = task_data;
  g_autoptr (HearthGuard) guard = NULL;
  g_autoptr (HearthAuth) auth = NULL;
  GError *error = NULL;
  gpointer result;

  guard = hearth_guard_new (store);
  auth = hearth_auth_new (guard, data->cost);
  result = data->work (auth, data->data, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, result != NULL ? g_object_unref : NULL);
}

static void
run_async (HearthAuth          *self,
           gpointer             source_tag,
           AuthWork             work,
           gpointer             data,
           GDestroyNotify       data_free,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  AuthTask *task_data = g_new0 (AuthTask, 1);

  task_data->cost = self->cost;
  task_data->work = work;
  task_data->data = data;
  task_data->data_free = data_free;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, task_data, (GDestroyNotify) auth_task_free);
  hearth_store_run_in_worker (self->store, task, auth_task_work);
}

static gpointer
finish_async (HearthAuth    *self,
              GAsyncResult  *result,
              gpointer       source_tag,
              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* For the calls that return nothing but success or an error. */
static gboolean
finish_boolean (HearthAuth    *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_autoptr (GError) local_error = NULL;

  finish_async (self, result, source_tag, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gpointer
task_data_of (GAsyncResult *result)
{
  return ((AuthTask *) g_task_get_task_data (G_TASK (result)))->data;
}

/* What the asynchronous calls carry; secrets are wiped when it is freed. */
typedef struct
{
  char          *username;
  char          *display_name;
  char          *email;
  char          *password;
  char          *secret;
  HearthKeyring *keyring;
  GError        *keyring_error;
  GStrv          recovery_keys;
  GStrv          questions;
  GStrv          answers;
  HearthActor   *actor;
} Call;

static void
call_free (Call *call)
{
  _hearth_token_wipe (call->password);
  _hearth_token_wipe (call->secret);
  g_free (call->username);
  g_free (call->display_name);
  g_free (call->email);
  g_free (call->password);
  g_free (call->secret);
  g_clear_object (&call->keyring);
  g_clear_error (&call->keyring_error);
  g_strfreev (call->recovery_keys);
  g_strfreev (call->questions);
  for (guint i = 0; call->answers != NULL && call->answers[i] != NULL; i++)
    _hearth_token_wipe (call->answers[i]);
  g_strfreev (call->answers);
  g_clear_object (&call->actor);
  g_free (call);
}

/* Signs in and, to stay signed in, hands the token straight to the keyring:
 * it never leaves the worker thread. A keyring that refuses it does not undo
 * the sign-in; the finish call reports it apart. */
static gpointer
sign_in_work (HearthAuth  *auth,
              gpointer     data,
              GError     **error)
{
  Call *call = data;
  g_autofree char *token = NULL;
  HearthActor *actor;

  actor = hearth_auth_sign_in (auth, call->username, call->password, call->keyring != NULL,
                               &token, error);
  if (actor != NULL && call->keyring != NULL)
    hearth_keyring_store (call->keyring, hearth_actor_get_user_id (actor), token, &call->keyring_error);
  _hearth_token_wipe (token);

  return actor;
}

/**
 * hearth_auth_sign_in_async:
 * @keyring: (nullable): where to keep the "stay signed in" token, or %NULL
 *   not to stay signed in
 *
 * hearth_auth_sign_in() and, when @keyring is given, hearth_keyring_store() in
 * a worker thread, so that the window keeps drawing while Argon2id and the
 * keyring work.
 */
void
hearth_auth_sign_in_async (HearthAuth          *self,
                           const char          *username,
                           const char          *password,
                           HearthKeyring       *keyring,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Call *call;

  g_return_if_fail (HEARTH_IS_AUTH (self));
  g_return_if_fail (username != NULL && password != NULL);
  g_return_if_fail (keyring == NULL || HEARTH_IS_KEYRING (keyring));

  call = g_new0 (Call, 1);
  call->username = g_strdup (username);
  call->password = g_strdup (password);
  call->keyring = keyring != NULL ? g_object_ref (keyring) : NULL;
  run_async (self, hearth_auth_sign_in_async, sign_in_work, call, (GDestroyNotify) call_free,
             cancellable, callback, user_data);
}

/**
 * hearth_auth_sign_in_finish:
 * @out_keyring_error: (out) (optional) (transfer full): why the keyring could
 *   not keep the token, when it could not; the sign-in stands all the same
 *
 * Returns: (transfer full): who is now signed in, or %NULL
 */
HearthActor *
hearth_auth_sign_in_finish (HearthAuth    *self,
                            GAsyncResult  *result,
                            GError       **out_keyring_error,
                            GError       **error)
{
  HearthActor *actor = finish_async (self, result, hearth_auth_sign_in_async, error);
  Call *call = task_data_of (result);

  if (actor != NULL && call->keyring_error != NULL && out_keyring_error != NULL)
    *out_keyring_error = g_error_copy (call->keyring_error);

  return actor;
}

/* Revokes the session, then forgets its token; no keyring means no token. */
static gpointer
sign_out_work (HearthAuth  *auth,
               gpointer     data,
               GError     **error)
{
  Call *call = data;
  g_autoptr (GError) keyring_error = NULL;

  if (hearth_auth_sign_out (auth, call->actor, error) &&
      !hearth_keyring_delete (call->keyring, hearth_actor_get_user_id (call->actor), &keyring_error))
    g_debug ("Signing out: %s", keyring_error->message);

  return NULL;
}

/**
 * hearth_auth_sign_out_async:
 * @keyring: where a "stay signed in" token of @actor's may be kept
 *
 * hearth_auth_sign_out() and hearth_keyring_delete() in a worker thread.
 */
void
hearth_auth_sign_out_async (HearthAuth          *self,
                            HearthActor         *actor,
                            HearthKeyring       *keyring,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Call *call;

  g_return_if_fail (HEARTH_IS_AUTH (self));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));
  g_return_if_fail (HEARTH_IS_KEYRING (keyring));

  call = g_new0 (Call, 1);
  call->actor = g_object_ref (actor);
  call->keyring = g_object_ref (keyring);
  run_async (self, hearth_auth_sign_out_async, sign_out_work, call, (GDestroyNotify) call_free,
             cancellable, callback, user_data);
}

gboolean
hearth_auth_sign_out_finish (HearthAuth    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_boolean (self, result, hearth_auth_sign_out_async, error);
}

static gpointer
create_profile_work (HearthAuth  *auth,
                     gpointer     data,
                     GError     **error)
{
  Call *call = data;

  return hearth_auth_create_profile (auth, call->username, call->display_name, call->email,
                                     call->password, &call->recovery_keys, error);
}

void
hearth_auth_create_profile_async (HearthAuth          *self,
                                  const char          *username,
                                  const char          *display_name,
                                  const char          *email,
                                  const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Call *call;

  g_return_if_fail (HEARTH_IS_AUTH (self));
  g_return_if_fail (password != NULL);

  call = g_new0 (Call, 1);
  call->username = g_strdup (username);
  call->display_name = g_strdup (display_name);
  call->email = g_strdup (email);
  call->password = g_strdup (password);
  run_async (self, hearth_auth_create_profile_async, create_profile_work, call,
             (GDestroyNotify) call_free, cancellable, callback, user_data);
}

/**
 * hearth_auth_create_profile_finish:
 * @out_recovery_keys: (out) (transfer full): as for hearth_auth_create_profile()
 *
 * Returns: (transfer full): the new profile, signed in, or %NULL
 */
HearthActor *
hearth_auth_create_profile_finish (HearthAuth    *self,
                                   GAsyncResult  *result,
                                   GStrv         *out_recovery_keys,
                                   GError       **error)
{
  HearthActor *actor = finish_async (self, result, hearth_auth_create_profile_async, error);
  Call *call = task_data_of (result);

  if (actor != NULL)
    *out_recovery_keys = g_steal_pointer (&call->recovery_keys);

  return actor;
}

static gpointer
reset_with_key_work (HearthAuth  *auth,
                     gpointer     data,
                     GError     **error)
{
  Call *call = data;

  /* Nothing to return but success or the error. */
  hearth_auth_reset_password_with_recovery_key (auth, call->username, call->secret, call->password, error);
  return NULL;
}

void
hearth_auth_reset_password_with_recovery_key_async (HearthAuth          *self,
                                                    const char          *username,
                                                    const char          *recovery_key,
                                                    const char          *new_password,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data)
{
  Call *call;

  g_return_if_fail (HEARTH_IS_AUTH (self));

  call = g_new0 (Call, 1);
  call->username = g_strdup (username);
  call->secret = g_strdup (recovery_key);
  call->password = g_strdup (new_password);
  run_async (self, hearth_auth_reset_password_with_recovery_key_async, reset_with_key_work, call,
             (GDestroyNotify) call_free, cancellable, callback, user_data);
}

gboolean
hearth_auth_reset_password_with_recovery_key_finish (HearthAuth    *self,
                                                     GAsyncResult  *result,
                                                     GError       **error)
{
  return finish_boolean (self, result, hearth_auth_reset_password_with_recovery_key_async, error);
}

static gpointer
resume_work (HearthAuth  *auth,
             gpointer     data,
             GError     **error)
{
  Call *call = data;

  return hearth_auth_resume_from_keyring (auth, call->keyring, error);
}

void
hearth_auth_resume_from_keyring_async (HearthAuth          *self,
                                       HearthKeyring       *keyring,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Call *call;

  g_return_if_fail (HEARTH_IS_AUTH (self));
  g_return_if_fail (HEARTH_IS_KEYRING (keyring));

  call = g_new0 (Call, 1);
  call->keyring = g_object_ref (keyring);
  run_async (self, hearth_auth_resume_from_keyring_async, resume_work, call,
             (GDestroyNotify) call_free, cancellable, callback, user_data);
}

/**
 * hearth_auth_resume_from_keyring_finish:
 *
 * Returns: (transfer full) (nullable): as for hearth_auth_resume_from_keyring()
 */
HearthActor *
hearth_auth_resume_from_keyring_finish (HearthAuth    *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return finish_async (self, result, hearth_auth_resume_from_keyring_async, error);
}

static gpointer
set_questions_work (HearthAuth  *auth,
                    gpointer     data,
                    GError     **error)
{
  Call *call = data;

  hearth_auth_set_security_questions (auth, call->actor, (const char * const *) call->questions,
                                      (const char * const *) call->answers, error);
  return NULL;
}

void
hearth_auth_set_security_questions_async (HearthAuth          *self,
                                          HearthActor         *actor,
                                          const char * const  *questions,
                                          const char * const  *answers,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  Call *call;

  g_return_if_fail (HEARTH_IS_AUTH (self));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));

  call = g_new0 (Call, 1);
  call->actor = g_object_ref (actor);
  call->questions = g_strdupv ((GStrv) questions);
  call->answers = g_strdupv ((GStrv) answers);
  run_async (self, hearth_auth_set_security_questions_async, set_questions_work, call,
             (GDestroyNotify) call_free, cancellable, callback, user_data);
}

gboolean
hearth_auth_set_security_questions_finish (HearthAuth    *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_boolean (self, result, hearth_auth_set_security_questions_async, error);
}

static gpointer
unlock_work (HearthAuth  *auth,
             gpointer     data,
             GError     **error)
{
  Call *call = data;

  hearth_auth_unlock (auth, call->actor, call->password, error);
  return NULL;
}

void
hearth_auth_unlock_async (HearthAuth          *self,
                          HearthActor         *actor,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Call *call;

  g_return_if_fail (HEARTH_IS_AUTH (self));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));

  call = g_new0 (Call, 1);
  call->actor = g_object_ref (actor);
  call->password = g_strdup (password);
  run_async (self, hearth_auth_unlock_async, unlock_work, call, (GDestroyNotify) call_free,
             cancellable, callback, user_data);
}

gboolean
hearth_auth_unlock_finish (HearthAuth    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return finish_boolean (self, result, hearth_auth_unlock_async, error);
}

static gpointer
enter_sudo_work (HearthAuth  *auth,
                 gpointer     data,
                 GError     **error)
{
  Call *call = data;

  hearth_auth_enter_sudo (auth, call->actor, call->password, error);
  return NULL;
}

void
hearth_auth_enter_sudo_async (HearthAuth          *self,
                              HearthActor         *actor,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Call *call;

  g_return_if_fail (HEARTH_IS_AUTH (self));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));

  call = g_new0 (Call, 1);
  call->actor = g_object_ref (actor);
  call->password = g_strdup (password);
  run_async (self, hearth_auth_enter_sudo_async, enter_sudo_work, call, (GDestroyNotify) call_free,
             cancellable, callback, user_data);
}

gboolean
hearth_auth_enter_sudo_finish (HearthAuth    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_boolean (self, result, hearth_auth_enter_sudo_async, error);
}

static gpointer
change_password_work (HearthAuth  *auth,
                      gpointer     data,
                      GError     **error)
{
  Call *call = data;

  hearth_auth_change_password (auth, call->actor, call->secret, call->password, error);
  return NULL;
}

void
hearth_auth_change_password_async (HearthAuth          *self,
                                   HearthActor         *actor,
                                   const char          *old_password,
                                   const char          *new_password,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Call *call;

  g_return_if_fail (HEARTH_IS_AUTH (self));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));

  call = g_new0 (Call, 1);
  call->actor = g_object_ref (actor);
  call->secret = g_strdup (old_password);
  call->password = g_strdup (new_password);
  run_async (self, hearth_auth_change_password_async, change_password_work, call,
             (GDestroyNotify) call_free, cancellable, callback, user_data);
}

gboolean
hearth_auth_change_password_finish (HearthAuth    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_boolean (self, result, hearth_auth_change_password_async, error);
}

static gpointer
reset_with_answers_work (HearthAuth  *auth,
                         gpointer     data,
                         GError     **error)
{
  Call *call = data;

  hearth_auth_reset_password_with_answers (auth, call->username, (const char * const *) call->answers,
                                           call->password, error);
  return NULL;
}

void
hearth_auth_reset_password_with_answers_async (HearthAuth          *self,
                                               const char          *username,
                                               const char * const  *answers,
                                               const char          *new_password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  Call *call;

  g_return_if_fail (HEARTH_IS_AUTH (self));
  g_return_if_fail (answers != NULL);

  call = g_new0 (Call, 1);
  call->username = g_strdup (username);
  call->answers = g_strdupv ((GStrv) answers);
  call->password = g_strdup (new_password);
  run_async (self, hearth_auth_reset_password_with_answers_async, reset_with_answers_work, call,
             (GDestroyNotify) call_free, cancellable, callback, user_data);
}

gboolean
hearth_auth_reset_password_with_answers_finish (HearthAuth    *self,
                                                GAsyncResult  *result,
                                                GError       **error)
{
  return finish_boolean (self, result, hearth_auth_reset_password_with_answers_async, error);
}
