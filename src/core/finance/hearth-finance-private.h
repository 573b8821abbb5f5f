/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-account.h"
#include "hearth-actor.h"
#include "hearth-core-types.h"
#include "hearth-finance.h"
#include "hearth-transaction.h"

G_BEGIN_DECLS

/* Entities from rows of the finance service's queries (see hearth-finance.c). */
gpointer _hearth_account_new_from_row     (HearthStatement *row);
gpointer _hearth_transaction_new_from_row (HearthStatement *row);

HearthFinance *_hearth_finance_new_for_worker (HearthStore *store);

gboolean _hearth_finance_authorize_transaction (HearthStore  *store,
                                                HearthActor  *actor,
                                                gint64        transaction_id,
                                                const char   *resource,
                                                const char   *action,
                                                gboolean      for_a_change,
                                                GError      **error);

gboolean _hearth_finance_authorize_account     (HearthStore  *store,
                                                HearthActor  *actor,
                                                gint64        account_id,
                                                const char   *resource,
                                                const char   *action,
                                                gboolean      for_a_change,
                                                gint64       *out_circle_id,
                                                GError      **error);
gboolean _hearth_finance_log_transaction       (HearthStore  *store,
                                                HearthActor  *actor,
                                                gint64        transaction_id,
                                                const char   *old_status,
                                                const char   *new_status,
                                                const char   *changes,
                                                GError      **error);
gboolean _hearth_finance_move_balance          (HearthStore  *store,
                                                gint64        account_id,
                                                gint64        delta,
                                                guint         added,
                                                GError      **error);

G_END_DECLS
