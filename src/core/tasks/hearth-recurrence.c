/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-tasks"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "hearth-recurrence.h"

/*
 * A recurring chore's rule is an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=SA"),
 * expanded by libical, never by hand. It is expanded in the wall-clock time of
 * the task's start (floating time, in RFC 5545's words): "every Saturday at
 * 08:00" stays at 08:00 when the clocks change. Each occurrence found is then
 * placed in the start's time zone by GLib, which reads the system's zone data,
 * so libical's own zone tables are not needed.
 *
 * Hearth repeats a task once a day at the most often; a rule that never falls
 * on a day (the 31st of February) is refused rather than searched for ever.
 */

G_DEFINE_QUARK (hearth-recurrence-error-quark, hearth_recurrence_error)

/* How far a rule is followed to find its next day: a rule with a day in it
 * (the 29th of February) meets it within eight years. */
#define HORIZON_YEARS 10

static struct icaltimetype
wall_clock (GDateTime *time)
{
  struct icaltimetype wall = icaltime_null_time ();

  wall.year = g_date_time_get_year (time);
  wall.month = g_date_time_get_month (time);
  wall.day = g_date_time_get_day_of_month (time);
  wall.hour = g_date_time_get_hour (time);
  wall.minute = g_date_time_get_minute (time);
  wall.second = g_date_time_get_second (time);
  wall.is_date = 0;
  return wall;
}

/* Reads @rule, refusing what Hearth does not repeat by. */
static gboolean
parse (const char                *rule,
       struct icalrecurrencetype *out_recur,
       GError                   **error)
{
  if (rule == NULL || *rule == '\0')
    {
      g_set_error_literal (error, HEARTH_RECURRENCE_ERROR, HEARTH_RECURRENCE_ERROR_INVALID,
                           _("Say how the task repeats."));
      return FALSE;
    }
  icalerror_clear_errno ();
  *out_recur = icalrecurrencetype_from_string (rule);
  if (out_recur->freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      icalerror_clear_errno ();
      g_set_error_literal (error, HEARTH_RECURRENCE_ERROR, HEARTH_RECURRENCE_ERROR_INVALID,
                           _("How the task repeats cannot be read."));
      return FALSE;
    }
  if (out_recur->freq == ICAL_SECONDLY_RECURRENCE || out_recur->freq == ICAL_MINUTELY_RECURRENCE ||
      out_recur->freq == ICAL_HOURLY_RECURRENCE)
    {
      g_set_error_literal (error, HEARTH_RECURRENCE_ERROR, HEARTH_RECURRENCE_ERROR_TOO_OFTEN,
                           _("A task repeats once a day at the most often."));
      return FALSE;
    }
  return TRUE;
}

/* The first occurrence of @rule from @start after @after (wall clock, in
 * @start's zone), or a null time when the rule has ended. Fails when the rule
 * finds no day within the horizon. */
static gboolean
next_wall_clock (const char          *rule,
                 GDateTime           *start,
                 GDateTime           *after,
                 struct icaltimetype *out_next,
                 GError             **error)
{
  struct icalrecurrencetype recur;
  struct icaltimetype dtstart;
  struct icaltimetype limit;
  struct icaltimetype from;
  icalrecur_iterator *iterator;
  g_autoptr (GDateTime) after_here = NULL;
  gboolean found = FALSE;

  if (!parse (rule, &recur, error))
    return FALSE;

  dtstart = wall_clock (start);
  after_here = g_date_time_to_timezone (after, g_date_time_get_timezone (start));
  from = wall_clock (after_here);
  limit = icaltime_compare (from, dtstart) > 0 ? from : dtstart;
  limit.year += HORIZON_YEARS;

  /* libical refuses up front a rule whose parts contradict each other (the
   * 31st of February): no day would ever match it. */
  iterator = icalrecur_iterator_new (recur, dtstart);
  if (iterator == NULL)
    {
      icalerror_clear_errno ();
      g_set_error_literal (error, HEARTH_RECURRENCE_ERROR, HEARTH_RECURRENCE_ERROR_NEVER,
                           _("The task would never fall due: no day matches how it repeats."));
      return FALSE;
    }

  *out_next = icaltime_null_time ();
  for (;;)
    {
      struct icaltimetype next = icalrecur_iterator_next (iterator);

      if (icaltime_is_null_time (next))
        {
          /* Ended (COUNT, UNTIL), or libical gave up on a rule with no day. */
          found = TRUE;
          break;
        }
      if (icaltime_compare (next, limit) > 0)
        break;
      if (icaltime_compare (next, from) > 0)
        {
          *out_next = next;
          found = TRUE;
          break;
        }
    }
  icalrecur_iterator_free (iterator);

  if (!found)
    {
      g_set_error_literal (error, HEARTH_RECURRENCE_ERROR, HEARTH_RECURRENCE_ERROR_NEVER,
                           _("The task would never fall due: no day matches how it repeats."));
      return FALSE;
    }
  return TRUE;
}

/**
 * hearth_recurrence_check:
 * @rule: an RFC 5545 RRULE, without the "RRULE:" name
 * @start: the task's first due moment, in the family's time zone
 *
 * Whether @rule is one Hearth repeats a task by: it reads, it repeats a day
 * at the most often, and it falls on a day after @start (at or after it for
 * the first time) within the next years.
 */
