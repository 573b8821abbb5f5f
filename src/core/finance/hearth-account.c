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

enum {
  PROP_0,
  PROP_ID,
  PROP_CIRCLE_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_CURRENCY,
  PROP_BALANCE,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
hearth_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HearthAccount *self = HEARTH_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CIRCLE_ID:
      g_value_set_int64 (value, self->circle_id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_BALANCE:
      g_value_set_int64 (value, self->balance);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_account_class_init (HearthAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hearth_account_finalize;
  object_class->get_property = hearth_account_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CIRCLE_ID] = g_param_spec_int64 ("circle-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties[PROP_BALANCE] = g_param_spec_int64 ("balance", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
