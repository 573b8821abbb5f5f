/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include "hearth-recurrence.h"

/*
 * Recurring chores: RFC 5545 rules expanded by libical in the wall-clock time
 * of the task's start, then placed in the family's time zone. The clocks
 * changing, the 31st in short months, a rule that ends, and the rules Hearth
 * refuses.
 */

static GDateTime *
at (const char *zone,
    int         year,
    int         month,
    int         day,
    int         hour,
    int         minute)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (zone);

  g_assert_nonnull (tz);
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* The next due moment, written as the family's clock shows it. */
static char *
next_as_text (const char *rule,
              GDateTime  *start,
              GDateTime  *after)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) here = NULL;
  gint64 next = hearth_recurrence_next (rule, start, after, &error);

  g_assert_no_error (error);
  if (next == 0)
    return g_strdup ("ended");
  utc = g_date_time_new_from_unix_utc (next / G_USEC_PER_SEC);
  here = g_date_time_to_timezone (utc, g_date_time_get_timezone (start));
  return g_date_time_format (here, "%a %Y-%m-%d %H:%M %Z");
}

static void
assert_next (const char *rule,
             GDateTime  *start,
             GDateTime  *after,
             const char *expected)
{
  g_autofree char *next = next_as_text (rule, start, after);

  g_assert_cmpstr (next, ==, expected);
}

/* "Every Saturday at 08:00" stays at 08:00 when Berlin's clocks go forward
 * (29 March 2026) and back (25 October 2026): the week between is an hour
 * shorter, then longer. */
static void
test_weekly_across_daylight_saving_in_berlin (void)
{
  g_autoptr (GDateTime) start = at ("Europe/Berlin", 2026, 3, 21, 8, 0);
  g_autoptr (GDateTime) spring = at ("Europe/Berlin", 2026, 3, 28, 8, 0);
  g_autoptr (GDateTime) autumn = at ("Europe/Berlin", 2026, 10, 24, 8, 0);
  g_autoptr (GError) error = NULL;
  gint64 before_change = g_date_time_to_unix (spring) * G_USEC_PER_SEC;
  gint64 after_change;

  assert_next ("FREQ=WEEKLY;BYDAY=SA", start, start, "Sat 2026-03-28 08:00 CET");
  assert_next ("FREQ=WEEKLY;BYDAY=SA", start, spring, "Sat 2026-04-04 08:00 CEST");
  after_change = hearth_recurrence_next ("FREQ=WEEKLY;BYDAY=SA", start, spring, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after_change - before_change, ==, 7 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR);
  assert_next ("FREQ=WEEKLY;BYDAY=SA", start, autumn, "Sat 2026-10-31 08:00 CET");
}

/* New York's clocks go forward on 8 March 2026: a daily 07:30 chore comes 23
 * hours after the one before. */
static void
test_daily_across_daylight_saving_in_new_york (void)
{
  g_autoptr (GDateTime) start = at ("America/New_York", 2026, 3, 7, 7, 30);
  g_autoptr (GDateTime) early = at ("America/New_York", 2026, 3, 7, 6, 0);
  g_autoptr (GError) error = NULL;
  gint64 first;
  gint64 second;

  assert_next ("FREQ=DAILY", start, early, "Sat 2026-03-07 07:30 EST");
  assert_next ("FREQ=DAILY", start, start, "Sun 2026-03-08 07:30 EDT");
  first = hearth_recurrence_next ("FREQ=DAILY", start, early, &error);
  g_assert_no_error (error);
  second = hearth_recurrence_next ("FREQ=DAILY", start, start, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second - first, ==, 23 * G_TIME_SPAN_HOUR);
}

/* "On the 31st" skips the months without one; "on the last day" does not. */
static void
test_month_ends (void)
{
  g_autoptr (GDateTime) january = at ("Europe/Berlin", 2026, 1, 31, 9, 0);

  assert_next ("FREQ=MONTHLY;BYMONTHDAY=31", january, january, "Tue 2026-03-31 09:00 CEST");
  assert_next ("FREQ=MONTHLY;BYMONTHDAY=-1", january, january, "Sat 2026-02-28 09:00 CET");
  assert_next ("FREQ=MONTHLY;BYMONTHDAY=1", january, january, "Sun 2026-02-01 09:00 CET");
}

/* Every other week, and weekdays only. */
static void
test_intervals_and_weekdays (void)
{
  g_autoptr (GDateTime) friday = at ("Europe/Berlin", 2026, 11, 27, 18, 0);

  assert_next ("FREQ=WEEKLY;INTERVAL=2", friday, friday, "Fri 2026-12-11 18:00 CET");
  assert_next ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", friday, friday, "Mon 2026-11-30 18:00 CET");
}

/* A rule that ends: after its last occurrence there is no next one. */
static void
test_rules_that_end (void)
{
  g_autoptr (GDateTime) start = at ("Europe/Berlin", 2026, 11, 2, 7, 0);
  g_autoptr (GDateTime) third = at ("Europe/Berlin", 2026, 11, 4, 7, 0);

  assert_next ("FREQ=DAILY;COUNT=3", start, start, "Tue 2026-11-03 07:00 CET");
  assert_next ("FREQ=DAILY;COUNT=3", start, third, "ended");
  assert_next ("FREQ=DAILY;UNTIL=20261103T235959", start, start, "Tue 2026-11-03 07:00 CET");
  assert_next ("FREQ=DAILY;UNTIL=20261103T235959", start, third, "ended");
}

