/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-finance.h"
#include "hearth-money.h"

G_BEGIN_DECLS

/**
 * HearthDateOrder:
 * @HEARTH_DATE_ORDER_YMD: 2026-11-27
 * @HEARTH_DATE_ORDER_DMY: 27.11.2026, 27/11/2026
 * @HEARTH_DATE_ORDER_MDY: 11/27/2026
 *
 * How a bank writes its dates; `-`, `/` and `.` separate the parts alike.
 */
typedef enum
{
  HEARTH_DATE_ORDER_YMD,
  HEARTH_DATE_ORDER_DMY,
  HEARTH_DATE_ORDER_MDY,
} HearthDateOrder;

/**
 * HearthCsvImport:
 * @delimiter: the field delimiter
 * @encoding: (nullable): the file's encoding, %NULL for UTF-8
 * @has_header: whether the first row names the columns (and is skipped)
 * @date_order: how the dates are written
 * @number_format: how the amounts are written
 * @date_column: the column of the value date, from 0
 * @amount_column: a signed amount (a minus, or parentheses, for money out),
 *   or -1 when the file has separate debit and credit columns
 * @debit_column: money out, or -1
 * @credit_column: money in, or -1
 * @description_column: or -1
 * @payee_column: or -1
 *
 * How to read one bank's CSV: chosen by a person with a preview.
 */
typedef struct
{
  char               delimiter;
  const char        *encoding;
  gboolean           has_header;
  HearthDateOrder    date_order;
  HearthNumberFormat number_format;
  int                date_column;
  int                amount_column;
  int                debit_column;
  int                credit_column;
  int                description_column;
  int                payee_column;
} HearthCsvImport;

/**
 * HearthImportProblem:
 * @line: the line of the file, from 1
 * @reason: what is wrong with it, for a person
 */
typedef struct
{
  guint  line;
  char  *reason;
} HearthImportProblem;

/**
 * HearthImportReport:
 * @added: transactions added
 * @skipped: rows that were imported before (same import id), left alone
 * @problems: (element-type HearthImportProblem): the rows that cannot be
 *   imported; when there is one, nothing was
 */
typedef struct
{
  guint      added;
  guint      skipped;
  GPtrArray *problems;
} HearthImportReport;

void hearth_import_report_free (HearthImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthImportReport, hearth_import_report_free)

/**
 * HearthImportProgress:
 * @done: rows handled so far
 * @total: rows in all
 */
typedef void (*HearthImportProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

gboolean hearth_finance_import_csv (HearthFinance           *self,
                                    HearthActor             *actor,
                                    gint64                   account_id,
                                    const char              *data,
                                    gsize                    length,
                                    const HearthCsvImport   *options,
                                    GCancellable            *cancellable,
                                    HearthImportProgress     progress,
                                    gpointer                 progress_data,
                                    HearthImportReport     **out_report,
                                    GError                 **error);

gboolean hearth_import_is_ofx      (const char              *data,
                                    gsize                    length);
gboolean hearth_finance_import_ofx (HearthFinance           *self,
                                    HearthActor             *actor,
                                    gint64                   account_id,
                                    const char              *data,
                                    gsize                    length,
                                    GCancellable            *cancellable,
                                    HearthImportProgress     progress,
                                    gpointer                 progress_data,
                                    HearthImportReport     **out_report,
                                    GError                 **error);

void     hearth_finance_import_csv_async  (HearthFinance           *self,
                                           HearthActor             *actor,
                                           gint64                   account_id,
                                           GBytes                  *data,
                                           const HearthCsvImport   *options,
                                           GCancellable            *cancellable,
                                           HearthImportProgress     progress,
                                           gpointer                 progress_data,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
void     hearth_finance_import_ofx_async  (HearthFinance           *self,
                                           HearthActor             *actor,
                                           gint64                   account_id,
                                           GBytes                  *data,
                                           GCancellable            *cancellable,
                                           HearthImportProgress     progress,
                                           gpointer                 progress_data,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
gboolean hearth_finance_import_finish     (HearthFinance           *self,
                                           GAsyncResult            *result,
                                           HearthImportReport     **out_report,
                                           GError                 **error);

G_END_DECLS
