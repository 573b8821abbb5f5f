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

GQuark   hearth_recurrence_error_quark (void);

gboolean hearth_recurrence_check       (const char  *rule,
                                        GDateTime   *start,
                                        GError     **error);
gint64   hearth_recurrence_next        (const char  *rule,
                                        GDateTime   *start,
                                        GDateTime   *after,
                                        GError     **error);

G_END_DECLS
