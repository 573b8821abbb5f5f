/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-finance.h"

G_BEGIN_DECLS

/* The largest receipt Hearth keeps: 25 MB. */
#define HEARTH_RECEIPT_MAX_BYTES (25 * 1000 * 1000)

/**
 * HearthReceipt:
 * @id: the `transaction_receipts` row
 * @transaction_id: the transaction it belongs to
 * @path: the stored file, absolute
 * @content_type: `image/jpeg`, `image/png`, `image/webp` or `application/pdf`
 *
 * A receipt as the ledger shows it.
 */
typedef struct
{
  gint64  id;
  gint64  transaction_id;
  char   *path;
  char   *content_type;
} HearthReceipt;

void         hearth_receipt_free            (HearthReceipt  *receipt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthReceipt, hearth_receipt_free)

const char  *hearth_receipt_sniff           (const guint8   *data,
                                             gsize           length);

gint64       hearth_finance_attach_receipt  (HearthFinance  *self,
                                             HearthActor    *actor,
                                             gint64          transaction_id,
                                             GFile          *file,
                                             GCancellable   *cancellable,
                                             GError        **error);
void         hearth_finance_attach_receipt_async  (HearthFinance        *self,
                                                   HearthActor          *actor,
                                                   gint64                transaction_id,
                                                   GFile                *file,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gint64       hearth_finance_attach_receipt_finish (HearthFinance        *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
GPtrArray   *hearth_finance_list_receipts   (HearthFinance  *self,
                                             HearthActor    *actor,
                                             gint64          transaction_id,
                                             GError        **error);
gboolean     hearth_receipts_sweep          (HearthStore    *store,
                                             guint          *out_removed,
                                             GError        **error);
gboolean     hearth_finance_remove_receipt  (HearthFinance  *self,
                                             HearthActor    *actor,
                                             gint64          receipt_id,
                                             GError        **error);

GBytes      *hearth_receipt_render_preview        (const char           *path,
                                                   int                   max_size,
                                                   GError              **error);
void         hearth_receipt_render_preview_async  (const char           *path,
                                                   int                   max_size,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GBytes      *hearth_receipt_render_preview_finish (GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
