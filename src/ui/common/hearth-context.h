/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-auth.h"
#include "hearth-circles.h"
#include "hearth-finance.h"
#include "hearth-guard.h"
#include "hearth-keyring.h"
#include "hearth-lifelog.h"
#include "hearth-store.h"
#include "hearth-tasks.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CONTEXT (hearth_context_get_type ())

G_DECLARE_FINAL_TYPE (HearthContext, hearth_context, HEARTH, CONTEXT, GObject)

HearthContext *hearth_context_new          (HearthAuth    *auth,
                                            GSettings     *settings,
                                            HearthKeyring *keyring);
HearthStore   *hearth_context_get_store    (HearthContext *self);
HearthClock   *hearth_context_get_clock    (HearthContext *self);
GSettings     *hearth_context_get_settings (HearthContext *self);
HearthKeyring *hearth_context_get_keyring  (HearthContext *self);
HearthGuard   *hearth_context_get_guard    (HearthContext *self);
HearthAuth    *hearth_context_get_auth     (HearthContext *self);
HearthCircles *hearth_context_get_circles  (HearthContext *self);
HearthFinance *hearth_context_get_finance  (HearthContext *self);
HearthLifelog *hearth_context_get_lifelog  (HearthContext *self);
HearthTasks   *hearth_context_get_tasks    (HearthContext *self);

G_END_DECLS
