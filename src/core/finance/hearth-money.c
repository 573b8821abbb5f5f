/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hearth-money.h"
#include "hearth-validation.h"

/*
 * Money is kept as integer minor units (cents, pence, yen): no float ever
 * holds an amount. Parsing takes what a person typed, in the way their locale
 * writes numbers, and refuses, with a message for the amount field, anything
 * that is not exactly an amount of that currency: empty, a sign (the direction
 * says in or out), letters, misplaced group separators, more decimals than the
 * currency has, or more than HEARTH_MONEY_MAX_MINOR. Formatting groups by
 * threes in every locale (the Indian lakh grouping is read, not written).
 */

/* ISO 4217 minor units of the currencies a family is likely to hold. */
static const struct
{
  const char *code;
  guint       digits;
} currencies[] = {
  { "AED", 2 }, { "ARS", 2 }, { "AUD", 2 }, { "BGN", 2 }, { "BHD", 3 }, { "BRL", 2 },
  { "CAD", 2 }, { "CHF", 2 }, { "CLP", 0 }, { "CNY", 2 }, { "COP", 2 }, { "CZK", 2 },
  { "DKK", 2 }, { "EGP", 2 }, { "EUR", 2 }, { "GBP", 2 }, { "HKD", 2 }, { "HUF", 2 },
  { "IDR", 2 }, { "ILS", 2 }, { "INR", 2 }, { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 },
  { "JPY", 0 }, { "KES", 2 }, { "KRW", 0 }, { "KWD", 3 }, { "LYD", 3 }, { "MAD", 2 },
  { "MXN", 2 }, { "MYR", 2 }, { "NGN", 2 }, { "NOK", 2 }, { "NZD", 2 }, { "OMR", 3 },
  { "PEN", 2 }, { "PHP", 2 }, { "PKR", 2 }, { "PLN", 2 }, { "PYG", 0 }, { "RON", 2 },
  { "RSD", 2 }, { "SAR", 2 }, { "SEK", 2 }, { "SGD", 2 }, { "THB", 2 }, { "TND", 3 },
  { "TRY", 2 }, { "TWD", 2 }, { "UAH", 2 }, { "UGX", 0 }, { "USD", 2 }, { "VND", 0 },
  { "XAF", 0 }, { "XOF", 0 }, { "ZAR", 2 },
};

/**
 * hearth_currency_get_digits:
 * @code: an ISO 4217 code, upper case
 * @out_digits: (out) (optional): how many decimals its amounts have
 *
 * Returns: %FALSE when Hearth does not know the currency
 */
