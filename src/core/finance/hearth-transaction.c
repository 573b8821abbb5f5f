/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance"

#include "config.h"

#include <stdlib.h>

#include "hearth-finance-private.h"
#include "hearth-store.h"

/* A line of the ledger: its amount in minor units is always positive, the
 * direction says whether it came in or went out. */

struct _HearthTransaction
{
  GObject   parent_instance;

  gint64    id;
  gint64    account_id;
  gint64    amount;
  gboolean  incoming;
  gboolean  voided;
  gint64    category_id;
  char     *category_name;
  char     *occurred_on;
  char     *description;
  char     *payee;
  gint64    created_by;
  char     *tags;
};

G_DEFINE_FINAL_TYPE (HearthTransaction, hearth_transaction, G_TYPE_OBJECT)

static void
hearth_transaction_finalize (GObject *object)
{
  HearthTransaction *self = HEARTH_TRANSACTION (object);

  g_free (self->category_name);
  g_free (self->occurred_on);
  g_free (self->description);
  g_free (self->payee);
  g_free (self->tags);

  G_OBJECT_CLASS (hearth_transaction_parent_class)->finalize (object);
}

static void
hearth_transaction_class_init (HearthTransactionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_transaction_finalize;
}

static void
hearth_transaction_init (HearthTransaction *self)
{
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *first = g_utf8_casefold (*(const char **) a, -1);
  g_autofree char *second = g_utf8_casefold (*(const char **) b, -1);

  return g_utf8_collate (first, second);
}

/* Tag names as SQLite's group_concat() gave them, in no order, sorted; names
 * never hold a comma (hearth-tags.c). */
static char *
sort_tags (const char *joined)
{
  g_auto (GStrv) names = NULL;

  if (joined == NULL)
    return g_strdup ("");
  names = g_strsplit (joined, ", ", -1);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return g_strjoinv (", ", names);
}

/* @row: a row whose first columns are HEARTH_TRANSACTION_COLUMNS
 * (hearth-finance-private.h) */
gpointer
_hearth_transaction_new_from_row (HearthStatement *row)
{
  HearthTransaction *self = g_object_new (HEARTH_TYPE_TRANSACTION, NULL);

  self->id = hearth_statement_get_int64 (row, HEARTH_TRANSACTION_COLUMN_ID);
  self->account_id = hearth_statement_get_int64 (row, HEARTH_TRANSACTION_COLUMN_ACCOUNT_ID);
  self->amount = hearth_statement_get_int64 (row, HEARTH_TRANSACTION_COLUMN_AMOUNT);
  self->incoming = g_strcmp0 (hearth_statement_get_text (row, HEARTH_TRANSACTION_COLUMN_DIRECTION), "IN") == 0;
  self->voided = g_strcmp0 (hearth_statement_get_text (row, HEARTH_TRANSACTION_COLUMN_STATUS), "VOIDED") == 0;
  self->category_id = hearth_statement_get_int64 (row, HEARTH_TRANSACTION_COLUMN_CATEGORY_ID);
  self->category_name = hearth_statement_dup_text (row, HEARTH_TRANSACTION_COLUMN_CATEGORY_NAME);
  self->occurred_on = hearth_statement_dup_text (row, HEARTH_TRANSACTION_COLUMN_OCCURRED_ON);
  self->description = hearth_statement_dup_text (row, HEARTH_TRANSACTION_COLUMN_DESCRIPTION);
  self->payee = hearth_statement_dup_text (row, HEARTH_TRANSACTION_COLUMN_PAYEE);
  self->created_by = hearth_statement_get_int64 (row, HEARTH_TRANSACTION_COLUMN_CREATED_BY);
  self->tags = sort_tags (hearth_statement_get_text (row, HEARTH_TRANSACTION_COLUMN_TAGS));
  return self;
}

gint64
hearth_transaction_get_id (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), 0);
  return self->id;
}

gint64
hearth_transaction_get_account_id (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), 0);
  return self->account_id;
}

/**
 * hearth_transaction_get_amount:
 *
 * Returns: the amount in minor units, always greater than zero
 */
gint64
hearth_transaction_get_amount (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), 0);
  return self->amount;
}

/**
 * hearth_transaction_get_incoming:
 *
 * Returns: %TRUE for money in (`IN`), %FALSE for money out
 */
gboolean
hearth_transaction_get_incoming (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), FALSE);
  return self->incoming;
}

gboolean
hearth_transaction_get_voided (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), FALSE);
  return self->voided;
}

/**
 * hearth_transaction_get_category_id:
 *
 * Returns: the category, or 0 for none
 */
gint64
hearth_transaction_get_category_id (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), 0);
  return self->category_id;
}

/**
 * hearth_transaction_get_category_name:
 *
 * Returns: (nullable): the category's name
 */
const char *
hearth_transaction_get_category_name (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), NULL);
  return self->category_name;
}

/**
 * hearth_transaction_get_occurred_on:
 *
 * Returns: the value date, `YYYY-MM-DD`
 */
const char *
hearth_transaction_get_occurred_on (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), NULL);
  return self->occurred_on;
}

const char *
hearth_transaction_get_description (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), NULL);
  return self->description;
}

const char *
hearth_transaction_get_payee (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), NULL);
  return self->payee;
}

gint64
hearth_transaction_get_created_by (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), 0);
  return self->created_by;
}

/**
 * hearth_transaction_get_tags:
 *
 * Returns: the names of its tags by name, joined by ", "; "" for none
 */
const char *
hearth_transaction_get_tags (HearthTransaction *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (self), NULL);
  return self->tags;
}
