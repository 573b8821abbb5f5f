/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-guard.h"

G_BEGIN_DECLS

/*
 * For the services above the guard (auth, circles), inside their own
 * transactions: the security log, the lockout ladder, session rows and sudo
 * mode. Each takes the connection of the caller's transaction.
 */

/* The one message for a wrong password, key or answer, and for a session
 * that is over. */
gboolean _hearth_guard_set_wrong_credentials (GError **error);
gboolean _hearth_guard_set_invalid_session   (GError **error);

gboolean _hearth_guard_log_event             (HearthStore  *store,
                                              gint64        user_id,
                                              const char   *type,
                                              const char   *metadata,
                                              GError      **error);

gboolean _hearth_guard_check_not_locked      (HearthStore  *store,
                                              gint64        user_id,
                                              const char   *kind,
                                              GError      **error);
gboolean _hearth_guard_check_not_locked_for_good (HearthStore *store,
                                              gint64        user_id,
                                              GError      **error);
gboolean _hearth_guard_record_failure        (HearthStore  *store,
                                              gint64        user_id,
                                              const char   *kind,
                                              const char   *event,
                                              GError      **error);
gboolean _hearth_guard_reset_lock_state      (HearthStore  *store,
                                              gint64        user_id,
                                              const char   *unlocked_by,
                                              GError      **error);
gint64   _hearth_guard_get_cooldown_remaining (HearthStore *store,
                                              gint64        user_id);
gboolean _hearth_guard_unlock_profile        (HearthStore  *store,
                                              gint64        user_id,
                                              gint64        by_user_id,
                                              GError      **error);

/* A new session: its tokens in the clear, for the actor and the keyring only. */
typedef struct
{
  gint64  id;
  char   *refresh_token;
  char   *csrf_token;
} HearthNewSession;

void     _hearth_new_session_clear           (HearthNewSession *session);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HearthNewSession, _hearth_new_session_clear)

gboolean _hearth_guard_create_session        (HearthStore       *store,
                                              gint64             user_id,
                                              gboolean           stay_signed_in,
                                              const char        *family_id,
                                              HearthNewSession  *out_session,
                                              GError           **error);
gboolean _hearth_guard_revoke_sessions_where (HearthStore  *store,
                                              const char   *condition,
                                              gint64        value,
                                              gint64        except_session,
                                              guint        *out_count,
                                              GError      **error);
gboolean _hearth_guard_revoke_family         (HearthStore  *store,
                                              const char   *family_id,
                                              guint        *out_count,
                                              GError      **error);
gboolean _hearth_guard_end_sudo_of_revoked_sessions (HearthStore *store,
                                              GError      **error);
gboolean _hearth_guard_grant_sudo            (HearthStore  *store,
                                              gint64        user_id,
                                              gint64        session_id,
                                              GError      **error);

G_END_DECLS
