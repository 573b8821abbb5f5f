/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance"

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libofx/libofx.h>

#include "hearth-finance-private.h"
#include "hearth-import-private.h"
#include "hearth-money.h"
#include "hearth-validation.h"

/*
 * OFX and QFX statements, read by libofx. Each <STMTTRN> becomes a row; its
 * import id is the bank's FITID, so the same statement imported again adds
 * nothing. libofx reads only files, so the bytes go to a private temporary
 * file first. libofx keeps its settings in globals and is not known to be
 * thread-safe: one statement is read at a time.
 */

G_LOCK_DEFINE_STATIC (libofx);

#define CHUNK 2000

typedef struct
{
  const char *currency;
  int         digits;
  GArray     *rows;
  GPtrArray  *problems;
  guint       n;           /* transactions seen, from 1: a problem's "line" */
  char       *statement_currency;
} Reader;

static int
account_cb (const struct OfxAccountData data,
            void                       *user_data)
{
  Reader *reader = user_data;

  if (data.currency_valid && reader->statement_currency == NULL)
    reader->statement_currency = g_strndup (data.currency, OFX_CURRENCY_LENGTH);
  return 0;
}

static int
transaction_cb (const struct OfxTransactionData data,
                void                           *user_data)
{
  Reader *reader = user_data;
  HearthImportRow row = { 0 };
  double scaled;
  g_autoptr (GDateTime) posted = NULL;

  row.line = ++reader->n;
  if (!data.amount_valid || !data.date_posted_valid)
    {
      _hearth_import_add_problem (reader->problems, row.line, _("The transaction has no amount or no date."));
      return 0;
    }

  scaled = fabs (data.amount) * pow (10, reader->digits);
  if (fabs (scaled - round (scaled)) > 1e-6 * MAX (1.0, scaled) || round (scaled) < 1 ||
      round (scaled) > (double) HEARTH_MONEY_MAX_MINOR)
    {
      g_autofree char *reason = g_strdup_printf (_("The amount %.6g cannot be used in %s."), data.amount,
                                                 reader->currency);

      _hearth_import_add_problem (reader->problems, row.line, reason);
      return 0;
    }
  row.amount = (gint64) round (scaled);
  row.incoming = data.amount > 0;

  /* A posting date; the bank's time of day and zone say nothing more. */
  posted = g_date_time_new_from_unix_utc (data.date_posted);
  if (posted == NULL || g_date_time_get_year (posted) < 1900 || g_date_time_get_year (posted) > 2199)
    {
      _hearth_import_add_problem (reader->problems, row.line, _("The transaction’s date cannot be read."));
      return 0;
    }
  g_snprintf (row.date, sizeof row.date, "%04d-%02d-%02d", g_date_time_get_year (posted),
              g_date_time_get_month (posted), g_date_time_get_day_of_month (posted));

  /* NAME is who was paid or paid; MEMO says what for. */
  row.payee = g_strstrip (g_strdup (data.name_valid ? data.name : ""));
  row.description = g_strstrip (g_strdup (data.memo_valid ? data.memo : ""));
  if (*row.description == '\0')
    {
      g_free (row.description);
      row.description = g_strdup (row.payee);
    }
  if (!g_utf8_validate (row.payee, -1, NULL) || !g_utf8_validate (row.description, -1, NULL) ||
      g_utf8_strlen (row.description, -1) > HEARTH_TRANSACTION_DESCRIPTION_MAX_CHARS ||
      g_utf8_strlen (row.payee, -1) > HEARTH_TRANSACTION_PAYEE_MAX_CHARS)
    {
      _hearth_import_add_problem (reader->problems, row.line, _("The description or the payee is too long."));
      _hearth_import_row_clear (&row);
      return 0;
    }

  if (data.fi_id_valid && *data.fi_id != '\0')
    row.import_id = g_strdup_printf ("ofx:%s", data.fi_id);
  else
    row.import_id = g_strdup_printf ("ofx-nofitid:%s:%" G_GINT64_FORMAT ":%s:%u", row.date, row.amount, row.payee,
                                     row.line);
  g_array_append_val (reader->rows, row);
  return 0;
}

/**
 * hearth_import_is_ofx:
 * @data: the start of a file, or all of it
 *
 * Returns: whether it looks like an OFX or QFX statement: an OFX 1 header,
 *   or an OFX 2 processing instruction, or an <OFX> element near its start
 */
gboolean
hearth_import_is_ofx (const char *data,
                      gsize       length)
{
  gsize head = MIN (length, 4096);

  return g_strstr_len (data, head, "OFXHEADER") != NULL || g_strstr_len (data, head, "<?OFX") != NULL ||
         g_strstr_len (data, head, "<OFX>") != NULL;
}

/* libofx on one statement's bytes, through a private temporary file: it reads
 * files only. */
static gboolean
read_part (const char  *data,
           gsize        length,
           Reader      *reader,
           GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) local_error = NULL;
  LibofxContextPtr context;
  int fd;

  fd = g_file_open_tmp ("hearth-statement-XXXXXX.ofx", &path, &local_error);
  if (fd < 0 || !g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_NONE, 0600, &local_error))
    {
      if (fd >= 0)
        close (fd);
      if (path != NULL)
        g_unlink (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The statement cannot be read: %s"),
                   local_error->message);
      return FALSE;
    }
  close (fd);

  G_LOCK (libofx);
  ofx_PARSER_msg = ofx_DEBUG_msg = ofx_DEBUG1_msg = ofx_DEBUG2_msg = ofx_DEBUG3_msg = ofx_DEBUG4_msg =
    ofx_DEBUG5_msg = ofx_STATUS_msg = ofx_INFO_msg = ofx_WARNING_msg = ofx_ERROR_msg = 0;
  context = libofx_get_new_context ();
  ofx_set_account_cb (context, account_cb, reader);
  ofx_set_transaction_cb (context, transaction_cb, reader);
  libofx_proc_file (context, path, AUTODETECT);
  libofx_free_context (context);
  G_UNLOCK (libofx);
  g_unlink (path);
  return TRUE;
}

