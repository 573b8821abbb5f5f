/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_SECURITY_EVENT (hearth_security_event_get_type ())
G_DECLARE_FINAL_TYPE (HearthSecurityEvent, hearth_security_event, HEARTH, SECURITY_EVENT, GObject)

HearthSecurityEvent *hearth_security_event_new            (gint64      id,
                                                           const char *type,
                                                           const char *metadata,
                                                           gint64      created_at);
gint64               hearth_security_event_get_id         (HearthSecurityEvent *self);
const char          *hearth_security_event_get_event_type (HearthSecurityEvent *self);
const char          *hearth_security_event_get_metadata   (HearthSecurityEvent *self);
gint64               hearth_security_event_get_created_at (HearthSecurityEvent *self);
const char          *hearth_security_event_get_summary    (HearthSecurityEvent *self);

G_END_DECLS
