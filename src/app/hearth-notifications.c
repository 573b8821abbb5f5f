/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-notifications"

#include "config.h"

#include "hearth-notifications.h"
#include "hearth-scheduler.h"

/**
 * hearth_notifications_send:
 * @items: (element-type HearthDueItem): what the scheduler fired
 *
 * One desktop notification for each item, with the title and body its module
 * wrote (never the content of what opened), which brings the window forward
 * on the item (`app.open-entry`). The core's scheduler only says what fell
 * due; what the desktop is told, and whether, is the application's.
 */
void
hearth_notifications_send (GApplication *application,
                           GPtrArray    *items)
{
  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (items != NULL);

  for (guint i = 0; i < items->len; i++)
    {
      HearthDueItem *item = g_ptr_array_index (items, i);
      g_autoptr (GNotification) notification = g_notification_new (item->title);
      g_autofree char *id = g_strdup_printf ("%s-%" G_GINT64_FORMAT, item->kind, item->id);

      if (item->body != NULL)
        g_notification_set_body (notification, item->body);
      g_notification_set_default_action_and_target (notification, "app.open-entry", "(sx)", item->kind, item->id);
      g_application_send_notification (application, id, notification);
    }
}
