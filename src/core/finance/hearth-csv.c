/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hearth-csv.h"
#include "hearth-validation.h"

/*
 * CSV as banks export it (RFC 4180, and what strays from it): a byte-order
 * mark, any encoding GLib can convert (UTF-8, ISO-8859-1, Windows-1252, ...),
 * a chosen delimiter, fields in double quotes that hold delimiters, line
 * breaks and doubled quotes, CRLF or LF, blank lines (skipped). A file that
 * ends inside quotes is refused at the line the field began on.
 */

void
hearth_csv_row_free (HearthCsvRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->fields);
  g_free (row);
}

static gboolean
is_blank (GPtrArray *fields)
{
  return fields->len == 1 && *(const char *) g_ptr_array_index (fields, 0) == '\0';
}

static void
finish_row (GPtrArray *rows,
            GPtrArray *fields,
            guint      line)
{
  HearthCsvRow *row;

  if (is_blank (fields))
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }
  row = g_new0 (HearthCsvRow, 1);
  row->line = line;
  g_ptr_array_add (fields, NULL);
  row->fields = (GStrv) g_ptr_array_steal (fields, NULL);
  g_ptr_array_add (rows, row);
}

/**
 * hearth_csv_parse:
 * @data: the file's bytes
 * @encoding: (nullable): their encoding; %NULL for UTF-8
 * @delimiter: `,` `;` or a tab, as the bank writes it
 *
 * Returns: (transfer full) (element-type HearthCsvRow): the rows, blank lines
 *   left out, or %NULL with %HEARTH_VALIDATION_ERROR_FILE
 */
GPtrArray *
hearth_csv_parse (const char  *data,
                  gsize        length,
                  const char  *encoding,
                  char         delimiter,
                  GError     **error)
{
  g_autofree char *converted = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_csv_row_free);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p;
  const char *end;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;
  guint line = 1;
  guint row_line = 1;
  guint quote_line = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      g_autoptr (GError) local_error = NULL;
      gsize written = 0;

      converted = g_convert (data, (gssize) length, "UTF-8", encoding, NULL, &written, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE,
                       _("This file cannot be read as %s: %s"), encoding, local_error->message);
          return NULL;
        }
      data = converted;
      length = written;
    }
  else if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE,
                   _("This file is not UTF-8 text. Choose its encoding (a bank’s export is often ISO-8859-1)."));
      return NULL;
    }

  p = data;
  end = data + length;
  /* A byte-order mark is not part of the first field. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          if (c == '"')
            {
              quoted = FALSE;
              p++;
              continue;
            }
          if (c == '\n')
            line++;
          g_string_append_c (field, c);
          p++;
          continue;
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = TRUE;
          was_quoted = TRUE;
          quote_line = line;
          p++;
          continue;
        }
      if (c == delimiter)
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
          p++;
          continue;
        }
      if (c == '\r' && p + 1 < end && p[1] == '\n')
        {
          p++;
          continue;
        }
      if (c == '\n')
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
          finish_row (rows, fields, row_line);
          line++;
          row_line = line;
          p++;
          continue;
        }
      g_string_append_c (field, c);
      p++;
    }

  if (quoted)
    {
      g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE,
                   _("Line %u: a quoted field is never closed; the file may be cut short."), quote_line);
      return NULL;
    }
  /* The last line, without its line break. */
  if (field->len > 0 || fields->len > 0)
    {
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      field = g_string_new (NULL);
      finish_row (rows, fields, row_line);
    }
  return g_steal_pointer (&rows);
}
