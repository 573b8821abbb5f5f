/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hearth-core-types.h"

G_BEGIN_DECLS

/* 2026-11-26 12:00:00 UTC: where every fake clock starts. */
#define HEARTH_TEST_EPOCH G_GINT64_CONSTANT (1795694400000000)

char        *hearth_test_make_temp_dir (void);
void         hearth_test_remove_tree   (const char  *path);
HearthStore *hearth_test_open_store    (const char  *dir,
                                        HearthClock *clock);
gint64       hearth_test_query_int     (HearthStore *store,
                                        const char  *sql);
char        *hearth_test_query_text    (HearthStore *store,
                                        const char  *sql);
void         hearth_test_make_old_database (const char  *path,
                                           HearthClock *clock,
                                           int          version,
                                           const char  *sql);
gint64       hearth_test_count         (HearthStore *store,
                                        const char  *sql_format,
                                        ...) G_GNUC_PRINTF (2, 3);

void         hearth_test_finalize      (gpointer     object_ptr);

/* The password of every profile that hearth_test_new_profile() makes. */
#define HEARTH_TEST_PASSWORD "Tapioca-Harbour-71"

typedef struct _HearthAuth  HearthAuth;
typedef struct _HearthActor HearthActor;

HearthAuth  *hearth_test_auth_new      (HearthStore *store);
HearthActor *hearth_test_new_profile   (HearthAuth  *auth,
                                        const char  *username,
                                        const char  *display_name);

G_END_DECLS
