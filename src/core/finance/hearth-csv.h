/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HearthCsvRow:
 * @line: the line of the file the row starts on, from 1
 * @fields: (array zero-terminated=1): its fields, unquoted, in UTF-8
 */
typedef struct
{
  guint  line;
  GStrv  fields;
} HearthCsvRow;

void       hearth_csv_row_free (HearthCsvRow *row);

GPtrArray *hearth_csv_parse    (const char   *data,
                                gsize         length,
                                const char   *encoding,
                                char          delimiter,
                                GError      **error);

G_END_DECLS