static gboolean finish_reading (Reader      *reader,
                                const char  *currency,
                                GError     **error);

/**
 * _hearth_ofx_read:
 * @currency: the account's currency; a statement in another is refused
 * @rows: (element-type HearthImportRow): where the statement's rows go
 * @problems: where the rows that cannot be imported are named, by their
 *   position among the statement's transactions
 *
 * Returns: %FALSE with @error set when the file is no statement at all
 */
gboolean
_hearth_ofx_read (const char  *data,
                  gsize        length,
                  const char  *currency,
                  GArray      *rows,
                  GPtrArray   *problems,
                  GError     **error)
{
  Reader reader = { currency, 0, rows, problems };
  const char *head_end;
  const char *tail_start;
  guint digits;

  g_return_val_if_fail (hearth_currency_get_digits (currency, &digits), FALSE);
  reader.digits = (int) digits;

  if (!hearth_import_is_ofx (data, length))
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE,
                           _("This is not an OFX or QFX statement."));
      return FALSE;
    }

  /* libofx takes time that grows with the square of a statement's
   * transactions (a 100,000-line file took half a minute): a long statement
   * is read in parts of CHUNK transactions, each the statement's head, its
   * part of the list and its tail, which is a statement of its own. */
  head_end = g_strstr_len (data, length, "<STMTTRN>");
  tail_start = head_end != NULL ? g_strrstr_len (data, length, "</STMTTRN>") : NULL;
  if (head_end == NULL || tail_start == NULL || tail_start < head_end)
    {
      if (!read_part (data, length, &reader, error))
        {
          g_free (reader.statement_currency);
          return FALSE;
        }
      return finish_reading (&reader, currency, error);
    }
  tail_start += strlen ("</STMTTRN>");

  for (const char *part = head_end; part < tail_start;)
    {
      g_autoptr (GString) chunk = g_string_new_len (data, head_end - data);
      const char *end = part;

      for (guint n = 0; n < CHUNK && end < tail_start; n++)
        {
          const char *close = g_strstr_len (end, tail_start - end, "</STMTTRN>");

          end = close != NULL ? close + strlen ("</STMTTRN>") : tail_start;
        }
      g_string_append_len (chunk, part, end - part);
      g_string_append_len (chunk, tail_start, data + length - tail_start);
      if (!read_part (chunk->str, chunk->len, &reader, error))
        {
          g_free (reader.statement_currency);
          return FALSE;
        }
      part = end;
    }
  return finish_reading (&reader, currency, error);
}

/* The account's currency and whether anything was read. */
static gboolean
finish_reading (Reader      *reader,
                const char  *currency,
                GError     **error)
{
  g_autofree char *statement_currency = g_steal_pointer (&reader->statement_currency);

  if (reader->n == 0 && statement_currency == NULL)
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE,
                           _("This file holds no bank statement that Hearth can read."));
      return FALSE;
    }
  if (statement_currency != NULL && g_ascii_strcasecmp (statement_currency, currency) != 0)
    {
      g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_CURRENCY,
                   _("This statement is in %s, and the account in %s."), statement_currency, currency);
      return FALSE;
    }
  return TRUE;
}

/**
 * hearth_finance_import_ofx:
 * @data: the statement's bytes, OFX 1 (SGML), OFX 2 (XML) or QFX
 * @cancellable: (nullable): cancels the import; nothing is imported then
 * @progress: (nullable): told how far it is, every thousand rows
 * @out_report: (out) (transfer full): what was added and skipped, and the
 *   transactions that could not be read, by their position in the statement
 *
 * Needs `transaction.import` in the account's circle. As
 * hearth_finance_import_csv(): all or nothing, each row's import id its FITID.
 * A statement in another currency than the account's is refused. Call it off
 * the main thread.
 */
gboolean
hearth_finance_import_ofx (HearthFinance         *self,
                           HearthActor           *actor,
                           gint64                 account_id,
                           const char            *data,
                           gsize                  length,
                           GCancellable          *cancellable,
                           HearthImportProgress   progress,
                           gpointer               progress_data,
                           HearthImportReport   **out_report,
                           GError               **error)
{
  g_autoptr (HearthImportReport) report = g_new0 (HearthImportReport, 1);
  g_autoptr (HearthAccount) account = NULL;
  g_autoptr (GArray) rows = NULL;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);

  report->problems = _hearth_import_problems_new ();
  *out_report = NULL;
  account = hearth_finance_get_account (self, actor, account_id, error);
  if (account == NULL)
    return FALSE;

  rows = g_array_new (FALSE, TRUE, sizeof (HearthImportRow));
  g_array_set_clear_func (rows, _hearth_import_row_clear);
  if (!_hearth_ofx_read (data, length, hearth_account_get_currency (account), rows, report->problems, error))
    return FALSE;
  return _hearth_import_rows (self, actor, account_id, rows, g_steal_pointer (&report), cancellable, progress,
                              progress_data, out_report, error);
}
