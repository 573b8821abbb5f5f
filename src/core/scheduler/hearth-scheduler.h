/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-store.h"

G_BEGIN_DECLS

/**
 * HearthDueItem:
 * @kind: what fell due: `capsule`, `task`
 * @id: its row (for a capsule, the life log entry; for a task, the task)
 * @circle_id: the circle it belongs to
 * @title: the notification's title, for a person
 * @body: (nullable): its body
 */
typedef struct
{
  const char *kind;
  gint64      id;
  gint64      circle_id;
  char       *title;
  char       *body;
} HearthDueItem;

void hearth_due_item_free (HearthDueItem *item);

/**
 * HearthDueKind:
 * @name: the kind, as #HearthDueItem says it
 * @watch_table: the table whose changes may move its next due time
 * @next_due: sets the earliest time something of the kind falls due, or 0
 *   for nothing pending
 * @fire_due: in a worker thread, on a connection of its own: marks done, in
 *   one transaction, everything of the kind due at @now, and returns it
 *   (element-type HearthDueItem); done once, whoever else asks
 * @data: (nullable): the object the kind belongs to, or %NULL for a static
 *   kind; the scheduler holds a reference on it, and a firing worker another,
 *   so a kind that lives inside its object stays valid. The worker reads it
 *   too: what it reads there is guarded (atomic) or never changes
 *
 * One kind of thing that falls due. Time capsules are one (the life log's),
 * task reminders another; note reminders plug in the same way.
 */
typedef struct _HearthDueKind HearthDueKind;
struct _HearthDueKind
{
  const char *name;
  const char *watch_table;
  gboolean  (*next_due) (const HearthDueKind  *kind,
                         HearthStore          *store,
                         gint64               *out_when,
                         GError              **error);
  GPtrArray *(*fire_due) (const HearthDueKind  *kind,
                          HearthStore          *store,
                          gint64                now,
                          GError              **error);
  GObject    *data;
};

#define HEARTH_SCHEDULER_MAX_SLEEP_MS 60000

#define HEARTH_TYPE_SCHEDULER (hearth_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (HearthScheduler, hearth_scheduler, HEARTH, SCHEDULER, GObject)

HearthScheduler *hearth_scheduler_new           (HearthStore         *store);
void             hearth_scheduler_add_kind      (HearthScheduler     *self,
                                                 const HearthDueKind *kind);
void             hearth_scheduler_start         (HearthScheduler     *self);
void             hearth_scheduler_check_now     (HearthScheduler     *self);
gint64           hearth_scheduler_get_next_due  (HearthScheduler     *self);
gboolean         hearth_scheduler_get_busy      (HearthScheduler     *self);
guint            hearth_scheduler_get_sleep     (HearthScheduler     *self);

G_END_DECLS
