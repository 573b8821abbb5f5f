/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hearth-context.h"
#include "hearth-test-family.h"

G_BEGIN_DECLS

typedef gboolean (*HearthTestCondition) (gpointer user_data);

void       hearth_test_ui_init        (int                  *argc,
                                       char               ***argv);
void       hearth_test_wait_until     (HearthTestCondition   condition,
                                       gpointer              user_data,
                                       const char           *what);
void       hearth_test_wait_for_draw  (GtkWidget            *widget);
char      *hearth_test_save_png       (GtkWidget            *widget,
                                       const char           *name);
GtkWindow *hearth_test_find_toplevel  (GType                 type);
GPtrArray *hearth_test_find_all       (GtkWidget            *root,
                                       GType                 type);
gpointer   hearth_test_child          (gpointer              widget,
                                       GType                 type,
                                       const char           *name);

HearthContext *hearth_test_context_new (HearthTestFamily *family);

G_END_DECLS
