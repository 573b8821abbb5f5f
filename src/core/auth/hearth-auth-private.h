/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-auth.h"

G_BEGIN_DECLS

/* Shared by the service's files: hearth-auth.c (profiles, sign-in, sudo),
 * hearth-auth-recovery.c (passwords, recovery keys, security questions),
 * hearth-auth-async.c and hearth-auth-queries.c. */

/* Its fields are read by every file of the service. */
struct _HearthAuth
{
  GObject             parent_instance;

  HearthGuard        *guard;
  HearthStore        *store;
  HearthPasswordCost  cost;
};

typedef struct
{
  gint64  id;
  char   *username;
  char   *display_name;
} HearthAuthUser;

void     _hearth_auth_user_clear            (HearthAuthUser  *user);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HearthAuthUser, _hearth_auth_user_clear)

gboolean _hearth_auth_set_invalid_input     (GError         **error,
                                             const char      *message);
char    *_hearth_auth_normalize_name        (const char      *text);
gboolean _hearth_auth_find_user_by_name     (HearthStore     *store,
                                             const char      *username,
                                             HearthAuthUser  *out_user,
                                             GError         **error);
char    *_hearth_auth_dup_credential_hash   (HearthStore     *store,
                                             gint64           user_id,
                                             const char      *type,
                                             GError         **error);
gboolean _hearth_auth_update_password_hash  (HearthStore     *store,
                                             gint64           user_id,
                                             const char      *hash,
                                             GError         **error);
gboolean _hearth_auth_verify_actor_password (HearthAuth      *self,
                                             HearthActor     *actor,
                                             const char      *password,
                                             const char      *kind,
                                             GError         **error);
GStrv    _hearth_auth_new_recovery_keys     (GPtrArray      **out_hashes);
gboolean _hearth_auth_insert_recovery_keys  (HearthStore     *store,
                                             gint64           user_id,
                                             GPtrArray       *key_hashes,
                                             GError         **error);

G_END_DECLS
