/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-auth.h"

G_BEGIN_DECLS

/**
 * HearthSudoAction:
 * @user_data: what hearth_sudo_prompt_run() was given
 * @error: where the action says why it failed
 *
 * A protected action: it asks the service, which checks sudo mode itself.
 *
 * Returns: %TRUE when done
 */
typedef gboolean (*HearthSudoAction) (gpointer   user_data,
                                      GError   **error);

/**
 * HearthSudoDone:
 * @user_data: what hearth_sudo_prompt_run() was given
 * @error: (nullable): why the action was not done, or %NULL when it was;
 *   %G_IO_ERROR_CANCELLED when the person cancelled the prompt
 */
typedef void (*HearthSudoDone) (gpointer      user_data,
                                const GError *error);

void hearth_sudo_prompt_run (GtkWindow        *parent,
                             HearthAuth       *auth,
                             HearthActor      *actor,
                             const char       *heading,
                             HearthSudoAction  action,
                             HearthSudoDone    done,
                             gpointer          user_data,
                             GDestroyNotify    destroy);

G_END_DECLS
