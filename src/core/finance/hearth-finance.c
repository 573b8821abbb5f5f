/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearth-audit.h"
#include "hearth-categories-private.h"
#include "hearth-finance.h"
#include "hearth-finance-private.h"
#include "hearth-money.h"
#include "hearth-permissions.h"
#include "hearth-validation.h"

/*
 * HearthFinance: accounts and their ledgers (the seed's AccountModule and
 * TransactionModule).
 *
 * Every function finds the circle from the row it acts on, never from its
 * caller, and asks hearth_authorize() inside the transaction of the change.
 * Each change writes its module log (`account_audit_logs`, `transaction_logs`)
 * and, for creating and archiving accounts, an `audit_logs` row; and keeps the
 * account's balance current in the same transaction, so that the balances are
 * read, never summed.
 */

struct _HearthFinance
{
  GObject      parent_instance;

  HearthGuard      *guard;
  HearthStore      *store;
  HearthCategories *categories;
};

G_DEFINE_FINAL_TYPE (HearthFinance, hearth_finance, G_TYPE_OBJECT)

G_DEFINE_QUARK (hearth-finance-error-quark, hearth_finance_error)

static void
hearth_finance_dispose (GObject *object)
{
  HearthFinance *self = HEARTH_FINANCE (object);

  g_clear_object (&self->categories);
  g_clear_object (&self->store);
  g_clear_object (&self->guard);

  G_OBJECT_CLASS (hearth_finance_parent_class)->dispose (object);
}

static void
hearth_finance_class_init (HearthFinanceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hearth_finance_dispose;
}

static void
hearth_finance_init (HearthFinance *self)
{
}

/**
 * hearth_finance_new:
 * @guard: the guard of the store it works on, for sudo mode (exports)
 */
HearthFinance *
hearth_finance_new (HearthGuard *guard)
{
  HearthFinance *self;

  g_return_val_if_fail (HEARTH_IS_GUARD (guard), NULL);

  self = g_object_new (HEARTH_TYPE_FINANCE, NULL);
  self->guard = g_object_ref (guard);
  self->store = g_object_ref (hearth_guard_get_store (guard));
  self->categories = hearth_categories_new (guard);
  return self;
}

/* For work in a worker (hearth_store_run_in_worker): the finance service, with
 * a guard of its own, on the worker's connection. */
HearthFinance *
_hearth_finance_new_for_worker (HearthStore *store)
{
  g_autoptr (HearthGuard) guard = hearth_guard_new (store);

  return hearth_finance_new (guard);
}

/**
 * hearth_finance_get_store:
 *
 * Returns: (transfer none): the store, whose `changed` signal says when
 *   balances and ledgers moved
 */
HearthStore *
hearth_finance_get_store (HearthFinance *self)
{
  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);
  return self->store;
}

/* Validation ---------------------------------------------------------------------------- */

static gboolean
invalid (GError     **error,
         int          field,
         const char  *message)
{
  g_set_error_literal (error, HEARTH_VALIDATION_ERROR, field, message);
  return FALSE;
}

/* `YYYY-MM-DD`, a real day, between 1900 and 2199. */
static gboolean
check_date (const char  *text,
            GError     **error)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return invalid (error, HEARTH_VALIDATION_ERROR_DATE, _("Choose a date."));
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return invalid (error, HEARTH_VALIDATION_ERROR_DATE, _("Choose a date."));
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1900 || year > 2199 || !g_date_valid_dmy (day, month, year))
    return invalid (error, HEARTH_VALIDATION_ERROR_DATE, _("Choose a date."));
  return TRUE;
}

/* Helpers -------------------------------------------------------------------------------- */

static const char account_columns[] = "SELECT " HEARTH_ACCOUNT_COLUMNS " FROM accounts ";

static const char transaction_columns[] =
  "SELECT " HEARTH_TRANSACTION_COLUMNS " FROM transactions t LEFT JOIN categories c ON c.id = t.category_id ";

typedef struct
{
  gint64    circle_id;
  gboolean  archived;
} AccountRow;

/* The account's circle and state, for the authorization of what is done to it.
 * An unknown id is refused like a circle one is not in: ids say nothing. */
static gboolean
authorize_account (HearthStore  *store,
                   HearthActor  *actor,
                   gint64        account_id,
                   const char   *resource,
                   const char   *action,
                   AccountRow   *out_row,
                   GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store, "SELECT circle_id, archived_at IS NOT NULL FROM accounts WHERE id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, account_id);
  if (!hearth_statement_fetch_one (statement, NULL))
    {
      g_set_error_literal (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                           _("You are not allowed to see this account."));
      return FALSE;
    }
  out_row->circle_id = hearth_statement_get_int64 (statement, 0);
  out_row->archived = hearth_statement_get_int64 (statement, 1) != 0;
  return hearth_authorize (store, actor, out_row->circle_id, resource, action, error);
}

static gboolean
require_open (const AccountRow  *account,
              GError           **error)
{
  if (!account->archived)
    return TRUE;
  g_set_error_literal (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_ARCHIVED,
                       _("This account is archived. Restore it to change its ledger."));
  return FALSE;
}

static gboolean
log_account (HearthStore  *store,
             gint64        account_id,
             const char   *action,
             JsonBuilder  *metadata,
             GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_end_object (metadata);
  root = json_builder_get_root (metadata);
  json = json_to_string (root, FALSE);

  statement = hearth_store_prepare (store,
                                    "INSERT INTO account_audit_logs (account_id, action, metadata, created_at) "
                                    "VALUES (?, ?, ?, ?)",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, account_id);
  hearth_statement_bind_text (statement, 2, action);
  hearth_statement_bind_text (statement, 3, json);
  hearth_statement_bind_int64 (statement, 4, hearth_store_now (store));
  return hearth_statement_run (statement, error);
}

/* A metadata object that starts with who acted; the caller adds members. */
static JsonBuilder *
metadata_by (HearthActor *actor)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "by");
  json_builder_add_int_value (builder, hearth_actor_get_user_id (actor));
  return builder;
}

