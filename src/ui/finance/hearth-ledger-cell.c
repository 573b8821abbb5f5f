/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance-ui"

#include "config.h"

#include "hearth-ledger-cell.h"

/*
 * One cell of the ledger: a line of text, ellipsized. GTK 4.8's list views
 * keep about two hundred rows bound around the visible ones, so a jump binds
 * some fourteen hundred cells; a label shapes its text when it is set, this
 * cell only when it is drawn, which only the visible ones are. Its size comes
 * from a number of characters of the font, never from its text. Styled as a
 * label (its CSS name), so `dim-label` and `success` work; named for screen
 * readers by its text.
 */

struct _HearthLedgerCell
{
  GtkWidget  parent_instance;

  char      *text;
  guint      min_chars;
  guint      width_chars;
  float      xalign;
  guint      dim : 1;
  guint      green : 1;
};

G_DEFINE_FINAL_TYPE (HearthLedgerCell, hearth_ledger_cell, GTK_TYPE_WIDGET)

static void
hearth_ledger_cell_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  HearthLedgerCell *self = HEARTH_LEDGER_CELL (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int char_width = pango_font_metrics_get_approximate_char_width (metrics);

      *minimum = PANGO_PIXELS_CEIL (self->min_chars * char_width);
      *natural = PANGO_PIXELS_CEIL (self->width_chars * char_width);
    }
  else
    {
      int ascent = pango_font_metrics_get_ascent (metrics);
      int descent = pango_font_metrics_get_descent (metrics);

      *minimum = *natural = PANGO_PIXELS_CEIL (ascent + descent);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (ascent);
    }
  pango_font_metrics_unref (metrics);
}

static void
hearth_ledger_cell_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  HearthLedgerCell *self = HEARTH_LEDGER_CELL (widget);
  g_autoptr (PangoLayout) layout = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_width, text_height;
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  layout = gtk_widget_create_pango_layout (widget, self->text);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - MIN (text_width, width)) *
                                                          (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                                           ? 1 - self->xalign : self->xalign),
                                                          (height - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
hearth_ledger_cell_finalize (GObject *object)
{
  g_free (HEARTH_LEDGER_CELL (object)->text);

  G_OBJECT_CLASS (hearth_ledger_cell_parent_class)->finalize (object);
}

static void
hearth_ledger_cell_class_init (HearthLedgerCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = hearth_ledger_cell_finalize;
  widget_class->measure = hearth_ledger_cell_measure;
  widget_class->snapshot = hearth_ledger_cell_snapshot;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
hearth_ledger_cell_init (HearthLedgerCell *self)
{
}

/**
 * hearth_ledger_cell_new:
 * @min_chars: how many characters wide it must be, at the least
 * @width_chars: how many characters wide it would like to be
 * @xalign: 0 for text at the start, 1 at the end (amounts)
 */
GtkWidget *
hearth_ledger_cell_new (guint min_chars,
                        guint width_chars,
                        float xalign)
{
  HearthLedgerCell *self = g_object_new (HEARTH_TYPE_LEDGER_CELL, NULL);

  self->min_chars = min_chars;
  self->width_chars = MAX (width_chars, min_chars);
  self->xalign = xalign;
  return GTK_WIDGET (self);
}

void
hearth_ledger_cell_set_text (HearthLedgerCell *self,
                             const char       *text)
{
  g_return_if_fail (HEARTH_IS_LEDGER_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
hearth_ledger_cell_get_text (HearthLedgerCell *self)
{
  g_return_val_if_fail (HEARTH_IS_LEDGER_CELL (self), NULL);
  return self->text;
}

/**
 * hearth_ledger_cell_set_style:
 * @dim: dimmed, for a voided line
 * @green: in the success colour, for money in
 *
 * Touches the style classes only when they change: restyling is what a
 * rebound cell would otherwise pay for.
 */
void
hearth_ledger_cell_set_style (HearthLedgerCell *self,
                              gboolean          dim,
                              gboolean          green)
{
  g_return_if_fail (HEARTH_IS_LEDGER_CELL (self));

  if (self->dim != !!dim)
    {
      self->dim = !!dim;
      if (dim)
        gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");
    }
  if (self->green != !!green)
    {
      self->green = !!green;
      if (green)
        gtk_widget_add_css_class (GTK_WIDGET (self), "success");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "success");
    }
}
