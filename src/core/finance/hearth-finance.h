/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-account.h"
#include "hearth-actor.h"
#include "hearth-categories.h"
#include "hearth-guard.h"
#include "hearth-query-model.h"
#include "hearth-store.h"
#include "hearth-transaction.h"

G_BEGIN_DECLS

#define HEARTH_FINANCE_ERROR (hearth_finance_error_quark ())

/**
 * HearthFinanceError:
 * @HEARTH_FINANCE_ERROR_ARCHIVED: the account is archived: restore it first
 * @HEARTH_FINANCE_ERROR_ALREADY_VOIDED: the transaction is voided already
 * @HEARTH_FINANCE_ERROR_NOT_VOIDED: the transaction is not voided, so there
 *   is nothing to undo
 * @HEARTH_FINANCE_ERROR_IMPORT_PROBLEMS: rows of a file cannot be imported;
 *   the report names them, and nothing was imported
 */
typedef enum
{
  HEARTH_FINANCE_ERROR_ARCHIVED,
  HEARTH_FINANCE_ERROR_ALREADY_VOIDED,
  HEARTH_FINANCE_ERROR_NOT_VOIDED,
  HEARTH_FINANCE_ERROR_IMPORT_PROBLEMS,
} HearthFinanceError;

GQuark hearth_finance_error_quark (void);

/**
 * HearthTransactionDraft:
 * @occurred_on: the value date, `YYYY-MM-DD`
 * @amount: in minor units, greater than zero (hearth_money_parse())
 * @incoming: %TRUE for money in, %FALSE for money out
 * @description: (nullable): what it was, up to 512 characters
 * @payee: (nullable): who was paid or paid, up to 256 characters
 * @category_id: a finance category the circle sees, or 0 for none
 * @tags: (nullable) (array zero-terminated=1): the names of its tags; a name
 *   the circle has no finance tag for makes one (`tag.create`)
 */
typedef struct
{
  const char         *occurred_on;
  gint64              amount;
  gboolean            incoming;
  const char         *description;
  const char         *payee;
  gint64              category_id;
  const char * const *tags;
} HearthTransactionDraft;

/**
 * HearthTransactionFields:
 *
 * The fields of a posted transaction that can be edited in place. The amount
 * and the direction are not among them: a wrong amount is voided and entered
 * again, so that the ledger keeps what was there.
 */
typedef enum
{
  HEARTH_TRANSACTION_FIELD_DATE        = 1 << 0,
  HEARTH_TRANSACTION_FIELD_DESCRIPTION = 1 << 1,
  HEARTH_TRANSACTION_FIELD_PAYEE       = 1 << 2,
  HEARTH_TRANSACTION_FIELD_CATEGORY    = 1 << 3,
  HEARTH_TRANSACTION_FIELD_TAGS        = 1 << 4,
} HearthTransactionFields;

/**
 * HearthLedgerFilter:
 * @text: (nullable): only lines whose description or payee holds this text
 * @category_id: only lines of this category, or 0 for all
 * @tag_id: only lines that carry this tag, or 0 for all
 * @posted_only: leave the voided lines out
 * @since: (nullable): only lines on or after this date, `YYYY-MM-DD`
 * @until: (nullable): only lines on or before this date
 */
typedef struct
{
  const char *text;
  gint64      category_id;
  gint64      tag_id;
  gboolean    posted_only;
  const char *since;
  const char *until;
} HearthLedgerFilter;

/**
 * HearthMonthAmount:
 * @month: `YYYY-MM`
 * @category: (nullable): the category's name, %NULL for none
 * @amount: the posted money out, in minor units
 */
typedef struct
{
  char    month[8];
  char   *category;
  gint64  amount;
} HearthMonthAmount;

/**
 * HearthMonthBalance:
 * @month: `YYYY-MM`
 * @balance: the balance at the month's end, in minor units
 */
typedef struct
{
  char    month[8];
  gint64  balance;
} HearthMonthBalance;