gboolean
_hearth_finance_log_transaction (HearthStore  *store,
                                 HearthActor  *actor,
                                 gint64        transaction_id,
                                 const char   *old_status,
                                 const char   *new_status,
                                 const char   *changes,
                                 GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "INSERT INTO transaction_logs (transaction_id, old_status, new_status, changed_by, "
                                    "created_at, changes) VALUES (?, ?, ?, ?, ?, ?)",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, transaction_id);
  if (old_status != NULL)
    hearth_statement_bind_text (statement, 2, old_status);
  else
    hearth_statement_bind_null (statement, 2);
  hearth_statement_bind_text (statement, 3, new_status);
  hearth_statement_bind_int64 (statement, 4, hearth_actor_get_user_id (actor));
  hearth_statement_bind_int64 (statement, 5, hearth_store_now (store));
  hearth_statement_bind_text (statement, 6, changes != NULL ? changes : "{}");
  return hearth_statement_run (statement, error);
}

/* The balance moves by @delta minor units and the ledger grows by @added
 * lines, in the change's transaction. */
gboolean
_hearth_finance_move_balance (HearthStore  *store,
                              gint64        account_id,
                              gint64        delta,
                              guint         added,
                              GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "UPDATE accounts SET balance = balance + ?, "
                                    "  transaction_count = transaction_count + ? WHERE id = ?",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, delta);
  hearth_statement_bind_int64 (statement, 2, added);
  hearth_statement_bind_int64 (statement, 3, account_id);
  return hearth_statement_run (statement, error);
}

/**
 * hearth_finance_can:
 *
 * What the screens ask before they offer an action; the functions check again.
 *
 * Returns: %TRUE when hearth_authorize() allows it now
 */
gboolean
hearth_finance_can (HearthFinance *self,
                    HearthActor   *actor,
                    gint64         circle_id,
                    const char    *resource,
                    const char    *action)
{
  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);

  return hearth_authorize (self->store, actor, circle_id, resource, action, NULL);
}

/**
 * hearth_finance_get_categories:
 *
 * Returns: (transfer none): the categories and tags service on the same store,
 *   for the ledger's categories and tags
 */
HearthCategories *
hearth_finance_get_categories (HearthFinance *self)
{
  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);
  return self->categories;
}

/* Accounts -------------------------------------------------------------------------------- */

/**
 * hearth_finance_list_accounts:
 * @include_archived: whether archived accounts are listed too, after the others
 *
 * Needs `account.read` in the circle.
 *
 * Returns: (transfer full) (element-type HearthAccount): the circle's
 *   accounts by name, with their balances
 */
GPtrArray *
hearth_finance_list_accounts (HearthFinance  *self,
                              HearthActor    *actor,
                              gint64          circle_id,
                              gboolean        include_archived,
                              GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);

  if (!hearth_authorize (self->store, actor, circle_id, "account", "read", error))
    return NULL;

  sql = g_strconcat (account_columns,
                     "WHERE circle_id = ?1 AND (?2 OR archived_at IS NULL) "
                     "ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, id",
                     NULL);
  statement = hearth_store_prepare (self->store, sql, error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, circle_id);
  hearth_statement_bind_int64 (statement, 2, include_archived ? 1 : 0);
  return hearth_statement_collect (statement, _hearth_account_new_from_row, g_object_unref, error);
}

/**
 * hearth_finance_get_account:
 *
 * Needs `account.read` in the account's circle.
 *
 * Returns: (transfer full): the account with its balance
 */
HearthAccount *
hearth_finance_get_account (HearthFinance  *self,
                            HearthActor    *actor,
                            gint64          account_id,
                            GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;
  AccountRow row;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);

  if (!authorize_account (self->store, actor, account_id, "account", "read", &row, error))
    return NULL;

  sql = g_strconcat (account_columns, "WHERE id = ?", NULL);
  statement = hearth_store_prepare (self->store, sql, error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, account_id);
  if (!hearth_statement_fetch_one (statement, error))
    return NULL;
  return _hearth_account_new_from_row (statement);
}

typedef struct
{
  HearthActor                  *actor;
  gint64                        circle_id;
  gint64                        account_id;
  gint64                        transaction_id;
  const char                   *name;         /* an account's */
  const char                   *kind;         /* an account's */
  const char                   *description;  /* a transaction's */
  const char                   *payee;        /* a transaction's */
  const char                   *currency;
  gboolean                      archived;
  gboolean                      voided;
  const HearthTransactionDraft *draft;
  HearthTransactionFields       fields;
} Change;

static gboolean
create_account_in_transaction (HearthStore  *store,
                               gpointer      user_data,
                               GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (JsonBuilder) metadata = metadata_by (change->actor);

  if (!hearth_authorize (store, change->actor, change->circle_id, "account", "create", error))
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "INSERT INTO accounts (circle_id, owner_id, type, name, currency, created_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->circle_id);
  hearth_statement_bind_int64 (statement, 2, hearth_actor_get_user_id (change->actor));
  hearth_statement_bind_text (statement, 3, change->kind);
  hearth_statement_bind_text (statement, 4, change->name);
  hearth_statement_bind_text (statement, 5, change->currency);
  hearth_statement_bind_int64 (statement, 6, hearth_store_now (store));
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  change->account_id = hearth_statement_get_int64 (statement, 0);

  json_builder_set_member_name (metadata, "name");
  json_builder_add_string_value (metadata, change->name);
  json_builder_set_member_name (metadata, "type");
  json_builder_add_string_value (metadata, change->kind);
  json_builder_set_member_name (metadata, "currency");
  json_builder_add_string_value (metadata, change->currency);
  return log_account (store, change->account_id, "CREATED", metadata, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (change->actor), change->circle_id,
                              "account", change->account_id, "account.created", error);
}

/**
 * hearth_finance_create_account:
 * @name: 1 to 128 characters
 * @kind: `BANK`, `WALLET` or `CREDIT`
 * @currency: an ISO 4217 code Hearth knows (hearth_currency_get_digits())
 *
 * Needs `account.create` in the circle.
 *
 * Returns: (transfer full): the new account, with a balance of zero
 */
HearthAccount *
hearth_finance_create_account (HearthFinance  *self,
                               HearthActor    *actor,
                               gint64          circle_id,
                               const char     *name,
                               const char     *kind,
                               const char     *currency,
                               GError        **error)
{
  g_autofree char *clean_name = NULL;
  Change change = { actor, circle_id };

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  clean_name = hearth_validation_clean_text (name, HEARTH_ACCOUNT_NAME_MAX_CHARS, TRUE, HEARTH_VALIDATION_ERROR_NAME,
                                             error);
  if (clean_name == NULL)
    return NULL;
  if (g_strcmp0 (kind, "BANK") != 0 && g_strcmp0 (kind, "WALLET") != 0 && g_strcmp0 (kind, "CREDIT") != 0)
    {
      invalid (error, HEARTH_VALIDATION_ERROR_TYPE, _("Choose a bank account, a wallet or a credit card."));
      return NULL;
    }
  if (!hearth_currency_get_digits (currency, NULL))
    {
      invalid (error, HEARTH_VALIDATION_ERROR_CURRENCY, _("Choose one of the currencies."));
      return NULL;
    }

  change.name = clean_name;
  change.kind = kind;
  change.currency = currency;
  if (!hearth_store_transaction (self->store, create_account_in_transaction, &change, error))
    return NULL;
  return hearth_finance_get_account (self, actor, change.account_id, error);
}

