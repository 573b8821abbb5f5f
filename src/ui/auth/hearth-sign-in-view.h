/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-auth.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_SIGN_IN_VIEW (hearth_sign_in_view_get_type ())
G_DECLARE_FINAL_TYPE (HearthSignInView, hearth_sign_in_view, HEARTH, SIGN_IN_VIEW, AdwBin)

void hearth_sign_in_view_start (HearthSignInView *self,
                                HearthAuth       *auth,
                                HearthKeyring    *keyring);
void hearth_sign_in_view_lock  (HearthSignInView *self,
                                HearthAuth       *auth,
                                HearthKeyring    *keyring,
                                HearthActor      *actor);

void hearth_sign_in_view_set_hint     (HearthSignInView *self,
                                       const char       *hint);
void hearth_sign_in_view_set_subtitle (HearthSignInView *self,
                                       const char       *subtitle);

G_END_DECLS