#define HEARTH_ACCOUNT_NAME_MAX_CHARS 128
#define HEARTH_TRANSACTION_DESCRIPTION_MAX_CHARS 512
#define HEARTH_TRANSACTION_PAYEE_MAX_CHARS 256

#define HEARTH_TYPE_FINANCE (hearth_finance_get_type ())
G_DECLARE_FINAL_TYPE (HearthFinance, hearth_finance, HEARTH, FINANCE, GObject)

HearthFinance     *hearth_finance_new                 (HearthGuard                   *guard);
HearthStore       *hearth_finance_get_store           (HearthFinance                 *self);

GPtrArray         *hearth_finance_list_accounts       (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         circle_id,
                                                       gboolean                       include_archived,
                                                       GError                       **error);
HearthAccount     *hearth_finance_get_account         (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         account_id,
                                                       GError                       **error);
HearthAccount     *hearth_finance_create_account      (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         circle_id,
                                                       const char                    *name,
                                                       const char                    *kind,
                                                       const char                    *currency,
                                                       GError                       **error);
gboolean           hearth_finance_rename_account      (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         account_id,
                                                       const char                    *name,
                                                       GError                       **error);
gboolean           hearth_finance_set_account_archived (HearthFinance                *self,
                                                        HearthActor                  *actor,
                                                        gint64                        account_id,
                                                        gboolean                      archived,
                                                        GError                      **error);

gint64             hearth_finance_add_transaction     (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         account_id,
                                                       const HearthTransactionDraft  *draft,
                                                       GError                       **error);
HearthTransaction *hearth_finance_get_transaction     (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         transaction_id,
                                                       GError                       **error);
GPtrArray         *hearth_finance_list_transactions   (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         account_id,
                                                       HearthTransaction             *after,
                                                       guint                          limit,
                                                       GError                       **error);
gboolean           hearth_finance_can                 (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         circle_id,
                                                       const char                    *resource,
                                                       const char                    *action);
HearthCategories  *hearth_finance_get_categories     (HearthFinance                 *self);
HearthQueryModel  *hearth_finance_new_ledger          (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         account_id,
                                                       const HearthLedgerFilter      *filter,
                                                       GError                       **error);
gboolean           hearth_finance_sum_ledger          (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         account_id,
                                                       const HearthLedgerFilter      *filter,
                                                       gint64                        *out_in,
                                                       gint64                        *out_out,
                                                       GError                       **error);
GArray            *hearth_finance_monthly_spending    (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         account_id,
                                                       const char                    *since_month,
                                                       GError                       **error);
GArray            *hearth_finance_balance_history     (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         account_id,
                                                       const char                    *since_month,
                                                       GError                       **error);
void               hearth_finance_chart_figures_async  (HearthFinance               *self,
                                                        HearthActor                 *actor,
                                                        gint64                       account_id,
                                                        const char                  *spending_since,
                                                        const char                  *balance_since,
                                                        GCancellable                *cancellable,
                                                        GAsyncReadyCallback          callback,
                                                        gpointer                     user_data);
gboolean           hearth_finance_chart_figures_finish (HearthFinance               *self,
                                                        GAsyncResult                *result,
                                                        GArray                     **out_spending,
                                                        GArray                     **out_balances,
                                                        GError                     **error);
gboolean           hearth_finance_export_csv          (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         account_id,
                                                       const HearthLedgerFilter      *filter,
                                                       GOutputStream                 *output,
                                                       GCancellable                  *cancellable,
                                                       GError                       **error);
gboolean           hearth_finance_void_transaction    (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         transaction_id,
                                                       GError                       **error);
gboolean           hearth_finance_unvoid_transaction  (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         transaction_id,
                                                       GError                       **error);
gboolean           hearth_finance_edit_transaction    (HearthFinance                 *self,
                                                       HearthActor                   *actor,
                                                       gint64                         transaction_id,
                                                       const HearthTransactionDraft  *values,
                                                       HearthTransactionFields        fields,
                                                       GError                       **error);

G_END_DECLS