static gboolean
rename_account_in_transaction (HearthStore  *store,
                               gpointer      user_data,
                               GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) old_name = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (JsonBuilder) metadata = metadata_by (change->actor);
  AccountRow row;

  if (!authorize_account (store, change->actor, change->account_id, "account", "update", &row, error))
    return FALSE;

  old_name = hearth_store_prepare (store, "SELECT name FROM accounts WHERE id = ?", error);
  if (old_name == NULL)
    return FALSE;
  hearth_statement_bind_int64 (old_name, 1, change->account_id);
  if (!hearth_statement_fetch_one (old_name, error))
    return FALSE;
  json_builder_set_member_name (metadata, "old");
  json_builder_add_string_value (metadata, hearth_statement_get_text (old_name, 0));
  json_builder_set_member_name (metadata, "new");
  json_builder_add_string_value (metadata, change->name);

  statement = hearth_store_prepare (store, "UPDATE accounts SET name = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, change->name);
  hearth_statement_bind_int64 (statement, 2, change->account_id);
  return hearth_statement_run (statement, error) &&
         log_account (store, change->account_id, "RENAMED", metadata, error);
}

/**
 * hearth_finance_rename_account:
 *
 * Needs `account.update`. Logged in `account_audit_logs`.
 */
gboolean
hearth_finance_rename_account (HearthFinance  *self,
                               HearthActor    *actor,
                               gint64          account_id,
                               const char     *name,
                               GError        **error)
{
  g_autofree char *clean_name = NULL;
  Change change = { actor, 0, account_id };

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  clean_name = hearth_validation_clean_text (name, HEARTH_ACCOUNT_NAME_MAX_CHARS, TRUE, HEARTH_VALIDATION_ERROR_NAME,
                                             error);
  if (clean_name == NULL)
    return FALSE;
  change.name = clean_name;
  return hearth_store_transaction (self->store, rename_account_in_transaction, &change, error);
}

static gboolean
archive_in_transaction (HearthStore  *store,
                        gpointer      user_data,
                        GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (JsonBuilder) metadata = metadata_by (change->actor);
  AccountRow row;

  if (!authorize_account (store, change->actor, change->account_id, "account", "archive", &row, error))
    return FALSE;
  if (row.archived == change->archived)
    return TRUE;

  statement = hearth_store_prepare (store, "UPDATE accounts SET archived_at = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  if (change->archived)
    hearth_statement_bind_int64 (statement, 1, hearth_store_now (store));
  else
    hearth_statement_bind_null (statement, 1);
  hearth_statement_bind_int64 (statement, 2, change->account_id);

  return hearth_statement_run (statement, error) &&
         log_account (store, change->account_id, change->archived ? "ARCHIVED" : "RESTORED", metadata, error) &&
         hearth_audit_record (store, hearth_actor_get_user_id (change->actor), row.circle_id, "account",
                              change->account_id, change->archived ? "account.archived" : "account.restored",
                              error);
}

/**
 * hearth_finance_set_account_archived:
 * @archived: %TRUE to archive, %FALSE to restore
 *
 * Needs `account.archive`. An archived account keeps its ledger, readable; it
 * takes no new transactions until it is restored.
 */
gboolean
hearth_finance_set_account_archived (HearthFinance  *self,
                                     HearthActor    *actor,
                                     gint64          account_id,
                                     gboolean        archived,
                                     GError        **error)
{
  Change change = { actor, 0, account_id };

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  change.archived = !!archived;
  return hearth_store_transaction (self->store, archive_in_transaction, &change, error);
}

/* Transactions ---------------------------------------------------------------------------- */

static gint64
signed_amount (gint64    amount,
               gboolean  incoming)
{
  return incoming ? amount : -amount;
}

static gboolean
add_in_transaction (HearthStore  *store,
                    gpointer      user_data,
                    GError      **error)
{
  Change *change = user_data;
  const HearthTransactionDraft *draft = change->draft;
  g_autoptr (HearthStatement) statement = NULL;
  AccountRow row;

  if (!authorize_account (store, change->actor, change->account_id, "transaction", "create", &row, error) ||
      !require_open (&row, error) ||
      !_hearth_category_check (store, row.circle_id, "FINANCE", draft->category_id, error))
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "INSERT INTO transactions (account_id, amount, direction, status, category_id, "
                                    "created_by, created_at, occurred_on, description, payee) "
                                    "VALUES (?, ?, ?, 'POSTED', ?, ?, ?, ?, ?, ?) RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->account_id);
  hearth_statement_bind_int64 (statement, 2, draft->amount);
  hearth_statement_bind_text (statement, 3, draft->incoming ? "IN" : "OUT");
  if (draft->category_id != 0)
    hearth_statement_bind_int64 (statement, 4, draft->category_id);
  else
    hearth_statement_bind_null (statement, 4);
  hearth_statement_bind_int64 (statement, 5, hearth_actor_get_user_id (change->actor));
  hearth_statement_bind_int64 (statement, 6, hearth_store_now (store));
  hearth_statement_bind_text (statement, 7, draft->occurred_on);
  hearth_statement_bind_text (statement, 8, change->description);
  hearth_statement_bind_text (statement, 9, change->payee);
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  change->transaction_id = hearth_statement_get_int64 (statement, 0);

  g_clear_pointer (&statement, hearth_statement_release);
  if (draft->tags != NULL && draft->tags[0] != NULL &&
      !_hearth_tags_set (store, change->actor, row.circle_id, "FINANCE", "transaction", change->transaction_id,
                         draft->tags, NULL, NULL, error))
    return FALSE;

  return _hearth_finance_move_balance (store, change->account_id, signed_amount (draft->amount, draft->incoming), 1,
                                       error) &&
         _hearth_finance_log_transaction (store, change->actor, change->transaction_id, NULL, "POSTED", NULL, error);
}

static gboolean
check_amount (gint64   amount,
              GError **error)
{
  if (amount > 0 && amount <= HEARTH_MONEY_MAX_MINOR)
    return TRUE;
  return invalid (error, HEARTH_VALIDATION_ERROR_AMOUNT, _("Enter an amount greater than zero."));
}

/* Checks what was typed and posts it, in a transaction of its own or as part
 * of the caller's. */
static gint64
post (HearthStore                   *store,
      HearthActor                   *actor,
      gint64                         account_id,
      const HearthTransactionDraft  *draft,
      GError                       **error)
{
  g_autofree char *description = NULL;
  g_autofree char *payee = NULL;
  Change change = { actor, 0, account_id };

  if (!check_date (draft->occurred_on, error) || !check_amount (draft->amount, error))
    return 0;
  description = hearth_validation_clean_text (draft->description, HEARTH_TRANSACTION_DESCRIPTION_MAX_CHARS, FALSE,
                            HEARTH_VALIDATION_ERROR_DESCRIPTION, error);
  if (description == NULL)
    return 0;
  payee = hearth_validation_clean_text (draft->payee, HEARTH_TRANSACTION_PAYEE_MAX_CHARS, FALSE,
                                        HEARTH_VALIDATION_ERROR_PAYEE, error);
  if (payee == NULL)
    return 0;

  change.draft = draft;
  change.description = description;
  change.payee = payee;
  if (!hearth_store_transaction (store, add_in_transaction, &change, error))
    return 0;
  return change.transaction_id;
}

/**
 * hearth_finance_add_transaction:
 * @draft: what was typed, the amount already parsed
 *
 * Needs `transaction.create` in the account's circle; the account must not be
 * archived. Posts the transaction, moves the balance and logs it, in one
 * transaction.
 *
 * Returns: the new transaction's id, or 0
 */
gint64
hearth_finance_add_transaction (HearthFinance                 *self,
                                HearthActor                   *actor,
                                gint64                         account_id,
                                const HearthTransactionDraft  *draft,
                                GError                       **error)
{
  g_return_val_if_fail (HEARTH_IS_FINANCE (self), 0);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), 0);
  g_return_val_if_fail (draft != NULL, 0);

  return post (self->store, actor, account_id, draft, error);
}

