/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hearth-money.h"

G_BEGIN_DECLS

char *hearth_format_moment   (gint64                    microseconds);
char *hearth_format_day      (gint64                    microseconds);
char *hearth_format_clock    (gint64                    microseconds);
char *hearth_format_date     (GDateTime                *date);
char *hearth_format_iso_date (const char               *iso_date);
char *hearth_format_amount   (gint64                    minor,
                              const char               *currency,
                              const HearthNumberFormat *format);

G_END_DECLS
