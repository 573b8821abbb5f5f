/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-import.h"

G_BEGIN_DECLS

/* A row of a statement, read and checked, before it is imported
 * (hearth-import.c for CSV, hearth-ofx.c for OFX). */
typedef struct
{
  guint     line;
  char      date[11];
  gint64    amount;
  gboolean  incoming;
  char     *description;
  char     *payee;
  char     *import_id;
} HearthImportRow;

void       _hearth_import_row_clear    (gpointer               row);
GPtrArray *_hearth_import_problems_new (void);
void       _hearth_import_add_problem  (GPtrArray             *problems,
                                        guint                  line,
                                        const char            *reason);
gboolean   _hearth_import_rows         (HearthFinance         *self,
                                        HearthActor           *actor,
                                        gint64                 account_id,
                                        GArray                *rows,
                                        HearthImportReport    *report,
                                        GCancellable          *cancellable,
                                        HearthImportProgress   progress,
                                        gpointer               progress_data,
                                        HearthImportReport   **out_report,
                                        GError               **error);
gboolean   _hearth_ofx_read            (const char            *data,
                                        gsize                  length,
                                        const char            *currency,
                                        GArray                *rows,
                                        GPtrArray             *problems,
                                        GError               **error);

G_END_DECLS
