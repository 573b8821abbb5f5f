/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_TRANSACTION (hearth_transaction_get_type ())
G_DECLARE_FINAL_TYPE (HearthTransaction, hearth_transaction, HEARTH, TRANSACTION, GObject)

gint64      hearth_transaction_get_id            (HearthTransaction *self);
gint64      hearth_transaction_get_account_id    (HearthTransaction *self);
gint64      hearth_transaction_get_amount        (HearthTransaction *self);
gboolean    hearth_transaction_get_incoming      (HearthTransaction *self);
gboolean    hearth_transaction_get_voided        (HearthTransaction *self);
gint64      hearth_transaction_get_category_id   (HearthTransaction *self);
const char *hearth_transaction_get_category_name (HearthTransaction *self);
const char *hearth_transaction_get_occurred_on   (HearthTransaction *self);
const char *hearth_transaction_get_description   (HearthTransaction *self);
const char *hearth_transaction_get_payee         (HearthTransaction *self);
gint64      hearth_transaction_get_created_by    (HearthTransaction *self);
const char *hearth_transaction_get_tags          (HearthTransaction *self);

G_END_DECLS
