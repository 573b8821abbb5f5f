/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEARTH_TOKEN_LENGTH 43 /* 32 bytes, base64url without padding */

void      _hearth_token_wipe               (char       *secret);
char     *_hearth_token_new                (void);
gboolean  _hearth_token_is_well_formed     (const char *token);
char     *_hearth_token_hash               (const char *token);
char     *_hearth_recovery_key_new         (void);
char     *_hearth_recovery_key_canonical   (const char *input);
char     *_hearth_answer_normalize         (const char *answer);

G_END_DECLS
