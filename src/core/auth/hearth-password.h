/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HearthPasswordCost:
 * @opslimit: Argon2id passes (libsodium's opslimit)
 * @memlimit: Argon2id memory in bytes (libsodium's memlimit)
 *
 * What one hash costs. The application uses hearth_password_cost_default();
 * tests pass a cheap cost so that they run fast.
 */
typedef struct
{
  unsigned long long opslimit;
  size_t             memlimit;
} HearthPasswordCost;

#define HEARTH_PASSWORD_MIN_LENGTH 8
#define HEARTH_PASSWORD_MAX_BYTES  1024

HearthPasswordCost hearth_password_cost_default      (void);
HearthPasswordCost hearth_password_cost_interactive  (void);
HearthPasswordCost hearth_password_cost_cheapest     (void);

char              *hearth_password_normalize         (const char          *password);
gboolean           hearth_password_check_policy      (const char          *password,
                                                      const char          *username,
                                                      const char          *display_name,
                                                      int                  min_length,
                                                      int                 *out_score,
                                                      GError             **error);
char              *hearth_password_hash              (const char          *password,
                                                      HearthPasswordCost   cost,
                                                      GError             **error);
gboolean           hearth_password_verify            (const char          *hash,
                                                      const char          *password);
gboolean           hearth_password_needs_rehash      (const char          *hash,
                                                      HearthPasswordCost   cost);

G_END_DECLS
