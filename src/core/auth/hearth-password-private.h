/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For tests: cracklib's dictionary at @path (%NULL: its default). */
void _hearth_password_set_dictionary_path (const char *path);

G_END_DECLS
