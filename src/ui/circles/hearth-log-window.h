/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-circles.h"

G_BEGIN_DECLS

/**
 * HearthLogKind:
 * @HEARTH_LOG_ACTIVITY: the circle's activity (`circle_events`), for members
 * @HEARTH_LOG_AUDIT: the circle's audit log, for its owner and admins
 */
typedef enum
{
  HEARTH_LOG_ACTIVITY,
  HEARTH_LOG_AUDIT,
} HearthLogKind;

#define HEARTH_TYPE_LOG_WINDOW (hearth_log_window_get_type ())
G_DECLARE_FINAL_TYPE (HearthLogWindow, hearth_log_window, HEARTH, LOG_WINDOW, AdwWindow)

HearthLogWindow *hearth_log_window_new (GtkWindow     *parent,
                                        HearthCircles *circles,
                                        HearthActor   *actor,
                                        HearthCircle  *circle,
                                        HearthLogKind  kind);

G_END_DECLS
