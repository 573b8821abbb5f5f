/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <locale.h>

#include "hearth-money.h"
#include "hearth-validation.h"

/* Money as people type it, over a table of currencies and of the ways locales
 * write numbers; and back. */

typedef struct
{
  const char *name;
  const char *decimal_point;
  const char *thousands_sep;
} Locale;

static const Locale en_US = { "en_US", ".", "," };
static const Locale de_DE = { "de_DE", ",", "." };
static const Locale fr_FR = { "fr_FR", ",", "\u202f" };  /* a narrow no-break space */
static const Locale de_CH = { "de_CH", ".", "\u2019" };  /* a right single quote */
static const Locale hi_IN = { "hi_IN", ".", "," };
static const Locale plain = { "C", ".", "" };

static const struct
{
  const Locale *locale;
  const char   *currency;
  const char   *text;
  gint64        minor;    /* 0: refused */
} cases[] = {
  { &en_US, "USD", "12.50", 1250 },
  { &en_US, "USD", "1,234.56", 123456 },
  { &en_US, "USD", "1234.5", 123450 },
  { &en_US, "USD", "  7 ", 700 },
  { &en_US, "USD", ".5", 50 },
  { &en_US, "USD", "12.", 1200 },
  { &en_US, "USD", "1,000,000", 100000000 },
  { &en_US, "USD", "12,34", 0 },          /* a misplaced group */
  { &en_US, "USD", "1,2345.00", 0 },
  { &en_US, "USD", ",123", 0 },
  { &en_US, "USD", "12.345", 0 },         /* three decimals for a two-decimal currency */
  { &en_US, "USD", "-12", 0 },
  { &en_US, "USD", "+12", 0 },
  { &en_US, "USD", "12 apples", 0 },
  { &en_US, "USD", "1e5", 0 },
  { &en_US, "USD", "", 0 },
  { &en_US, "USD", "   ", 0 },
  { &en_US, "USD", "0", 0 },
  { &en_US, "USD", "0.00", 0 },
  { &en_US, "USD", ".", 0 },
  { &en_US, "USD", "9999999999999.99", 999999999999999 },
  { &en_US, "USD", "10000000000000.00", 0 }, /* one past the largest */
  { &en_US, "USD", "99999999999999999999999", 0 }, /* past 64 bits */
  { &en_US, "JPY", "1,500", 1500 },
  { &en_US, "JPY", "1500.5", 0 },
  { &en_US, "JPY", "1500.", 1500 },
  { &en_US, "KWD", "1.234", 1234 },
  { &en_US, "KWD", "1.2345", 0 },
  { &de_DE, "EUR", "12,50", 1250 },
  { &de_DE, "EUR", "1.234,56", 123456 },
  { &de_DE, "EUR", "12.50", 0 },          /* a German reading: 12 thousand and a broken group */
  { &de_DE, "EUR", "1.234.567", 123456700 },
  { &de_DE, "EUR", "12,5", 1250 },
  { &fr_FR, "EUR", "1\u202f234,56", 123456 },
  { &fr_FR, "EUR", "1 234,56", 123456 },  /* a plain space for the narrow one */
  { &fr_FR, "EUR", "1\u00a0234,56", 123456 },
  { &fr_FR, "EUR", "12.50", 0 },
  { &de_CH, "CHF", "1\u2019234.50", 123450 },
  { &de_CH, "CHF", "1'234.50", 123450 },
  { &hi_IN, "INR", "1,23,456.78", 12345678 },
  { &hi_IN, "INR", "1,2,345", 0 },
  { &plain, "GBP", "1234.56", 123456 },
  { &plain, "GBP", "1,234.56", 0 },       /* no grouping in this locale */
  { &en_US, "XYZ", "12", 0 },             /* no such currency */
};

static void
test_parse_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HearthNumberFormat format;
      g_autoptr (GError) error = NULL;
      gint64 minor = -1;
      gboolean parsed;

      hearth_number_format_init (&format, cases[i].locale->decimal_point, cases[i].locale->thousands_sep);
      parsed = hearth_money_parse (cases[i].text, cases[i].currency, &format, &minor, &error);
      if (cases[i].minor > 0)
        {
          if (!parsed)
            g_error ("%s %s “%s” refused: %s", cases[i].locale->name, cases[i].currency, cases[i].text,
                     error->message);
          g_assert_cmpint (minor, ==, cases[i].minor);
        }
      else
        {
          if (parsed)
            g_error ("%s %s “%s” accepted as %" G_GINT64_FORMAT, cases[i].locale->name, cases[i].currency,
                     cases[i].text, minor);
          g_assert_cmpint (minor, ==, -1);
          /* Every refusal names its field and says something. */
          g_assert_true (error->domain == HEARTH_VALIDATION_ERROR);
          g_assert_true (error->code == HEARTH_VALIDATION_ERROR_AMOUNT ||
                         (error->code == HEARTH_VALIDATION_ERROR_CURRENCY && g_str_equal (cases[i].currency, "XYZ")));
          g_assert_cmpuint (strlen (error->message), >, 0);
        }
    }
}