/* What another module's change posts (a chore's reward), inside its own
 * transaction: as hearth_finance_add_transaction(), authorized the same way. */
gint64
_hearth_finance_post (HearthStore                   *store,
                      HearthActor                   *actor,
                      gint64                         account_id,
                      const HearthTransactionDraft  *draft,
                      GError                       **error)
{
  return post (store, actor, account_id, draft, error);
}

/* The account of a transaction, authorized for @action on @resource. */
static gboolean
authorize_transaction (HearthStore  *store,
                       HearthActor  *actor,
                       gint64        transaction_id,
                       const char   *resource,
                       const char   *action,
                       gint64       *out_account_id,
                       AccountRow   *out_row,
                       GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store, "SELECT account_id FROM transactions WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, transaction_id);
  if (!hearth_statement_fetch_one (statement, NULL))
    {
      g_set_error_literal (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                           _("You are not allowed to see this transaction."));
      return FALSE;
    }
  *out_account_id = hearth_statement_get_int64 (statement, 0);
  return authorize_account (store, actor, *out_account_id, resource, action, out_row, error);
}

/* For the importer (hearth-import.c): the account authorized, open for a
 * change when @for_a_change, and its circle. */
gboolean
_hearth_finance_authorize_account (HearthStore  *store,
                                   HearthActor  *actor,
                                   gint64        account_id,
                                   const char   *resource,
                                   const char   *action,
                                   gboolean      for_a_change,
                                   gint64       *out_circle_id,
                                   GError      **error)
{
  AccountRow row;

  if (!authorize_account (store, actor, account_id, resource, action, &row, error) ||
      (for_a_change && !require_open (&row, error)))
    return FALSE;
  if (out_circle_id != NULL)
    *out_circle_id = row.circle_id;
  return TRUE;
}

/* For the receipts (hearth-receipts.c): the transaction's account authorized,
 * and whether it is archived. */
gboolean
_hearth_finance_authorize_transaction (HearthStore  *store,
                                       HearthActor  *actor,
                                       gint64        transaction_id,
                                       const char   *resource,
                                       const char   *action,
                                       gboolean      for_a_change,
                                       GError      **error)
{
  gint64 account_id;
  AccountRow row;

  return authorize_transaction (store, actor, transaction_id, resource, action, &account_id, &row, error) &&
         (!for_a_change || require_open (&row, error));
}

/**
 * hearth_finance_get_transaction:
 *
 * Needs `transaction.read` in the account's circle.
 *
 * Returns: (transfer full): the transaction
 */
HearthTransaction *
hearth_finance_get_transaction (HearthFinance  *self,
                                HearthActor    *actor,
                                gint64          transaction_id,
                                GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;
  gint64 account_id;
  AccountRow row;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);

  if (!authorize_transaction (self->store, actor, transaction_id, "transaction", "read", &account_id, &row, error))
    return NULL;

  sql = g_strconcat (transaction_columns, "WHERE t.id = ?", NULL);
  statement = hearth_store_prepare (self->store, sql, error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, transaction_id);
  if (!hearth_statement_fetch_one (statement, error))
    return NULL;
  return _hearth_transaction_new_from_row (statement);
}

/**
 * hearth_finance_list_transactions:
 * @after: (nullable): the last transaction of the page before, or %NULL for
 *   the newest
 * @limit: the most transactions to return
 *
 * Needs `transaction.read`. Newest value date first, by keyset over the
 * `transactions_account_ledger` index.
 *
 * Returns: (transfer full) (element-type HearthTransaction): a page of the ledger
 */
GPtrArray *
hearth_finance_list_transactions (HearthFinance      *self,
                                  HearthActor        *actor,
                                  gint64              account_id,
                                  HearthTransaction  *after,
                                  guint               limit,
                                  GError            **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;
  AccountRow row;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);
  g_return_val_if_fail (after == NULL || HEARTH_IS_TRANSACTION (after), NULL);

  if (!authorize_account (self->store, actor, account_id, "transaction", "read", &row, error))
    return NULL;

  sql = g_strconcat (transaction_columns,
                     "WHERE t.account_id = ?1 AND (?2 IS NULL OR (t.occurred_on, t.id) < (?2, ?3)) "
                     "ORDER BY t.occurred_on DESC, t.id DESC LIMIT ?4",
                     NULL);
  statement = hearth_store_prepare (self->store, sql, error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, account_id);
  if (after != NULL)
    hearth_statement_bind_text (statement, 2, hearth_transaction_get_occurred_on (after));
  else
    hearth_statement_bind_null (statement, 2);
  hearth_statement_bind_int64 (statement, 3, after != NULL ? hearth_transaction_get_id (after) : 0);
  hearth_statement_bind_int64 (statement, 4, limit);
  return hearth_statement_collect (statement, _hearth_transaction_new_from_row, g_object_unref, error);
}

