/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HearthNumberFormat:
 * @decimal_point: what separates the decimals ("." or ",")
 * @thousands_sep: what groups the thousands ("," "." " " "’"), or ""
 *
 * How a locale writes numbers, in UTF-8.
 */
typedef struct
{
  char decimal_point[8];
  char thousands_sep[8];
} HearthNumberFormat;

/* The largest amount Hearth keeps, in minor units: 10^15 - 1, so that sums of
 * a million of them stay far inside 64 bits. */
#define HEARTH_MONEY_MAX_MINOR G_GINT64_CONSTANT (999999999999999)

gboolean hearth_currency_get_digits        (const char               *code,
                                            guint                    *out_digits);
void     hearth_number_format_from_locale  (HearthNumberFormat       *out_format);
void     hearth_number_format_init         (HearthNumberFormat       *out_format,
                                            const char               *decimal_point,
                                            const char               *thousands_sep);
gboolean hearth_money_parse                (const char               *text,
                                            const char               *currency,
                                            const HearthNumberFormat *format,
                                            gint64                   *out_minor,
                                            GError                  **error);
char    *hearth_money_format               (gint64                    minor,
                                            const char               *currency,
                                            const HearthNumberFormat *format);

G_END_DECLS