gboolean
hearth_currency_get_digits (const char *code,
                            guint      *out_digits)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (currencies); i++)
    {
      if (g_str_equal (currencies[i].code, code))
        {
          if (out_digits != NULL)
            *out_digits = currencies[i].digits;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * hearth_number_format_init:
 * @thousands_sep: (nullable): "" or %NULL for none
 */
void
hearth_number_format_init (HearthNumberFormat *out_format,
                           const char         *decimal_point,
                           const char         *thousands_sep)
{
  g_return_if_fail (out_format != NULL);
  g_return_if_fail (decimal_point != NULL && *decimal_point != '\0');

  g_strlcpy (out_format->decimal_point, decimal_point, sizeof out_format->decimal_point);
  g_strlcpy (out_format->thousands_sep, thousands_sep != NULL ? thousands_sep : "",
             sizeof out_format->thousands_sep);
}

/**
 * hearth_number_format_from_locale:
 *
 * How the current locale writes amounts of money (LC_MONETARY).
 */
void
hearth_number_format_from_locale (HearthNumberFormat *out_format)
{
  const struct lconv *conv = localeconv ();
  const char *point = conv->mon_decimal_point != NULL && *conv->mon_decimal_point != '\0'
                      ? conv->mon_decimal_point : ".";
  const char *sep = conv->mon_thousands_sep != NULL ? conv->mon_thousands_sep : "";

  hearth_number_format_init (out_format, point, sep);
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* The group separator at @p, and its length in bytes, or 0. A locale that
 * groups with a space accepts every kind of space. */
static gsize
separator_at (const char               *p,
              const HearthNumberFormat *format)
{
  gsize length = strlen (format->thousands_sep);
  gunichar sep;

  if (length == 0)
    return 0;
  if (strncmp (p, format->thousands_sep, length) == 0)
    return length;

  sep = g_utf8_get_char (format->thousands_sep);
  if (is_space (sep) && is_space (g_utf8_get_char (p)))
    return g_utf8_next_char (p) - p;
  /* ’ and ' are written for one another (Switzerland). */
  if ((sep == 0x2019 || sep == '\'') && (*p == '\'' || g_utf8_get_char (p) == 0x2019))
    return g_utf8_next_char (p) - p;
  return 0;
}

static gboolean
invalid (GError                  **error,
         const char               *text,
         const char               *currency,
         const HearthNumberFormat *format)
{
  g_autofree char *example = hearth_money_format (123456, currency, format);

  g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_AMOUNT,
               /* Translators: "“12,5x” is not an amount. Write it like 1,234.56." */
               _("“%s” is not an amount. Write it like %s."), text, example);
  return FALSE;
}

/**
 * hearth_money_parse:
 * @text: what a person typed
 * @currency: the account's currency
 * @format: how their locale writes numbers
 * @out_minor: (out): the amount in minor units, greater than zero
 *
 * Returns: %FALSE with %HEARTH_VALIDATION_ERROR_AMOUNT when @text is not an
 *   amount of @currency greater than zero
 */
gboolean
hearth_money_parse (const char                *text,
                    const char                *currency,
                    const HearthNumberFormat  *format,
                    gint64                    *out_minor,
                    GError                   **error)
{
  g_autofree char *stripped = NULL;
  guint digits;
  gint64 value = 0;
  guint decimals = 0;
  gboolean seen_point = FALSE;
  gboolean seen_separator = FALSE;
  guint group = 0;   /* digits since the last separator, or since the start */
  guint first_group = 0;
  const char *p;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (out_minor != NULL, FALSE);

  if (!hearth_currency_get_digits (currency, &digits))
    {
      g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_CURRENCY,
                   _("Hearth does not know the currency “%s”."), currency != NULL ? currency : "");
      return FALSE;
    }

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return invalid (error, "", currency, format);

  /* Spaces around it, of every kind, are nobody's intent. */
  stripped = g_strdup (text);
  while (*stripped != '\0' && is_space (g_utf8_get_char (stripped)))
    memmove (stripped, g_utf8_next_char (stripped), strlen (g_utf8_next_char (stripped)) + 1);
  for (char *end = stripped + strlen (stripped); end > stripped;)
    {
      char *prev = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (prev)))
        break;
      *prev = '\0';
      end = prev;
    }

  if (*stripped == '\0')
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_AMOUNT, _("Enter an amount."));
      return FALSE;
    }
  if (*stripped == '-' || *stripped == '+' || g_utf8_get_char (stripped) == 0x2212)
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_AMOUNT,
                           _("Enter the amount without a sign: whether the money comes in or goes out "
                             "is chosen beside it."));
      return FALSE;
    }

  for (p = stripped; *p != '\0';)
    {
      gsize length;

      if (g_ascii_isdigit (*p))
        {
          if (seen_point)
            {
              decimals++;
              if (decimals > digits)
                {
                  if (digits == 0)
                    g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_AMOUNT,
                                 _("Amounts in %s have no decimals."), currency);
                  else
                    g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_AMOUNT,
                                 g_dngettext (GETTEXT_PACKAGE, "Amounts in %s have at most %u decimal.",
                                              "Amounts in %s have at most %u decimals.", digits),
                                 currency, digits);
                  return FALSE;
                }
            }
          else
            {
              group++;
            }
          if (value > (HEARTH_MONEY_MAX_MINOR - (*p - '0')) / 10)
            {
              g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_AMOUNT,
                                   _("This amount is too large."));
              return FALSE;
            }
          value = value * 10 + (*p - '0');
          p++;
          continue;
        }

      length = strlen (format->decimal_point);
      if (!seen_point && strncmp (p, format->decimal_point, length) == 0)
        {
          /* The last group before the point is whole too. */
          if (seen_separator && group != 3)
            return invalid (error, stripped, currency, format);
          seen_point = TRUE;
          p += length;
          continue;
        }

      length = seen_point ? 0 : separator_at (p, format);
      if (length > 0)
        {
          /* Groups of three, or of two before the last three as in India
           * (1,23,456); the first may be shorter. */
          if (!seen_separator)
            first_group = group;
          else if (group != 3 && group != 2)
            return invalid (error, stripped, currency, format);
          if (group == 0 || (!seen_separator && first_group > 3))
            return invalid (error, stripped, currency, format);
          seen_separator = TRUE;
          group = 0;
          p += length;
          continue;
        }

      return invalid (error, stripped, currency, format);
    }

  if (seen_separator && !seen_point && group != 3)
    return invalid (error, stripped, currency, format);
  if (!seen_point && group == 0)
    return invalid (error, stripped, currency, format);
  if (seen_point && group == 0 && decimals == 0)
    return invalid (error, stripped, currency, format);

  /* 12.5 EUR is 1250 cents. */
  for (guint i = decimals; i < digits; i++)
    {
      if (value > HEARTH_MONEY_MAX_MINOR / 10)
        {
          g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_AMOUNT,
                               _("This amount is too large."));
          return FALSE;
        }
      value *= 10;
    }

  if (value == 0)
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_AMOUNT,
                           _("Enter an amount greater than zero."));
      return FALSE;
    }

  *out_minor = value;
  return TRUE;
}

/**
 * hearth_money_format:
 * @minor: an amount in minor units; negative amounts (a balance) get a minus
 * @currency: its currency
 *
 * Returns: (transfer full): the amount as the locale writes it, grouped, with
 *   exactly the currency's decimals and no symbol ("1,234.50", "−12", "1.234,5")
 */
char *
hearth_money_format (gint64                    minor,
                     const char               *currency,
                     const HearthNumberFormat *format)
{
  g_autofree char *whole = NULL;
  GString *text = g_string_new (NULL);
  guint digits = 2;
  guint64 magnitude;
  guint64 scale = 1;
  gsize length;

  g_return_val_if_fail (format != NULL, NULL);

  hearth_currency_get_digits (currency, &digits);
  for (guint i = 0; i < digits; i++)
    scale *= 10;

  /* Negated in unsigned arithmetic, so that G_MININT64 is written too. */
  magnitude = minor < 0 ? (guint64) 0 - (guint64) minor : (guint64) minor;
  if (minor < 0)
    g_string_append_unichar (text, 0x2212);

  whole = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / scale);
  length = strlen (whole);
  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (text, format->thousands_sep);
      g_string_append_c (text, whole[i]);
    }

  if (digits > 0)
    g_string_append_printf (text, "%s%0*" G_GUINT64_FORMAT, format->decimal_point, (int) digits,
                            magnitude % scale);
  return g_string_free (text, FALSE);
}