static gboolean record_export (HearthStore *store, gpointer user_data, GError **error);

typedef struct
{
  gint64  account_id;
  char   *pattern;
  gint64  category_id;
  gint64  tag_id;
  char   *status;
  char   *since;
  char   *until;
} LedgerParams;

static void
ledger_params_free (gpointer data)
{
  LedgerParams *params = data;

  g_free (params->pattern);
  g_free (params->status);
  g_free (params->since);
  g_free (params->until);
  g_free (params);
}

static void
bind_text_or_null (HearthStatement *statement,
                   int              index,
                   const char      *text)
{
  if (text != NULL)
    hearth_statement_bind_text (statement, index, text);
  else
    hearth_statement_bind_null (statement, index);
}

static void
bind_ledger (HearthStatement *statement,
             gpointer         user_data)
{
  LedgerParams *params = user_data;

  hearth_statement_bind_int64 (statement, 1, params->account_id);
  bind_text_or_null (statement, 2, params->pattern);
  hearth_statement_bind_int64 (statement, 3, params->category_id);
  bind_text_or_null (statement, 4, params->status);
  bind_text_or_null (statement, 5, params->since);
  bind_text_or_null (statement, 6, params->until);
  hearth_statement_bind_int64 (statement, 7, params->tag_id);
}

/* A LIKE pattern that finds @text as it is: its own % and _ are escaped. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

#define LEDGER_WHERE \
  "WHERE t.account_id = ?1 " \
  "AND (?2 IS NULL OR t.description LIKE ?2 ESCAPE '\\' OR t.payee LIKE ?2 ESCAPE '\\') " \
  "AND (?3 = 0 OR t.category_id = ?3) " \
  "AND (?4 IS NULL OR t.status = ?4) " \
  "AND (?5 IS NULL OR t.occurred_on >= ?5) " \
  "AND (?6 IS NULL OR t.occurred_on <= ?6) " \
  "AND (?7 = 0 OR EXISTS (SELECT 1 FROM tag_relations r " \
  "                       WHERE r.tag_id = ?7 AND r.entity_type = 'transaction' AND r.entity_id = t.id))"

static const HearthQuery ledger_query = {
  .watch_table = "transactions",
  .columns = HEARTH_TRANSACTION_COLUMNS,
  .from = "FROM transactions t LEFT JOIN categories c ON c.id = t.category_id " LEDGER_WHERE,
  .count_from = "FROM transactions t " LEDGER_WHERE,
  /* Unfiltered, the account keeps its count (migration 0006): opening a
   * ledger of a million lines reads one row instead of counting them. */
  .count = "SELECT CASE WHEN ?2 IS NULL AND ?3 = 0 AND ?4 IS NULL AND ?5 IS NULL AND ?6 IS NULL AND ?7 = 0 "
           "THEN (SELECT transaction_count FROM accounts WHERE id = ?1) "
           "ELSE (SELECT count(*) FROM transactions t " LEDGER_WHERE ") END",
  .key = "t.occurred_on",
  .key_is_text = TRUE,
  .id = "t.id",
  .new_from_row = _hearth_transaction_new_from_row,
};

/* The ledger filter's parameters, checked; %NULL when a date is not one. */
static LedgerParams *
ledger_params_new (gint64                     account_id,
                   const HearthLedgerFilter  *filter,
                   GError                   **error)
{
  LedgerParams *params;

  if (filter != NULL && ((filter->since != NULL && !check_date (filter->since, error)) ||
                         (filter->until != NULL && !check_date (filter->until, error))))
    return NULL;

  params = g_new0 (LedgerParams, 1);
  params->account_id = account_id;
  if (filter != NULL)
    {
      if (filter->text != NULL && *filter->text != '\0')
        params->pattern = like_pattern (filter->text);
      params->category_id = filter->category_id;
      params->tag_id = filter->tag_id;
      params->status = filter->posted_only ? g_strdup ("POSTED") : NULL;
      params->since = g_strdup (filter->since);
      params->until = g_strdup (filter->until);
    }
  return params;
}

/**
 * hearth_finance_new_ledger:
 * @filter: (nullable): what to show; %NULL for every line
 *
 * Needs `transaction.read` in the account's circle, when the model is made.
 * The ledger as a list model, newest value date first, filtered in SQL, that
 * reads only the pages a view shows and follows every change to the ledger.
 *
 * Returns: (transfer full): the model
 */
HearthQueryModel *
hearth_finance_new_ledger (HearthFinance             *self,
                           HearthActor               *actor,
                           gint64                     account_id,
                           const HearthLedgerFilter  *filter,
                           GError                   **error)
{
  LedgerParams *params;
  AccountRow row;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);

  if (!authorize_account (self->store, actor, account_id, "transaction", "read", &row, error))
    return NULL;
  params = ledger_params_new (account_id, filter, error);
  if (params == NULL)
    return NULL;

  {
    HearthQuery query = ledger_query;

    query.item_type = HEARTH_TYPE_TRANSACTION;
    return hearth_query_model_new (self->store, &query, 7, bind_ledger, params, ledger_params_free, error);
  }
}

/**
 * hearth_finance_sum_ledger:
 * @filter: (nullable): the ledger's filter, as shown
 * @out_in: (out): the posted money in, in minor units
 * @out_out: (out): the posted money out
 *
 * Needs `transaction.read`. The totals of what the filter shows, voided lines
 * left out; summed in SQL over the filter's rows.
 */
