/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-auth.h"
#include "hearth-store.h"

G_BEGIN_DECLS

/* What the benchmarks share: the ledger generator and the table they print. */

extern const char * const hearth_bench_words[18];

HearthActor *hearth_bench_make_family (HearthAuth  *auth,
                                       guint        rows,
                                       gint64      *out_circle_id,
                                       gint64      *out_account_id);
double  hearth_bench_percentile      (GArray      *samples,
                                      double       p);
double  hearth_bench_ms_since        (gint64       start);
void    hearth_bench_check           (GError      *error);
void    hearth_bench_print_header    (void);
void    hearth_bench_print_row       (const char  *figure,
                                      const char  *target,
                                      double       measured,
                                      double       limit,
                                      const char  *unit);
void    hearth_bench_remove_dir      (const char  *dir);

G_END_DECLS
