/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-scheduler.h"

G_BEGIN_DECLS

/*
 * A scheduler as the application runs one, for tests: started on a store
 * with one kind, what it fires written down, and the main loop run until its
 * worker is done.
 */
typedef struct
{
  guint    n_items;
  GString *said;     /* "title|body" lines */
} HearthTestFired;

HearthScheduler *hearth_test_scheduler_new    (HearthStore         *store,
                                               const HearthDueKind *kind,
                                               HearthTestFired     *fired);
void             hearth_test_scheduler_settle (HearthScheduler     *scheduler);

G_END_DECLS
