/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-actor.h"
#include "hearth-core-types.h"
#include "hearth-guard.h"
#include "hearth-keyring.h"
#include "hearth-password.h"

G_BEGIN_DECLS

/* Limits of ../shared/design/SECURITY.md (the guard's are in hearth-guard.h). */
#define HEARTH_AUTH_MIN_SECURITY_QUESTIONS 3
#define HEARTH_AUTH_RECOVERY_KEY_COUNT    8

#define HEARTH_TYPE_AUTH (hearth_auth_get_type ())
G_DECLARE_FINAL_TYPE (HearthAuth, hearth_auth, HEARTH, AUTH, GObject)

HearthAuth  *hearth_auth_new                        (HearthGuard          *guard,
                                                     HearthPasswordCost    cost);
HearthGuard *hearth_auth_get_guard                  (HearthAuth           *self);
HearthStore *hearth_auth_get_store                  (HearthAuth           *self);

HearthActor *hearth_auth_create_profile             (HearthAuth           *self,
                                                     const char           *username,
                                                     const char           *display_name,
                                                     const char           *email,
                                                     const char           *password,
                                                     GStrv                *out_recovery_keys,
                                                     GError              **error);
gboolean     hearth_auth_has_profiles               (HearthAuth           *self,
                                                     GError              **error);
gboolean     hearth_auth_update_profile             (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     const char           *username,
                                                     const char           *display_name,
                                                     const char           *email,
                                                     GError              **error);
gboolean     hearth_auth_delete_profile             (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     GError              **error);

HearthActor *hearth_auth_sign_in                    (HearthAuth           *self,
                                                     const char           *username,
                                                     const char           *password,
                                                     gboolean              stay_signed_in,
                                                     char                **out_refresh_token,
                                                     GError              **error);
gint64       hearth_auth_get_cooldown_remaining     (HearthAuth           *self,
                                                     const char           *username);
HearthActor *hearth_auth_resume                     (HearthAuth           *self,
                                                     gint64                user_id,
                                                     const char           *refresh_token,
                                                     char                **out_new_token,
                                                     GError              **error);
gboolean     hearth_auth_sign_out                   (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     GError              **error);
gboolean     hearth_auth_revoke_session             (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     gint64                session_id,
                                                     GError              **error);
guint        hearth_auth_revoke_other_sessions      (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     GError              **error);

gboolean     hearth_auth_enter_sudo                 (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     const char           *password,
                                                     GError              **error);
gboolean     hearth_auth_unlock                     (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     const char           *password,
                                                     GError              **error);
void         hearth_auth_unlock_async               (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean     hearth_auth_unlock_finish              (HearthAuth           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

gboolean     hearth_auth_change_password            (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     const char           *old_password,
                                                     const char           *new_password,
                                                     GError              **error);

GStrv        hearth_auth_regenerate_recovery_keys   (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     GError              **error);
int          hearth_auth_count_recovery_keys        (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     GError              **error);
gboolean     hearth_auth_reset_password_with_recovery_key (HearthAuth     *self,
                                                     const char           *username,
                                                     const char           *recovery_key,
                                                     const char           *new_password,
                                                     GError              **error);

gboolean     hearth_auth_set_security_questions     (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     const char * const   *questions,
                                                     const char * const   *answers,
                                                     GError              **error);
GStrv        hearth_auth_dup_security_questions     (HearthAuth           *self,
                                                     const char           *username,
                                                     GError              **error);
gboolean     hearth_auth_reset_password_with_answers (HearthAuth          *self,
                                                     const char           *username,
                                                     const char * const   *answers,
                                                     const char           *new_password,
                                                     GError              **error);

void         hearth_auth_sign_in_async              (HearthAuth           *self,
                                                     const char           *username,
                                                     const char           *password,
                                                     HearthKeyring        *keyring,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
HearthActor *hearth_auth_sign_in_finish             (HearthAuth           *self,
                                                     GAsyncResult         *result,
                                                     GError              **out_keyring_error,
                                                     GError              **error);
void         hearth_auth_sign_out_async             (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     HearthKeyring        *keyring,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean     hearth_auth_sign_out_finish            (HearthAuth           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

GListModel  *hearth_auth_list_profiles              (HearthAuth           *self,
                                                     GError              **error);
GListModel  *hearth_auth_list_sessions              (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     GError              **error);
GListModel  *hearth_auth_list_security_events       (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     guint                 limit,
                                                     GError              **error);
void         hearth_auth_enter_sudo_async           (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean     hearth_auth_enter_sudo_finish          (HearthAuth           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void         hearth_auth_change_password_async      (HearthAuth           *self,
                                                     HearthActor          *actor,
                                                     const char           *old_password,
                                                     const char           *new_password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean     hearth_auth_change_password_finish     (HearthAuth           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void         hearth_auth_reset_password_with_answers_async (HearthAuth    *self,
                                                     const char           *username,
                                                     const char * const   *answers,
                                                     const char           *new_password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean     hearth_auth_reset_password_with_answers_finish (HearthAuth   *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
HearthActor *hearth_auth_resume_from_keyring        (HearthAuth           *self,
                                                     HearthKeyring        *keyring,
                                                     GError              **error);

void         hearth_auth_create_profile_async       (HearthAuth           *self,
                                                     const char           *username,
                                                     const char           *display_name,
                                                     const char           *email,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
HearthActor *hearth_auth_create_profile_finish      (HearthAuth           *self,
                                                     GAsyncResult         *result,
                                                     GStrv                *out_recovery_keys,
                                                     GError              **error);
void         hearth_auth_reset_password_with_recovery_key_async (HearthAuth *self,
                                                     const char           *username,
                                                     const char           *recovery_key,
                                                     const char           *new_password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean     hearth_auth_reset_password_with_recovery_key_finish (HearthAuth *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void         hearth_auth_resume_from_keyring_async  (HearthAuth           *self,
                                                     HearthKeyring        *keyring,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
HearthActor *hearth_auth_resume_from_keyring_finish (HearthAuth           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void         hearth_auth_set_security_questions_async (HearthAuth         *self,
                                                     HearthActor          *actor,
                                                     const char * const   *questions,
                                                     const char * const   *answers,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean     hearth_auth_set_security_questions_finish (HearthAuth        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