gboolean
hearth_finance_sum_ledger (HearthFinance             *self,
                           HearthActor               *actor,
                           gint64                     account_id,
                           const HearthLedgerFilter  *filter,
                           gint64                    *out_in,
                           gint64                    *out_out,
                           GError                   **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *sql = NULL;
  LedgerParams *params;
  AccountRow row;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);
  g_return_val_if_fail (out_in != NULL && out_out != NULL, FALSE);

  if (!authorize_account (self->store, actor, account_id, "transaction", "read", &row, error))
    return FALSE;
  params = ledger_params_new (account_id, filter, error);
  if (params == NULL)
    return FALSE;

  sql = g_strdup_printf ("SELECT ifnull (sum (CASE WHEN t.direction = 'IN' THEN t.amount END), 0), "
                         "ifnull (sum (CASE WHEN t.direction = 'OUT' THEN t.amount END), 0) %s "
                         "AND t.status = 'POSTED'",
                         ledger_query.count_from);
  statement = hearth_store_prepare (self->store, sql, error);
  if (statement != NULL)
    bind_ledger (statement, params);
  ledger_params_free (params);
  if (statement == NULL || !hearth_statement_fetch_one (statement, error))
    return FALSE;
  *out_in = hearth_statement_get_int64 (statement, 0);
  *out_out = hearth_statement_get_int64 (statement, 1);
  return TRUE;
}

static void
month_amount_clear (gpointer data)
{
  g_free (((HearthMonthAmount *) data)->category);
}

static gboolean
check_month (const char  *month,
             GError     **error)
{
  g_autofree char *day = g_strconcat (month != NULL ? month : "", "-01", NULL);

  return check_date (day, error);
}

/**
 * hearth_finance_monthly_spending:
 * @since_month: the first month, `YYYY-MM`
 *
 * Needs `transaction.read`. What went out each month by category, posted
 * lines only: the spending chart.
 *
 * Returns: (transfer full) (element-type HearthMonthAmount): by month, then
 *   category
 */
GArray *
hearth_finance_monthly_spending (HearthFinance  *self,
                                 HearthActor    *actor,
                                 gint64          account_id,
                                 const char     *since_month,
                                 GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GArray) months = NULL;
  g_autoptr (GError) local_error = NULL;
  AccountRow row;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);

  if (!authorize_account (self->store, actor, account_id, "transaction", "read", &row, error) ||
      !check_month (since_month, error))
    return NULL;

  statement = hearth_store_prepare (self->store,
                                    "SELECT substr (t.occurred_on, 1, 7) AS month, c.name, sum (t.amount) "
                                    "FROM transactions t LEFT JOIN categories c ON c.id = t.category_id "
                                    "WHERE t.account_id = ?1 AND t.occurred_on >= ?2 AND t.status = 'POSTED' "
                                    "AND t.direction = 'OUT' "
                                    "GROUP BY month, t.category_id ORDER BY month, c.name",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, account_id);
  hearth_statement_bind_text (statement, 2, since_month);

  months = g_array_new (FALSE, TRUE, sizeof (HearthMonthAmount));
  g_array_set_clear_func (months, month_amount_clear);
  while (hearth_statement_next_row (statement, &local_error))
    {
      HearthMonthAmount amount = { { 0 } };

      g_strlcpy (amount.month, hearth_statement_get_text (statement, 0), sizeof amount.month);
      amount.category = hearth_statement_dup_text (statement, 1);
      amount.amount = hearth_statement_get_int64 (statement, 2);
      g_array_append_val (months, amount);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&months);
}

/**
 * hearth_finance_balance_history:
 * @since_month: the first month, `YYYY-MM`
 *
 * Needs `transaction.read`. The balance at the end of each month from
 * @since_month to the last month with a posted line, every month listed: the
 * balance chart. It counts what came before @since_month too, so the first
 * month starts right.
 *
 * Returns: (transfer full) (element-type HearthMonthBalance): by month
 */
GArray *
hearth_finance_balance_history (HearthFinance  *self,
                                HearthActor    *actor,
                                gint64          account_id,
                                const char     *since_month,
                                GError        **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GArray) balances = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 running = 0;
  AccountRow row;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);

  if (!authorize_account (self->store, actor, account_id, "transaction", "read", &row, error) ||
      !check_month (since_month, error))
    return NULL;

  /* Everything before the first month as one row, then a row a month. */
  statement = hearth_store_prepare (self->store,
                                    "SELECT max (?2, substr (occurred_on, 1, 7)) AS month, "
                                    "  sum (CASE direction WHEN 'IN' THEN amount ELSE -amount END) "
                                    "FROM transactions WHERE account_id = ?1 AND status = 'POSTED' "
                                    "GROUP BY month ORDER BY month",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, account_id);
  hearth_statement_bind_text (statement, 2, since_month);

  balances = g_array_new (FALSE, TRUE, sizeof (HearthMonthBalance));
  while (hearth_statement_next_row (statement, &local_error))
    {
      const char *month = hearth_statement_get_text (statement, 0);

      /* A month without a line keeps the balance of the one before. */
      while (balances->len > 0)
        {
          HearthMonthBalance *last = &g_array_index (balances, HearthMonthBalance, balances->len - 1);
          HearthMonthBalance gap = { { 0 } };
          guint year = (guint) g_ascii_strtoull (last->month, NULL, 10);
          guint number = (guint) g_ascii_strtoull (last->month + 5, NULL, 10);

          g_snprintf (gap.month, sizeof gap.month, "%04u-%02u", number == 12 ? year + 1 : year,
                      number == 12 ? 1 : number + 1);
          if (strcmp (gap.month, month) >= 0)
            break;
          gap.balance = running;
          g_array_append_val (balances, gap);
        }

      {
        HearthMonthBalance balance = { { 0 } };

        running += hearth_statement_get_int64 (statement, 1);
        g_strlcpy (balance.month, month, sizeof balance.month);
        balance.balance = running;
        g_array_append_val (balances, balance);
      }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&balances);
}

/* A CSV field, quoted when it must be (RFC 4180). */
static void
append_field (GString    *line,
              const char *text)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/**
 * hearth_finance_export_csv:
 * @filter: (nullable): what to export: the ledger as shown
 * @output: where the CSV goes, UTF-8, comma-separated, amounts with a point
 *
 * Needs `data.export` (ADMIN by default) and sudo mode, as SECURITY.md asks
 * for every export, and writes a `data.exported` audit row. Newest first, the
 * voided lines marked.
 */
