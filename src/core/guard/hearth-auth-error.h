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
 * @HEARTH_AUTH_ERROR_WRONG_CREDENTIALS: the one message for every failed
 *   sign-in, whether or not the profile exists
 * @HEARTH_AUTH_ERROR_COOLDOWN: too many failures; the message says how long
 *   is left, hearth_auth_get_cooldown_remaining() says it in numbers
 * @HEARTH_AUTH_ERROR_LOCKED: locked after 100 failures, until a recovery key
 *   or an owner or admin unlocks it
 * @HEARTH_AUTH_ERROR_SESSION_INVALID: the session or token is unknown,
 *   expired, revoked or malformed
 * @HEARTH_AUTH_ERROR_SUDO_REQUIRED: the action needs a password confirmed in
 *   the last 10 minutes
 * @HEARTH_AUTH_ERROR_INVALID_INPUT: a username, name or e-mail address that
 *   cannot be used; the message says why
 * @HEARTH_AUTH_ERROR_TAKEN: another profile has that username or e-mail address
 * @HEARTH_AUTH_ERROR_KEYRING_UNAVAILABLE: the system keyring is missing or
 *   locked, so "stay signed in" cannot be offered
 */
typedef enum
{
  HEARTH_AUTH_ERROR_FAILED,
  HEARTH_AUTH_ERROR_PASSWORD_REJECTED,
  HEARTH_AUTH_ERROR_WRONG_CREDENTIALS,
  HEARTH_AUTH_ERROR_COOLDOWN,
  HEARTH_AUTH_ERROR_LOCKED,
  HEARTH_AUTH_ERROR_SESSION_INVALID,
  HEARTH_AUTH_ERROR_SUDO_REQUIRED,
  HEARTH_AUTH_ERROR_INVALID_INPUT,
  HEARTH_AUTH_ERROR_TAKEN,
  HEARTH_AUTH_ERROR_KEYRING_UNAVAILABLE,
} HearthAuthError;

GQuark hearth_auth_error_quark (void);

G_END_DECLS
