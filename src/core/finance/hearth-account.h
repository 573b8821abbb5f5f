/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_ACCOUNT (hearth_account_get_type ())
G_DECLARE_FINAL_TYPE (HearthAccount, hearth_account, HEARTH, ACCOUNT, GObject)

gint64      hearth_account_get_id         (HearthAccount *self);
gint64      hearth_account_get_circle_id  (HearthAccount *self);
gint64      hearth_account_get_owner_id   (HearthAccount *self);
const char *hearth_account_get_kind       (HearthAccount *self);
const char *hearth_account_get_name       (HearthAccount *self);
const char *hearth_account_get_currency   (HearthAccount *self);
gint64      hearth_account_get_balance    (HearthAccount *self);
gboolean    hearth_account_get_archived   (HearthAccount *self);
gint64      hearth_account_get_created_at (HearthAccount *self);

G_END_DECLS