gboolean
hearth_finance_export_csv (HearthFinance             *self,
                           HearthActor               *actor,
                           gint64                     account_id,
                           const HearthLedgerFilter  *filter,
                           GOutputStream             *output,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  g_autoptr (HearthAccount) account = NULL;
  g_autoptr (HearthQueryModel) ledger = NULL;
  g_autoptr (GString) line = g_string_new ("Date,Description,Payee,Category,Amount,Currency,Direction,Status\r\n");
  HearthNumberFormat plain;
  AccountRow row;
  guint n;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  if (!authorize_account (self->store, actor, account_id, "data", "export", &row, error) ||
      !hearth_guard_require_sudo (self->guard, actor, error))
    return FALSE;
  account = hearth_finance_get_account (self, actor, account_id, error);
  ledger = account != NULL ? hearth_finance_new_ledger (self, actor, account_id, filter, error) : NULL;
  if (ledger == NULL)
    return FALSE;

  hearth_number_format_init (&plain, ".", "");
  n = g_list_model_get_n_items (G_LIST_MODEL (ledger));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HearthTransaction) transaction = g_list_model_get_item (G_LIST_MODEL (ledger), i);
      g_autofree char *amount = hearth_money_format (hearth_transaction_get_amount (transaction),
                                                     hearth_account_get_currency (account), &plain);

      append_field (line, hearth_transaction_get_occurred_on (transaction));
      g_string_append_c (line, ',');
      append_field (line, hearth_transaction_get_description (transaction));
      g_string_append_c (line, ',');
      append_field (line, hearth_transaction_get_payee (transaction));
      g_string_append_c (line, ',');
      append_field (line, hearth_transaction_get_category_name (transaction));
      g_string_append_printf (line, ",%s,%s,%s,%s\r\n", amount, hearth_account_get_currency (account),
                              hearth_transaction_get_incoming (transaction) ? "IN" : "OUT",
                              hearth_transaction_get_voided (transaction) ? "VOIDED" : "POSTED");

      /* Written a few hundred lines at a time. */
      if (line->len > 65536 || i + 1 == n)
        {
          if (!g_output_stream_write_all (output, line->str, line->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (line, 0);
        }
    }
  if (n == 0 && !g_output_stream_write_all (output, line->str, line->len, NULL, cancellable, error))
    return FALSE;

  return hearth_store_transaction (self->store, record_export, &(Change) { actor, row.circle_id, account_id }, error);
}

/* Voids or restores: the status flips, the balance follows, the log says so. */
static gboolean
set_voided_in_transaction (HearthStore  *store,
                           gpointer      user_data,
                           GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) current = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  const char *old_status = change->voided ? "POSTED" : "VOIDED";
  const char *new_status = change->voided ? "VOIDED" : "POSTED";
  gint64 account_id;
  gint64 delta;
  AccountRow row;

  if (!authorize_transaction (store, change->actor, change->transaction_id, "transaction", "void", &account_id,
                              &row, error) ||
      !require_open (&row, error))
    return FALSE;

  current = hearth_store_prepare (store, "SELECT status, amount, direction FROM transactions WHERE id = ?", error);
  if (current == NULL)
    return FALSE;
  hearth_statement_bind_int64 (current, 1, change->transaction_id);
  if (!hearth_statement_fetch_one (current, error))
    return FALSE;
  if (!g_str_equal (hearth_statement_get_text (current, 0), old_status))
    {
      if (change->voided)
        g_set_error_literal (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_ALREADY_VOIDED,
                             _("This transaction is voided already."));
      else
        g_set_error_literal (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_NOT_VOIDED,
                             _("This transaction is not voided."));
      return FALSE;
    }
  delta = signed_amount (hearth_statement_get_int64 (current, 1),
                         g_str_equal (hearth_statement_get_text (current, 2), "IN"));

  statement = hearth_store_prepare (store, "UPDATE transactions SET status = ? WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, new_status);
  hearth_statement_bind_int64 (statement, 2, change->transaction_id);

  return hearth_statement_run (statement, error) &&
         _hearth_finance_move_balance (store, account_id, change->voided ? -delta : delta, 0, error) &&
         _hearth_finance_log_transaction (store, change->actor, change->transaction_id, old_status, new_status, NULL,
                                          error);
}

static gboolean
set_voided (HearthStore  *store,
            HearthActor  *actor,
            gint64        transaction_id,
            gboolean      voided,
            GError      **error)
{
  Change change = { actor };

  change.transaction_id = transaction_id;
  change.voided = voided;
  return hearth_store_transaction (store, set_voided_in_transaction, &change, error);
}

/* Voids inside another module's transaction (a chore's approval undone), as
 * hearth_finance_void_transaction() does. */
gboolean
_hearth_finance_void (HearthStore  *store,
                      HearthActor  *actor,
                      gint64        transaction_id,
                      GError      **error)
{
  return set_voided (store, actor, transaction_id, TRUE, error);
}

/**
 * hearth_finance_void_transaction:
 *
 * Needs `transaction.void`. The transaction stays in the ledger, marked
 * voided, and stops counting in the balance; hearth_finance_unvoid_transaction()
 * undoes it.
 */
gboolean
hearth_finance_void_transaction (HearthFinance  *self,
                                 HearthActor    *actor,
                                 gint64          transaction_id,
                                 GError        **error)
{
  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return set_voided (self->store, actor, transaction_id, TRUE, error);
}

/**
 * hearth_finance_unvoid_transaction:
 *
 * Needs `transaction.void`: the Undo of a void. Logged like the void.
 */
gboolean
hearth_finance_unvoid_transaction (HearthFinance  *self,
                                   HearthActor    *actor,
                                   gint64          transaction_id,
                                   GError        **error)
{
  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  return set_voided (self->store, actor, transaction_id, FALSE, error);
}

static void
add_change (JsonBuilder *changes,
            const char  *field,
            const char  *old_value,
            const char  *new_value)
{
  json_builder_set_member_name (changes, field);
  json_builder_begin_object (changes);
  json_builder_set_member_name (changes, "old");
  json_builder_add_string_value (changes, old_value);
  json_builder_set_member_name (changes, "new");
  json_builder_add_string_value (changes, new_value);
  json_builder_end_object (changes);
}

