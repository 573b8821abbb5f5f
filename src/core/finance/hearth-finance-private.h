/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-account.h"
#include "hearth-actor.h"
#include "hearth-core-types.h"
#include "hearth-finance.h"
#include "hearth-transaction.h"

G_BEGIN_DECLS

/* Entities from rows of the finance service's queries. Each SELECT starts
 * with its entity's columns, in the order of the entity's enum, which is what
 * its reader reads by. */

/* An account: FROM accounts. */
#define HEARTH_ACCOUNT_COLUMNS \
  "id, circle_id, owner_id, type, name, currency, balance, archived_at, created_at"
typedef enum
{
  HEARTH_ACCOUNT_COLUMN_ID,
  HEARTH_ACCOUNT_COLUMN_CIRCLE_ID,
  HEARTH_ACCOUNT_COLUMN_OWNER_ID,
  HEARTH_ACCOUNT_COLUMN_KIND,
  HEARTH_ACCOUNT_COLUMN_NAME,
  HEARTH_ACCOUNT_COLUMN_CURRENCY,
  HEARTH_ACCOUNT_COLUMN_BALANCE,
  HEARTH_ACCOUNT_COLUMN_ARCHIVED_AT,
  HEARTH_ACCOUNT_COLUMN_CREATED_AT,
} HearthAccountColumn;

/* A line of a ledger: FROM transactions t LEFT JOIN categories c; its tags
 * joined by ", " (hearth-transaction.c sorts them). */
#define HEARTH_TRANSACTION_COLUMNS \
  "t.id, t.account_id, t.amount, t.direction, t.status, ifnull (t.category_id, 0), c.name, " \
  "t.occurred_on, t.description, t.payee, t.created_by, " \
  "(SELECT group_concat (g.name, ', ') FROM tag_relations r JOIN tags g ON g.id = r.tag_id " \
  " WHERE r.entity_type = 'transaction' AND r.entity_id = t.id)"
typedef enum
{
  HEARTH_TRANSACTION_COLUMN_ID,
  HEARTH_TRANSACTION_COLUMN_ACCOUNT_ID,
  HEARTH_TRANSACTION_COLUMN_AMOUNT,
  HEARTH_TRANSACTION_COLUMN_DIRECTION,
  HEARTH_TRANSACTION_COLUMN_STATUS,
  HEARTH_TRANSACTION_COLUMN_CATEGORY_ID,
  HEARTH_TRANSACTION_COLUMN_CATEGORY_NAME,
  HEARTH_TRANSACTION_COLUMN_OCCURRED_ON,
  HEARTH_TRANSACTION_COLUMN_DESCRIPTION,
  HEARTH_TRANSACTION_COLUMN_PAYEE,
  HEARTH_TRANSACTION_COLUMN_CREATED_BY,
  HEARTH_TRANSACTION_COLUMN_TAGS,
} HearthTransactionColumn;

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

gint64   _hearth_finance_post                  (HearthStore                   *store,
                                                HearthActor                   *actor,
                                                gint64                         account_id,
                                                const HearthTransactionDraft  *draft,
                                                GError                       **error);
gboolean _hearth_finance_void                  (HearthStore  *store,
                                                HearthActor  *actor,
                                                gint64        transaction_id,
                                                GError      **error);

G_END_DECLS
