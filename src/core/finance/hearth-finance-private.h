/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-account.h"
#include "hearth-core-types.h"
#include "hearth-transaction.h"

G_BEGIN_DECLS

/* Entities from rows of the finance service's queries (see hearth-finance.c). */
gpointer _hearth_account_new_from_row     (HearthStatement *row);
gpointer _hearth_transaction_new_from_row (HearthStatement *row);

G_END_DECLS