gboolean
hearth_recurrence_check (const char  *rule,
                         GDateTime   *start,
                         GError     **error)
{
  struct icalrecurrencetype recur;
  struct icaltimetype first;
  g_autoptr (GDateTime) before = NULL;

  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse (rule, &recur, error))
    return FALSE;
  before = g_date_time_add_seconds (start, -1);
  if (!next_wall_clock (rule, start, before, &first, error))
    return FALSE;
  if (icaltime_is_null_time (first))
    {
      g_set_error_literal (error, HEARTH_RECURRENCE_ERROR, HEARTH_RECURRENCE_ERROR_NEVER,
                           _("The task would never fall due: how it repeats ends before it starts."));
      return FALSE;
    }
  return TRUE;
}

/**
 * hearth_recurrence_next:
 * @rule: an RFC 5545 RRULE
 * @start: the first due moment the rule counts from, in the family's zone
 * @after: the occurrence returned comes after this moment
 *
 * Returns: the next due moment after @after, in microseconds since the epoch,
 *   or 0 when the rule has ended (or on error)
 */
gint64
hearth_recurrence_next (const char  *rule,
                        GDateTime   *start,
                        GDateTime   *after,
                        GError     **error)
{
  struct icaltimetype next;
  g_autoptr (GDateTime) due = NULL;

  g_return_val_if_fail (start != NULL, 0);
  g_return_val_if_fail (after != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!next_wall_clock (rule, start, after, &next, error) || icaltime_is_null_time (next))
    return 0;
  /* A wall-clock time that the clocks skip (02:30 when they go forward) is
   * placed by GLib after the gap. */
  due = g_date_time_new (g_date_time_get_timezone (start), next.year, next.month, next.day, next.hour, next.minute,
                         next.second);
  return g_date_time_to_unix (due) * G_USEC_PER_SEC;
}

/* The ways the task editor offers ------------------------------------------------------- */

static const char * const weekday_codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/**
 * hearth_recurrence_rule_for:
 * @repeat: one of the ways the editor offers
 * @start: the first due moment, whose weekday or day of the month it keeps
 *
 * Returns: (transfer full) (nullable): the RFC 5545 rule, or %NULL for
 *   %HEARTH_REPEAT_NEVER and %HEARTH_REPEAT_OTHER
 */
char *
hearth_recurrence_rule_for (HearthRepeat  repeat,
                            GDateTime    *start)
{
  const char *weekday;

  g_return_val_if_fail (start != NULL, NULL);

  weekday = weekday_codes[g_date_time_get_day_of_week (start) - 1];
  switch (repeat)
    {
    case HEARTH_REPEAT_DAILY:
      return g_strdup ("FREQ=DAILY");
    case HEARTH_REPEAT_WEEKDAYS:
      return g_strdup ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    case HEARTH_REPEAT_WEEKLY:
      return g_strdup_printf ("FREQ=WEEKLY;BYDAY=%s", weekday);
    case HEARTH_REPEAT_FORTNIGHTLY:
      return g_strdup_printf ("FREQ=WEEKLY;INTERVAL=2;BYDAY=%s", weekday);
    case HEARTH_REPEAT_MONTHLY:
      return g_strdup_printf ("FREQ=MONTHLY;BYMONTHDAY=%d", g_date_time_get_day_of_month (start));
    case HEARTH_REPEAT_NEVER:
    case HEARTH_REPEAT_OTHER:
    default:
      return NULL;
    }
}

/**
 * hearth_recurrence_classify:
 * @rule: (nullable): a task's rule
 * @start: the first due moment it counts from
 *
 * Returns: which of the editor's ways @rule is, %HEARTH_REPEAT_OTHER for a
 *   rule of its own (one that came from elsewhere)
 */
HearthRepeat
hearth_recurrence_classify (const char *rule,
                            GDateTime  *start)
{
  if (rule == NULL)
    return HEARTH_REPEAT_NEVER;
  g_return_val_if_fail (start != NULL, HEARTH_REPEAT_OTHER);

  for (HearthRepeat repeat = HEARTH_REPEAT_DAILY; repeat < HEARTH_REPEAT_OTHER; repeat++)
    {
      g_autofree char *offered = hearth_recurrence_rule_for (repeat, start);

      if (g_strcmp0 (offered, rule) == 0)
        return repeat;
    }
  return HEARTH_REPEAT_OTHER;
}

/**
 * hearth_recurrence_describe:
 * @rule: (nullable): a task's rule
 * @start: the first due moment it counts from
 *
 * Returns: (transfer full) (nullable): how it repeats, in words for a
 *   person: "every Saturday", "every weekday"; %NULL when it does not
 */
char *
hearth_recurrence_describe (const char *rule,
                            GDateTime  *start)
{
  g_autofree char *weekday = NULL;

  if (rule == NULL)
    return NULL;
  g_return_val_if_fail (start != NULL, NULL);

  weekday = g_date_time_format (start, "%A");
  switch (hearth_recurrence_classify (rule, start))
    {
    case HEARTH_REPEAT_DAILY:
      return g_strdup (_("every day"));
    case HEARTH_REPEAT_WEEKDAYS:
      return g_strdup (_("every weekday"));
    case HEARTH_REPEAT_WEEKLY:
      /* Translators: how a task repeats: "every Saturday" */
      return g_strdup_printf (_("every %s"), weekday);
    case HEARTH_REPEAT_FORTNIGHTLY:
      /* Translators: how a task repeats: "every other Saturday" */
      return g_strdup_printf (_("every other %s"), weekday);
    case HEARTH_REPEAT_MONTHLY:
      /* Translators: how a task repeats: "monthly on day 1" */
      return g_strdup_printf (_("monthly on day %d"), g_date_time_get_day_of_month (start));
    case HEARTH_REPEAT_NEVER:
    case HEARTH_REPEAT_OTHER:
    default:
      return g_strdup (_("repeats"));
    }
}
