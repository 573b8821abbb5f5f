/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEARTH_AUTH_ERROR (hearth_auth_error_quark ())

/**
 * HearthAuthError:
 * @HEARTH_AUTH_ERROR_FAILED: a failure with no better code
 * @HEARTH_AUTH_ERROR_PASSWORD_REJECTED: the new password breaks the policy;
 *   the message says how
 */
typedef enum
{
  HEARTH_AUTH_ERROR_FAILED,
  HEARTH_AUTH_ERROR_PASSWORD_REJECTED,
} HearthAuthError;

GQuark hearth_auth_error_quark (void);

G_END_DECLS
