/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEARTH_RECURRENCE_ERROR (hearth_recurrence_error_quark ())

/**
 * HearthRecurrenceError:
 * @HEARTH_RECURRENCE_ERROR_INVALID: not a recurrence rule Hearth reads
 * @HEARTH_RECURRENCE_ERROR_TOO_OFTEN: more often than once a day
 * @HEARTH_RECURRENCE_ERROR_NEVER: the rule never falls on a day from its start
 */
typedef enum
{
  HEARTH_RECURRENCE_ERROR_INVALID,
  HEARTH_RECURRENCE_ERROR_TOO_OFTEN,
  HEARTH_RECURRENCE_ERROR_NEVER,
} HearthRecurrenceError;

/**
 * HearthRepeat:
 * @HEARTH_REPEAT_NEVER: does not repeat
 * @HEARTH_REPEAT_DAILY: every day
 * @HEARTH_REPEAT_WEEKDAYS: Monday to Friday
 * @HEARTH_REPEAT_WEEKLY: on the first due day's weekday, every week
 * @HEARTH_REPEAT_FORTNIGHTLY: the same, every other week
 * @HEARTH_REPEAT_MONTHLY: on the first due day's day of the month
 * @HEARTH_REPEAT_OTHER: a rule of its own
 *
 * The ways the task editor offers, each one rule.
 */
typedef enum
{
  HEARTH_REPEAT_NEVER,
  HEARTH_REPEAT_DAILY,
  HEARTH_REPEAT_WEEKDAYS,
  HEARTH_REPEAT_WEEKLY,
  HEARTH_REPEAT_FORTNIGHTLY,
  HEARTH_REPEAT_MONTHLY,
  HEARTH_REPEAT_OTHER,
} HearthRepeat;

GQuark   hearth_recurrence_error_quark (void);

gboolean hearth_recurrence_check       (const char  *rule,
                                        GDateTime   *start,
                                        GError     **error);
gint64   hearth_recurrence_next        (const char  *rule,
                                        GDateTime   *start,
                                        GDateTime   *after,
                                        GError     **error);

char        *hearth_recurrence_rule_for  (HearthRepeat  repeat,
                                         GDateTime    *start);
HearthRepeat hearth_recurrence_classify  (const char   *rule,
                                         GDateTime    *start);
char        *hearth_recurrence_describe  (const char   *rule,
                                         GDateTime    *start);

G_END_DECLS