static gboolean
edit_in_transaction (HearthStore  *store,
                     gpointer      user_data,
                     GError      **error)
{
  Change *change = user_data;
  const HearthTransactionDraft *values = change->draft;
  g_autoptr (HearthStatement) current = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (JsonBuilder) changes = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *changes_json = NULL;
  g_autofree char *old_category = NULL;
  g_autofree char *new_category = NULL;
  g_autofree char *old_tags = NULL;
  g_autofree char *new_tags = NULL;
  gboolean changed = FALSE;
  gint64 account_id;
  AccountRow row;

  if (!authorize_transaction (store, change->actor, change->transaction_id, "transaction", "update", &account_id,
                              &row, error) ||
      !require_open (&row, error))
    return FALSE;
  if ((change->fields & HEARTH_TRANSACTION_FIELD_CATEGORY) &&
      !_hearth_category_check (store, row.circle_id, "FINANCE", values->category_id, error))
    return FALSE;

  current = hearth_store_prepare (store,
                                  "SELECT occurred_on, description, payee, ifnull (category_id, 0), status "
                                  "FROM transactions WHERE id = ?",
                                  error);
  if (current == NULL)
    return FALSE;
  hearth_statement_bind_int64 (current, 1, change->transaction_id);
  if (!hearth_statement_fetch_one (current, error))
    return FALSE;

  json_builder_begin_object (changes);
  if ((change->fields & HEARTH_TRANSACTION_FIELD_DATE) &&
      !g_str_equal (hearth_statement_get_text (current, 0), values->occurred_on))
    {
      add_change (changes, "occurred_on", hearth_statement_get_text (current, 0), values->occurred_on);
      changed = TRUE;
    }
  if ((change->fields & HEARTH_TRANSACTION_FIELD_DESCRIPTION) &&
      !g_str_equal (hearth_statement_get_text (current, 1), change->description))
    {
      add_change (changes, "description", hearth_statement_get_text (current, 1), change->description);
      changed = TRUE;
    }
  if ((change->fields & HEARTH_TRANSACTION_FIELD_PAYEE) &&
      !g_str_equal (hearth_statement_get_text (current, 2), change->payee))
    {
      add_change (changes, "payee", hearth_statement_get_text (current, 2), change->payee);
      changed = TRUE;
    }
  if ((change->fields & HEARTH_TRANSACTION_FIELD_CATEGORY) &&
      hearth_statement_get_int64 (current, 3) != values->category_id)
    {
      old_category = g_strdup_printf ("%" G_GINT64_FORMAT, hearth_statement_get_int64 (current, 3));
      new_category = g_strdup_printf ("%" G_GINT64_FORMAT, values->category_id);
      add_change (changes, "category_id", old_category, new_category);
      changed = TRUE;
    }
  if (change->fields & HEARTH_TRANSACTION_FIELD_TAGS)
    {
      if (!_hearth_tags_set (store, change->actor, row.circle_id, "FINANCE", "transaction", change->transaction_id,
                             values->tags, &old_tags, &new_tags, error))
        return FALSE;
      if (!g_str_equal (old_tags, new_tags))
        {
          add_change (changes, "tags", old_tags, new_tags);
          changed = TRUE;
        }
    }
  json_builder_end_object (changes);
  if (!changed)
    return TRUE;

  statement = hearth_store_prepare (store,
                                    "UPDATE transactions SET "
                                    "  occurred_on = CASE WHEN ?2 THEN ?3 ELSE occurred_on END, "
                                    "  description = CASE WHEN ?4 THEN ?5 ELSE description END, "
                                    "  payee = CASE WHEN ?6 THEN ?7 ELSE payee END, "
                                    "  category_id = CASE WHEN ?8 THEN nullif (?9, 0) ELSE category_id END "
                                    "WHERE id = ?1",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->transaction_id);
  hearth_statement_bind_int64 (statement, 2, (change->fields & HEARTH_TRANSACTION_FIELD_DATE) != 0);
  hearth_statement_bind_text (statement, 3, values->occurred_on != NULL ? values->occurred_on : "");
  hearth_statement_bind_int64 (statement, 4, (change->fields & HEARTH_TRANSACTION_FIELD_DESCRIPTION) != 0);
  hearth_statement_bind_text (statement, 5, change->description);
  hearth_statement_bind_int64 (statement, 6, (change->fields & HEARTH_TRANSACTION_FIELD_PAYEE) != 0);
  hearth_statement_bind_text (statement, 7, change->payee);
  hearth_statement_bind_int64 (statement, 8, (change->fields & HEARTH_TRANSACTION_FIELD_CATEGORY) != 0);
  hearth_statement_bind_int64 (statement, 9, values->category_id);

  root = json_builder_get_root (changes);
  changes_json = json_to_string (root, FALSE);
  return hearth_statement_run (statement, error) &&
         _hearth_finance_log_transaction (store, change->actor, change->transaction_id,
                                          hearth_statement_get_text (current, 4),
                          hearth_statement_get_text (current, 4), changes_json, error);
}

/**
 * hearth_finance_edit_transaction:
 * @values: the new values; only the fields named in @fields are read, and the
 *   amount and direction never are
 * @fields: which fields change
 *
 * Needs `transaction.update`. Each edit is one `transaction_logs` row with the
 * old and new value of every field that changed; an edit that changes nothing
 * writes nothing.
 */
gboolean
hearth_finance_edit_transaction (HearthFinance                 *self,
                                 HearthActor                   *actor,
                                 gint64                         transaction_id,
                                 const HearthTransactionDraft  *values,
                                 HearthTransactionFields        fields,
                                 GError                       **error)
{
  g_autofree char *description = NULL;
  g_autofree char *payee = NULL;
  Change change = { actor };

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if ((fields & HEARTH_TRANSACTION_FIELD_DATE) && !check_date (values->occurred_on, error))
    return FALSE;
  description = hearth_validation_clean_text ((fields & HEARTH_TRANSACTION_FIELD_DESCRIPTION)
                                              ? values->description : NULL,
                                              HEARTH_TRANSACTION_DESCRIPTION_MAX_CHARS, FALSE,
                                              HEARTH_VALIDATION_ERROR_DESCRIPTION, error);
  if (description == NULL)
    return FALSE;
  payee = hearth_validation_clean_text ((fields & HEARTH_TRANSACTION_FIELD_PAYEE) ? values->payee : NULL,
                      HEARTH_TRANSACTION_PAYEE_MAX_CHARS, FALSE, HEARTH_VALIDATION_ERROR_PAYEE, error);
  if (payee == NULL)
    return FALSE;

  change.transaction_id = transaction_id;
  change.draft = values;
  change.fields = fields;
  change.description = description;
  change.payee = payee;
  return hearth_store_transaction (self->store, edit_in_transaction, &change, error);
}

static gboolean
record_export (HearthStore  *store,
               gpointer      user_data,
               GError      **error)
{
  Change *change = user_data;

  return hearth_audit_record (store, hearth_actor_get_user_id (change->actor), change->circle_id, "account",
                              change->account_id, "data.exported", error);
}
