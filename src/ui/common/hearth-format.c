/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-format.h"

/*
 * How every screen writes a time, a day and an amount, so that the same
 * thing reads the same everywhere: in the person's time zone and as their
 * locale writes it. Times are microseconds since the epoch, as the store
 * keeps them; what goes into files (ISO dates, plain numbers) is not
 * written here.
 */

static GDateTime *
local_time (gint64 microseconds)
{
  return g_date_time_new_from_unix_local (microseconds / G_USEC_PER_SEC);
}

/**
 * hearth_format_moment:
 * @microseconds: since the epoch
 *
 * Returns: (transfer full): the local date and time, in lists and logs:
 *   "27/11/26 14:05"
 */
char *
hearth_format_moment (gint64 microseconds)
{
  g_autoptr (GDateTime) local = local_time (microseconds);

  /* Translators: a date and time in lists, as strftime() writes it */
  return g_date_time_format (local, _("%x %H:%M"));
}

/**
 * hearth_format_day:
 * @microseconds: since the epoch
 *
 * Returns: (transfer full): the local day in full: "Friday, 27 November 2026"
 */
char *
hearth_format_day (gint64 microseconds)
{
  g_autoptr (GDateTime) local = local_time (microseconds);

  /* Translators: a day in full: "Friday, 27 November 2026"; see
   * g_date_time_format(). xgettext:no-c-format */
  return g_date_time_format (local, _("%A, %-d %B %Y"));
}

/**
 * hearth_format_clock:
 * @microseconds: since the epoch
 *
 * Returns: (transfer full): the local time of day: "14:05"
 */
char *
hearth_format_clock (gint64 microseconds)
{
  g_autoptr (GDateTime) local = local_time (microseconds);

  return g_date_time_format (local, "%H:%M");
}

/**
 * hearth_format_date:
 * @date: a day, as a moment in it
 *
 * Returns: (transfer full): the day, short, as the locale writes it: "27/11/26"
 */
char *
hearth_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_format (date, "%x");
}

/**
 * hearth_format_iso_date:
 * @iso_date: a day as the store keeps it: "2026-11-27"
 *
 * Returns: (transfer full): the day, short, as the locale writes it, or
 *   @iso_date itself when it is no valid day
 */
char *
hearth_format_iso_date (const char *iso_date)
{
  char text[64];
  GDate date;

  g_return_val_if_fail (iso_date != NULL, NULL);

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso_date);
  if (!g_date_valid (&date) || g_date_strftime (text, sizeof text, "%x", &date) == 0)
    return g_strdup (iso_date);
  return g_strdup (text);
}

/**
 * hearth_format_amount:
 * @minor: an amount in the currency's minor unit (cents)
 * @currency: its ISO 4217 code
 * @format: the separators, from the locale or the person's choice
 *
 * Returns: (transfer full): the amount and its currency: "1,234.50 EUR"
 */
char *
hearth_format_amount (gint64                    minor,
                      const char               *currency,
                      const HearthNumberFormat *format)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (currency != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  number = hearth_money_format (minor, currency, format);
  /* Translators: an amount and its currency: "1,234.50 EUR" */
  return g_strdup_printf (_("%s %s"), number, currency);
}