static void
test_refusals_say_why (void)
{
  HearthNumberFormat format;
  g_autoptr (GError) error = NULL;
  gint64 minor;

  hearth_number_format_init (&format, ",", ".");
  g_assert_false (hearth_money_parse ("12.50", "EUR", &format, &minor, &error));
  /* The example is written the way this locale writes. */
  g_assert_nonnull (strstr (error->message, "1.234,56"));
  g_clear_error (&error);

  g_assert_false (hearth_money_parse ("1,505", "EUR", &format, &minor, &error));
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);

  g_assert_false (hearth_money_parse ("-5", "EUR", &format, &minor, &error));
  g_assert_nonnull (strstr (error->message, "sign"));
}

static const struct
{
  const Locale *locale;
  const char   *currency;
  gint64        minor;
  const char   *text;
} formats[] = {
  { &en_US, "USD", 123456, "1,234.56" },
  { &en_US, "USD", 5, "0.05" },
  { &en_US, "USD", 0, "0.00" },
  { &en_US, "USD", -123456789, "\u22121,234,567.89" },
  { &en_US, "JPY", 1500, "1,500" },
  { &en_US, "KWD", 1234, "1.234" },
  { &de_DE, "EUR", 123456, "1.234,56" },
  { &fr_FR, "EUR", 100000000, "1\u202f000\u202f000,00" },
  { &de_CH, "CHF", 123450, "1\u2019234.50" },
  { &plain, "GBP", 123456, "1234.56" },
  { &en_US, "USD", G_MININT64, "\u221292,233,720,368,547,758.08" },
};

static void
test_format_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      HearthNumberFormat format;
      g_autofree char *text = NULL;

      hearth_number_format_init (&format, formats[i].locale->decimal_point, formats[i].locale->thousands_sep);
      text = hearth_money_format (formats[i].minor, formats[i].currency, &format);
      g_assert_cmpstr (text, ==, formats[i].text);
    }
}

/* What is written is read back as the same amount, in every locale. */
static void
test_round_trip (void)
{
  const Locale *locales[] = { &en_US, &de_DE, &fr_FR, &de_CH, &hi_IN, &plain };
  const char *currencies[] = { "EUR", "JPY", "KWD" };
  g_autoptr (GRand) rand = g_rand_new_with_seed (4217);

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
      for (guint i = 0; i < 500; i++)
        {
          HearthNumberFormat format;
          gint64 minor = 1 + (gint64) (g_rand_double (rand) * (i % 2 ? 1e6 : 1e14));
          g_autofree char *text = NULL;
          g_autoptr (GError) error = NULL;
          gint64 back = 0;

          hearth_number_format_init (&format, locales[l]->decimal_point, locales[l]->thousands_sep);
          text = hearth_money_format (minor, currencies[c], &format);
          g_assert_true (hearth_money_parse (text, currencies[c], &format, &back, &error));
          g_assert_no_error (error);
          g_assert_cmpint (back, ==, minor);
        }
}

static void
test_format_from_locale (void)
{
  HearthNumberFormat format;

  /* The C locale has no monetary conventions: a point and no grouping. */
  setlocale (LC_ALL, "C");
  hearth_number_format_from_locale (&format);
  g_assert_cmpstr (format.decimal_point, ==, ".");
  g_assert_cmpstr (format.thousands_sep, ==, "");
}

static void
test_currencies (void)
{
  guint digits = 99;

  g_assert_true (hearth_currency_get_digits ("EUR", &digits));
  g_assert_cmpuint (digits, ==, 2);
  g_assert_true (hearth_currency_get_digits ("JPY", &digits));
  g_assert_cmpuint (digits, ==, 0);
  g_assert_true (hearth_currency_get_digits ("BHD", &digits));
  g_assert_cmpuint (digits, ==, 3);
  g_assert_false (hearth_currency_get_digits ("eur", NULL));
  g_assert_false (hearth_currency_get_digits ("XYZ", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse-table", test_parse_table);
  g_test_add_func ("/money/refusals-say-why", test_refusals_say_why);
  g_test_add_func ("/money/format-table", test_format_table);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/format-from-locale", test_format_from_locale);
  g_test_add_func ("/money/currencies", test_currencies);

  return g_test_run ();
}
