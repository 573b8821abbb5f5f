/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-lifelog-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-format.h"
#include "hearth-lifelog-row.h"

/*
 * One entry of the timeline: the day above it when it is the first of its
 * day, then a card with the byline, the entry's menu and its words. A sealed
 * capsule's card is locked and says from whom and when it opens, never what
 * it holds; an opened one says so above its words. The page decides what the
 * menu holds (what the role may do); the row only shows it.
 */

struct _HearthLifelogRow
{
  GtkBox     parent_instance;

  GtkLabel  *day;
  GtkWidget *card;
  GtkImage  *icon;
  GtkLabel  *byline;
  GtkWidget *menu;
  GtkLabel  *content;
};

G_DEFINE_FINAL_TYPE (HearthLifelogRow, hearth_lifelog_row, GTK_TYPE_BOX)

static void
hearth_lifelog_row_class_init (HearthLifelogRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/lifelog/hearth-lifelog-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogRow, day);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogRow, card);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogRow, icon);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogRow, byline);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogRow, menu);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogRow, content);
}

static void
hearth_lifelog_row_init (HearthLifelogRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hearth_lifelog_row_new:
 *
 * Returns: (transfer floating): an empty row, for a list item
 */
GtkWidget *
hearth_lifelog_row_new (void)
{
  return g_object_new (HEARTH_TYPE_LIFELOG_ROW, NULL);
}

/**
 * hearth_lifelog_row_set_entry:
 * @entry: the entry shown
 * @first_of_day: whether the day is written above it
 * @menu: what may be done to it; an empty menu hides the button
 */
void
hearth_lifelog_row_set_entry (HearthLifelogRow   *self,
                              HearthLifelogEntry *entry,
                              gboolean            first_of_day,
                              GMenuModel         *menu)
{
  g_autofree char *day = NULL;
  g_autofree char *byline = NULL;
  const char *author;

  g_return_if_fail (HEARTH_IS_LIFELOG_ROW (self));
  g_return_if_fail (HEARTH_IS_LIFELOG_ENTRY (entry));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  author = hearth_lifelog_entry_get_author_name (entry) != NULL ? hearth_lifelog_entry_get_author_name (entry)
                                                                : _("Someone");
  day = hearth_format_day (hearth_lifelog_entry_get_created_at (entry));
  gtk_label_set_label (self->day, day);
  gtk_widget_set_visible (GTK_WIDGET (self->day), first_of_day);

  if (hearth_lifelog_entry_get_sealed (entry))
    {
      g_autofree char *opens = hearth_format_day (hearth_lifelog_entry_get_unlock_at (entry));

      /* Translators: a sealed time capsule: "A time capsule from Mum · opens on Friday, 27 November 2044" */
      byline = g_strdup_printf (_("A time capsule from %s · opens on %s"), author, opens);
      gtk_image_set_from_icon_name (self->icon, "changes-prevent-symbolic");
      gtk_label_set_label (self->content, _("Sealed until its day: Hearth will not show it before then, not even "
                                            "to its author."));
      gtk_widget_add_css_class (GTK_WIDGET (self->content), "dim-label");
      gtk_widget_add_css_class (self->card, "sealed");
    }
  else
    {
      if (hearth_lifelog_entry_get_is_capsule (entry))
        {
          g_autofree char *opened = hearth_format_day (hearth_lifelog_entry_get_unlocked_at (entry));

          /* Translators: an opened capsule: "A time capsule from Mum · opened on Friday, 27 November 2026" */
          byline = g_strdup_printf (_("A time capsule from %s · opened on %s"), author, opened);
          gtk_image_set_from_icon_name (self->icon, "mail-read-symbolic");
        }
      else
        {
          g_autofree char *time = hearth_format_clock (hearth_lifelog_entry_get_created_at (entry));

          /* Translators: an entry's byline: "Mum · 14:05" */
          byline = g_strdup_printf (_("%s · %s"), author, time);
          gtk_image_clear (self->icon);
        }
      gtk_label_set_label (self->content, hearth_lifelog_entry_get_content (entry));
      gtk_widget_remove_css_class (GTK_WIDGET (self->content), "dim-label");
      gtk_widget_remove_css_class (self->card, "sealed");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->icon), gtk_image_get_storage_type (self->icon) != GTK_IMAGE_EMPTY);
  gtk_label_set_label (self->byline, byline);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu), menu);
  gtk_widget_set_visible (self->menu, g_menu_model_get_n_items (menu) > 0);
}
