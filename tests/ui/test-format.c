/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "hearth-format.h"
#include "hearth-test-common.h"

/*
 * Every screen writes times, days and amounts through hearth-format: here in
 * the C locale and UTC, so that what each function writes can be spelled out.
 */

static void
test_times (void)
{
  g_autofree char *moment = hearth_format_moment (HEARTH_TEST_EPOCH);
  g_autofree char *day = hearth_format_day (HEARTH_TEST_EPOCH);
  g_autofree char *late = hearth_format_day (HEARTH_TEST_EPOCH + 12 * G_TIME_SPAN_HOUR - 1);
  g_autofree char *clock = hearth_format_clock (HEARTH_TEST_EPOCH + 5 * G_TIME_SPAN_MINUTE);

  g_assert_cmpstr (moment, ==, "11/26/26 12:00");
  g_assert_cmpstr (day, ==, "Thursday, 26 November 2026");
  /* 23:59:59 is still the same day; the day has no leading zero. */
  g_assert_cmpstr (late, ==, "Thursday, 26 November 2026");
  g_assert_cmpstr (clock, ==, "12:05");
}

static void
test_dates (void)
{
  g_autoptr (GDateTime) first = g_date_time_new_local (2027, 1, 1, 0, 0, 0);
  g_autofree char *date = hearth_format_date (first);
  g_autofree char *iso = hearth_format_iso_date ("2026-11-05");
  g_autofree char *wrong = hearth_format_iso_date ("2026-13-45");

  g_assert_cmpstr (date, ==, "01/01/27");
  g_assert_cmpstr (iso, ==, "11/05/26");
  /* What is no day is shown as it was stored, not hidden. */
  g_assert_cmpstr (wrong, ==, "2026-13-45");
}

static void
test_amounts (void)
{
  HearthNumberFormat english;
  HearthNumberFormat german;
  g_autofree char *euros = NULL;
  g_autofree char *german_euros = NULL;
  g_autofree char *yen = NULL;
  g_autofree char *debt = NULL;

  hearth_number_format_init (&english, ".", ",");
  hearth_number_format_init (&german, ",", ".");
  euros = hearth_format_amount (123450, "EUR", &english);
  german_euros = hearth_format_amount (123450, "EUR", &german);
  yen = hearth_format_amount (123450, "JPY", &english);
  debt = hearth_format_amount (-5, "EUR", &english);

  g_assert_cmpstr (euros, ==, "1,234.50 EUR");
  g_assert_cmpstr (german_euros, ==, "1.234,50 EUR");
  /* The yen has no minor unit. */
  g_assert_cmpstr (yen, ==, "123,450 JPY");
  /* A minus sign, U+2212, not a hyphen. */
  g_assert_cmpstr (debt, ==, "\u22120.05 EUR");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/times", test_times);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/amounts", test_amounts);

  return g_test_run ();
}
