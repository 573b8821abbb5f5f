/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEARTH_VALIDATION_ERROR (hearth_validation_error_quark ())

/**
 * HearthValidationError:
 * @HEARTH_VALIDATION_ERROR_NAME: a name (an account's, ...) cannot be used
 * @HEARTH_VALIDATION_ERROR_AMOUNT: an amount is empty, not a number, signed,
 *   too large, or has more decimals than its currency
 * @HEARTH_VALIDATION_ERROR_CURRENCY: not a currency Hearth knows
 * @HEARTH_VALIDATION_ERROR_DATE: not a date
 * @HEARTH_VALIDATION_ERROR_DESCRIPTION: a description that is too long
 * @HEARTH_VALIDATION_ERROR_PAYEE: a payee that is too long
 * @HEARTH_VALIDATION_ERROR_CATEGORY: a category that does not exist or is
 *   not for this module
 * @HEARTH_VALIDATION_ERROR_TYPE: an account type that does not exist
 * @HEARTH_VALIDATION_ERROR_FILE: a file that cannot be used: too large, or not
 *   of a kind that is accepted
 * @HEARTH_VALIDATION_ERROR_TAGS: a tag name that cannot be used
 * @HEARTH_VALIDATION_ERROR_TITLE: a title (a task's) that cannot be used
 * @HEARTH_VALIDATION_ERROR_RECURRENCE: how something repeats, which cannot
 *   be used
 *
 * What a person typed that cannot be used. The code names the field, so that
 * a form shows the message next to it; the message says what is wrong.
 */
typedef enum
{
  HEARTH_VALIDATION_ERROR_NAME,
  HEARTH_VALIDATION_ERROR_AMOUNT,
  HEARTH_VALIDATION_ERROR_CURRENCY,
  HEARTH_VALIDATION_ERROR_DATE,
  HEARTH_VALIDATION_ERROR_DESCRIPTION,
  HEARTH_VALIDATION_ERROR_PAYEE,
  HEARTH_VALIDATION_ERROR_CATEGORY,
  HEARTH_VALIDATION_ERROR_TYPE,
  HEARTH_VALIDATION_ERROR_FILE,
  HEARTH_VALIDATION_ERROR_TAGS,
  HEARTH_VALIDATION_ERROR_TITLE,
  HEARTH_VALIDATION_ERROR_RECURRENCE,
} HearthValidationError;

GQuark hearth_validation_error_quark (void);

char  *hearth_validation_clean_text  (const char  *text,
                                      guint        max_chars,
                                      gboolean     required,
                                      int          field,
                                      GError     **error);

G_END_DECLS