static void
assert_refused (const char *rule,
                int         code)
{
  g_autoptr (GDateTime) start = at ("Europe/Berlin", 2026, 11, 2, 7, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) next_error = NULL;

  g_assert_false (hearth_recurrence_check (rule, start, &error));
  g_assert_error (error, HEARTH_RECURRENCE_ERROR, code);
  g_assert_cmpint (hearth_recurrence_next (rule, start, start, &next_error), ==, 0);
  g_assert_error (next_error, HEARTH_RECURRENCE_ERROR, code);
}

/* What Hearth refuses, each with its reason: nothing to read, more than once
 * a day, never a day that matches. */
static void
test_refused_rules (void)
{
  g_autoptr (GDateTime) start = at ("Europe/Berlin", 2026, 11, 2, 7, 0);
  g_autoptr (GError) error = NULL;

  assert_refused ("", HEARTH_RECURRENCE_ERROR_INVALID);
  assert_refused ("every Saturday", HEARTH_RECURRENCE_ERROR_INVALID);
  assert_refused ("FREQ=FORTNIGHTLY", HEARTH_RECURRENCE_ERROR_INVALID);
  assert_refused ("FREQ=HOURLY", HEARTH_RECURRENCE_ERROR_TOO_OFTEN);
  assert_refused ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31", HEARTH_RECURRENCE_ERROR_NEVER);
  /* Ended before it starts: refused as a task's rule; followed, it has simply
   * ended. */
  g_assert_false (hearth_recurrence_check ("FREQ=DAILY;UNTIL=20261001T000000", start, &error));
  g_assert_error (error, HEARTH_RECURRENCE_ERROR, HEARTH_RECURRENCE_ERROR_NEVER);
  g_clear_error (&error);
  assert_next ("FREQ=DAILY;UNTIL=20261001T000000", start, start, "ended");

  /* The 29th of February comes, in 2028. */
  g_assert_true (hearth_recurrence_check ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", start, &error));
  g_assert_no_error (error);
  assert_next ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", start, start, "Tue 2028-02-29 07:00 CET");
}

/* The editor's ways to repeat: each one rule, read back as the same way and
 * said in words; a rule of its own is "repeats". Words in the C locale. */
static void
test_offered_ways (void)
{
  g_autoptr (GDateTime) saturday = at ("Europe/Berlin", 2026, 12, 5, 9, 0);
  static const struct
  {
    HearthRepeat  repeat;
    const char   *rule;
    const char   *words;
  } ways[] = {
    { HEARTH_REPEAT_DAILY, "FREQ=DAILY", "every day" },
    { HEARTH_REPEAT_WEEKDAYS, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday" },
    { HEARTH_REPEAT_WEEKLY, "FREQ=WEEKLY;BYDAY=SA", "every Saturday" },
    { HEARTH_REPEAT_FORTNIGHTLY, "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", "every other Saturday" },
    { HEARTH_REPEAT_MONTHLY, "FREQ=MONTHLY;BYMONTHDAY=5", "monthly on day 5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      g_autofree char *rule = hearth_recurrence_rule_for (ways[i].repeat, saturday);
      g_autofree char *words = NULL;

      g_assert_cmpstr (rule, ==, ways[i].rule);
      g_assert_true (hearth_recurrence_check (rule, saturday, NULL));
      g_assert_cmpint (hearth_recurrence_classify (rule, saturday), ==, ways[i].repeat);
      words = hearth_recurrence_describe (rule, saturday);
      g_assert_cmpstr (words, ==, ways[i].words);
    }
  g_assert_null (hearth_recurrence_rule_for (HEARTH_REPEAT_NEVER, saturday));
  g_assert_cmpint (hearth_recurrence_classify (NULL, saturday), ==, HEARTH_REPEAT_NEVER);
  g_assert_null (hearth_recurrence_describe (NULL, saturday));
  g_assert_cmpint (hearth_recurrence_classify ("FREQ=YEARLY", saturday), ==, HEARTH_REPEAT_OTHER);
  {
    g_autofree char *words = hearth_recurrence_describe ("FREQ=YEARLY", saturday);

    g_assert_cmpstr (words, ==, "repeats");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/weekly-across-daylight-saving-in-berlin",
                   test_weekly_across_daylight_saving_in_berlin);
  g_test_add_func ("/recurrence/daily-across-daylight-saving-in-new-york",
                   test_daily_across_daylight_saving_in_new_york);
  g_test_add_func ("/recurrence/month-ends", test_month_ends);
  g_test_add_func ("/recurrence/intervals-and-weekdays", test_intervals_and_weekdays);
  g_test_add_func ("/recurrence/rules-that-end", test_rules_that_end);
  g_test_add_func ("/recurrence/refused-rules", test_refused_rules);
  g_test_add_func ("/recurrence/offered-ways", test_offered_ways);

  return g_test_run ();
}
