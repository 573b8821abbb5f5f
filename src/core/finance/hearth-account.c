/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance"

#include "config.h"

#include "hearth-finance-private.h"
#include "hearth-store.h"

/* An account as its readers see it, with its balance in minor units. */

struct _HearthAccount
{
  GObject   parent_instance;

  gint64    id;
  gint64    circle_id;
  gint64    owner_id;
  char     *kind;
  char     *name;
  char     *currency;
  gint64    balance;
  gboolean  archived;
  gint64    created_at;
};

G_DEFINE_FINAL_TYPE (HearthAccount, hearth_account, G_TYPE_OBJECT)

static void
hearth_account_finalize (GObject *object)
{
  HearthAccount *self = HEARTH_ACCOUNT (object);

  g_free (self->kind);
  g_free (self->name);
  g_free (self->currency);

  G_OBJECT_CLASS (hearth_account_parent_class)->finalize (object);
}

static void
hearth_account_class_init (HearthAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_account_finalize;
}

static void
hearth_account_init (HearthAccount *self)
{
}

/* @row: a row whose first columns are HEARTH_ACCOUNT_COLUMNS
 * (hearth-finance-private.h) */
gpointer
_hearth_account_new_from_row (HearthStatement *row)
{
  HearthAccount *self = g_object_new (HEARTH_TYPE_ACCOUNT, NULL);

  self->id = hearth_statement_get_int64 (row, HEARTH_ACCOUNT_COLUMN_ID);
  self->circle_id = hearth_statement_get_int64 (row, HEARTH_ACCOUNT_COLUMN_CIRCLE_ID);
  self->owner_id = hearth_statement_get_int64 (row, HEARTH_ACCOUNT_COLUMN_OWNER_ID);
  self->kind = hearth_statement_dup_text (row, HEARTH_ACCOUNT_COLUMN_KIND);
  self->name = hearth_statement_dup_text (row, HEARTH_ACCOUNT_COLUMN_NAME);
  self->currency = hearth_statement_dup_text (row, HEARTH_ACCOUNT_COLUMN_CURRENCY);
  self->balance = hearth_statement_get_int64 (row, HEARTH_ACCOUNT_COLUMN_BALANCE);
  self->archived = !hearth_statement_get_is_null (row, HEARTH_ACCOUNT_COLUMN_ARCHIVED_AT);
  self->created_at = hearth_statement_get_int64 (row, HEARTH_ACCOUNT_COLUMN_CREATED_AT);
  return self;
}

gint64
hearth_account_get_id (HearthAccount *self)
{
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (self), 0);
  return self->id;
}

gint64
hearth_account_get_circle_id (HearthAccount *self)
{
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (self), 0);
  return self->circle_id;
}

gint64
hearth_account_get_owner_id (HearthAccount *self)
{
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (self), 0);
  return self->owner_id;
}

/**
 * hearth_account_get_kind:
 *
 * Returns: `BANK`, `WALLET` or `CREDIT` (the seed's `accounts.type`)
 */
const char *
hearth_account_get_kind (HearthAccount *self)
{
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (self), NULL);
  return self->kind;
}

const char *
hearth_account_get_name (HearthAccount *self)
{
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (self), NULL);
  return self->name;
}

const char *
hearth_account_get_currency (HearthAccount *self)
{
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (self), NULL);
  return self->currency;
}

/**
 * hearth_account_get_balance:
 *
 * Returns: the sum of the posted transactions, in minor units; negative when
 *   more went out than came in
 */
gint64
hearth_account_get_balance (HearthAccount *self)
{
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (self), 0);
  return self->balance;
}

gboolean
hearth_account_get_archived (HearthAccount *self)
{
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (self), FALSE);
  return self->archived;
}

gint64
hearth_account_get_created_at (HearthAccount *self)
{
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (self), 0);
  return self->created_at;
}
