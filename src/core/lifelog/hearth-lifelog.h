/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-actor.h"
#include "hearth-guard.h"
#include "hearth-lifelog-entry.h"
#include "hearth-query-model.h"
#include "hearth-scheduler.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_LIFELOG_ERROR (hearth_lifelog_error_quark ())

/**
 * HearthLifelogError:
 * @HEARTH_LIFELOG_ERROR_SEALED: the capsule is sealed: nothing of it can be
 *   read or changed until it opens; its author may withdraw it
 * @HEARTH_LIFELOG_ERROR_OPENED: the capsule has opened: it can no longer be
 *   withdrawn
 * @HEARTH_LIFELOG_ERROR_NOT_AUTHOR: only the author may do this
 * @HEARTH_LIFELOG_ERROR_NOT_A_CAPSULE: the entry is not a time capsule
 */
typedef enum
{
  HEARTH_LIFELOG_ERROR_SEALED,
  HEARTH_LIFELOG_ERROR_OPENED,
  HEARTH_LIFELOG_ERROR_NOT_AUTHOR,
  HEARTH_LIFELOG_ERROR_NOT_A_CAPSULE,
} HearthLifelogError;

GQuark hearth_lifelog_error_quark (void);

#define HEARTH_LIFELOG_MAX_CHARS 20000

#define HEARTH_TYPE_LIFELOG (hearth_lifelog_get_type ())
G_DECLARE_FINAL_TYPE (HearthLifelog, hearth_lifelog, HEARTH, LIFELOG, GObject)

HearthLifelog      *hearth_lifelog_new            (HearthGuard    *guard);
HearthStore        *hearth_lifelog_get_store      (HearthLifelog  *self);
gboolean            hearth_lifelog_can            (HearthLifelog  *self,
                                                   HearthActor    *actor,
                                                   gint64          circle_id,
                                                   const char     *resource,
                                                   const char     *action);

HearthLifelogEntry *hearth_lifelog_write          (HearthLifelog  *self,
                                                   HearthActor    *actor,
                                                   gint64          circle_id,
                                                   const char     *content,
                                                   gint64          unlock_at,
                                                   GError        **error);
gboolean            hearth_lifelog_edit           (HearthLifelog  *self,
                                                   HearthActor    *actor,
                                                   gint64          entry_id,
                                                   const char     *content,
                                                   GError        **error);
gboolean            hearth_lifelog_delete         (HearthLifelog  *self,
                                                   HearthActor    *actor,
                                                   gint64          entry_id,
                                                   GError        **error);
gboolean            hearth_lifelog_withdraw       (HearthLifelog  *self,
                                                   HearthActor    *actor,
                                                   gint64          entry_id,
                                                   GError        **error);
HearthLifelogEntry *hearth_lifelog_get            (HearthLifelog  *self,
                                                   HearthActor    *actor,
                                                   gint64          entry_id,
                                                   GError        **error);
HearthQueryModel   *hearth_lifelog_new_timeline   (HearthLifelog  *self,
                                                   HearthActor    *actor,
                                                   gint64          circle_id,
                                                   GError        **error);
GPtrArray          *hearth_lifelog_on_this_day    (HearthLifelog  *self,
                                                   HearthActor    *actor,
                                                   gint64          circle_id,
                                                   GError        **error);
GPtrArray          *hearth_lifelog_opening_soon   (HearthLifelog  *self,
                                                   HearthActor    *actor,
                                                   gint64          circle_id,
                                                   gint64          within,
                                                   GError        **error);

const HearthDueKind *hearth_lifelog_capsule_kind (void);

G_END_DECLS
