/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-chart.h"
#include "hearth-finance.h"
#include "hearth-format.h"
#include "hearth-money.h"

/*
 * Hearth's two charts, drawn with Cairo: spending by category per month
 * (stacked bars, a colour per category, with a legend), and the balance at
 * each month's end (a line over a zero line). Text and lines take the theme's
 * foreground colour, and the category colours are mid-tones that read on light
 * and dark alike. The chart says what it shows to a screen reader.
 */

#define MARGIN 12.0
#define TITLE_HEIGHT 28.0
#define AXIS_WIDTH 88.0
#define LEGEND_HEIGHT 22.0

typedef enum
{
  KIND_NONE,
  KIND_SPENDING,
  KIND_BALANCE,
} Kind;

struct _HearthChart
{
  GtkWidget  parent_instance;

  char      *title;
  Kind       kind;
  char      *currency;
  GPtrArray *months;      /* char *, in order */
  GPtrArray *categories;  /* char *, in order of first appearance */
  GArray    *values;      /* gint64: spending [month * n_categories + category], or balance [month] */
};

G_DEFINE_FINAL_TYPE (HearthChart, hearth_chart, GTK_TYPE_WIDGET)

static const GdkRGBA palette[] = {
  { 0.21, 0.52, 0.89, 1 },  /* blue */
  { 0.20, 0.82, 0.48, 1 },  /* green */
  { 0.96, 0.76, 0.07, 1 },  /* yellow */
  { 1.00, 0.47, 0.00, 1 },  /* orange */
  { 0.88, 0.11, 0.14, 1 },  /* red */
  { 0.57, 0.25, 0.67, 1 },  /* purple */
  { 0.60, 0.39, 0.22, 1 },  /* brown */
  { 0.13, 0.64, 0.68, 1 },  /* teal */
};

static void
foreground (HearthChart *self,
            GdkRGBA     *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static char *
format (HearthChart *self,
        gint64       minor)
{
  HearthNumberFormat number;

  hearth_number_format_from_locale (&number);
  return hearth_format_amount (minor, self->currency, &number);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - align * width, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw (HearthChart *self,
      cairo_t     *cr,
      double       width,
      double       height)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  guint n_months = self->months->len;
  guint n_categories = MAX (self->categories->len, 1);
  double plot_x = MARGIN + AXIS_WIDTH;
  double plot_y = MARGIN + TITLE_HEIGHT;
  double plot_width = width - plot_x - MARGIN;
  double plot_height = height - plot_y - MARGIN - 18 - (self->kind == KIND_SPENDING ? LEGEND_HEIGHT : 0);
  gint64 top = 1, bottom = 0;
  GdkRGBA ink;

  foreground (self, &ink);
  gdk_cairo_set_source_rgba (cr, &ink);
  draw_text (cr, layout, self->title, MARGIN, MARGIN + 6, 0);
  if (n_months == 0 || plot_width < 40 || plot_height < 40)
    {
      cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.55);
      draw_text (cr, layout, _("Nothing to show yet"), width / 2, height / 2, 0.5);
      return;
    }

  /* The scale: the largest month (or balance), and zero. */
  for (guint m = 0; m < n_months; m++)
    {
      if (self->kind == KIND_SPENDING)
        {
          gint64 sum = 0;

          for (guint c = 0; c < n_categories; c++)
            sum += g_array_index (self->values, gint64, m * n_categories + c);
          top = MAX (top, sum);
        }
      else
        {
          gint64 value = g_array_index (self->values, gint64, m);

          top = MAX (top, value);
          bottom = MIN (bottom, value);
        }
    }

  {
    g_autofree char *top_text = format (self, top);
    g_autofree char *bottom_text = format (self, bottom);

    cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.7);
    draw_text (cr, layout, top_text, plot_x - 6, plot_y, 1);
    draw_text (cr, layout, bottom_text, plot_x - 6, plot_y + plot_height, 1);
  }

#define Y(v) (plot_y + plot_height * (double) (top - (v)) / (double) (top - bottom))

  /* The zero line, and the frame's base. */
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, plot_x, Y (0) + 0.5);
  cairo_line_to (cr, plot_x + plot_width, Y (0) + 0.5);
  cairo_stroke (cr);

  if (self->kind == KIND_SPENDING)
    {
      double slot = plot_width / n_months;
      double bar = MAX (slot * 0.7, 1);

      for (guint m = 0; m < n_months; m++)
        {
          gint64 base = 0;

          for (guint c = 0; c < n_categories; c++)
            {
              gint64 value = g_array_index (self->values, gint64, m * n_categories + c);

              if (value == 0)
                continue;
              gdk_cairo_set_source_rgba (cr, &palette[c % G_N_ELEMENTS (palette)]);
              cairo_rectangle (cr, plot_x + m * slot + (slot - bar) / 2, Y (base + value), bar,
                               Y (base) - Y (base + value));
              cairo_fill (cr);
              base += value;
            }
        }

      /* The legend: a swatch and a name per category. */
      {
        double x = plot_x;
        double y = height - MARGIN - LEGEND_HEIGHT / 2;

        for (guint c = 0; c < self->categories->len; c++)
          {
            int text_width, text_height;

            gdk_cairo_set_source_rgba (cr, &palette[c % G_N_ELEMENTS (palette)]);
            cairo_rectangle (cr, x, y - 5, 10, 10);
            cairo_fill (cr);
            gdk_cairo_set_source_rgba (cr, &ink);
            pango_layout_set_text (layout, g_ptr_array_index (self->categories, c), -1);
            pango_layout_get_pixel_size (layout, &text_width, &text_height);
            if (x + 14 + text_width > width - MARGIN)
              break;
            draw_text (cr, layout, g_ptr_array_index (self->categories, c), x + 14, y, 0);
            x += 14 + text_width + 16;
          }
      }
    }
  else
    {
      double step = n_months > 1 ? plot_width / (n_months - 1) : 0;

      gdk_cairo_set_source_rgba (cr, &palette[0]);
      cairo_set_line_width (cr, 2);
      /* One month is a point, not a line. */
      if (n_months == 1)
        {
          cairo_arc (cr, plot_x + plot_width / 2, Y (g_array_index (self->values, gint64, 0)), 4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      for (guint m = 0; m < n_months; m++)
        {
          double x = plot_x + m * step;
          double y = Y (g_array_index (self->values, gint64, m));

          if (m == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
    }

  /* The first and last months under the plot. */
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.7);
  draw_text (cr, layout, g_ptr_array_index (self->months, 0), plot_x, plot_y + plot_height + 12, 0);
  if (n_months > 1)
    draw_text (cr, layout, g_ptr_array_index (self->months, n_months - 1), plot_x + plot_width,
               plot_y + plot_height + 12, 1);
#undef Y
}

static void
hearth_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  HearthChart *self = HEARTH_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
hearth_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 520 : 240;
}

/* What the chart shows, in words, for a screen reader. */
static void
describe (HearthChart *self)
{
  g_autofree char *text = NULL;

  if (self->months->len == 0)
    text = g_strdup_printf (_("%s: nothing to show yet"), self->title);
  else
    text = g_strdup_printf (_("%s, from %s to %s"), self->title, (char *) g_ptr_array_index (self->months, 0),
                            (char *) g_ptr_array_index (self->months, self->months->len - 1));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
reset (HearthChart *self,
       Kind         kind,
       const char  *currency)
{
  self->kind = kind;
  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_ptr_array_set_size (self->months, 0);
  g_ptr_array_set_size (self->categories, 0);
  g_array_set_size (self->values, 0);
}

/**
 * hearth_chart_set_spending:
 * @months: (element-type HearthMonthAmount): from hearth_finance_monthly_spending()
 */
void
hearth_chart_set_spending (HearthChart *self,
                           GArray      *months,
                           const char  *currency)
{
  g_return_if_fail (HEARTH_IS_CHART (self));

  reset (self, KIND_SPENDING, currency);
  for (guint i = 0; i < months->len; i++)
    {
      HearthMonthAmount *amount = &g_array_index (months, HearthMonthAmount, i);
      const char *category = amount->category != NULL ? amount->category : _("Uncategorised");
      guint c;

      if (self->months->len == 0 || !g_str_equal (g_ptr_array_index (self->months, self->months->len - 1),
                                                  amount->month))
        g_ptr_array_add (self->months, g_strdup (amount->month));
      if (!g_ptr_array_find_with_equal_func (self->categories, category, g_str_equal, &c))
        {
          g_ptr_array_add (self->categories, g_strdup (category));
          c = self->categories->len - 1;
        }
    }

  g_array_set_size (self->values, self->months->len * MAX (self->categories->len, 1));
  for (guint i = 0, m = 0; i < months->len; i++)
    {
      HearthMonthAmount *amount = &g_array_index (months, HearthMonthAmount, i);
      const char *category = amount->category != NULL ? amount->category : _("Uncategorised");
      guint c;

      while (!g_str_equal (g_ptr_array_index (self->months, m), amount->month))
        m++;
      g_ptr_array_find_with_equal_func (self->categories, category, g_str_equal, &c);
      g_array_index (self->values, gint64, m * self->categories->len + c) += amount->amount;
    }
  describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * hearth_chart_set_balances:
 * @balances: (element-type HearthMonthBalance): from hearth_finance_balance_history()
 */
void
hearth_chart_set_balances (HearthChart *self,
                           GArray      *balances,
                           const char  *currency)
{
  g_return_if_fail (HEARTH_IS_CHART (self));

  reset (self, KIND_BALANCE, currency);
  for (guint i = 0; i < balances->len; i++)
    {
      HearthMonthBalance *balance = &g_array_index (balances, HearthMonthBalance, i);

      g_ptr_array_add (self->months, g_strdup (balance->month));
      g_array_append_val (self->values, balance->balance);
    }
  describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hearth_chart_finalize (GObject *object)
{
  HearthChart *self = HEARTH_CHART (object);

  g_free (self->title);
  g_free (self->currency);
  g_ptr_array_unref (self->months);
  g_ptr_array_unref (self->categories);
  g_array_unref (self->values);

  G_OBJECT_CLASS (hearth_chart_parent_class)->finalize (object);
}

static void
hearth_chart_class_init (HearthChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = hearth_chart_finalize;
  widget_class->snapshot = hearth_chart_snapshot;
  widget_class->measure = hearth_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hearth_chart_init (HearthChart *self)
{
  self->months = g_ptr_array_new_with_free_func (g_free);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, TRUE, sizeof (gint64));
}

/**
 * hearth_chart_new:
 * @title: what the chart shows, drawn above it
 */
GtkWidget *
hearth_chart_new (const char *title)
{
  HearthChart *self = g_object_new (HEARTH_TYPE_CHART, NULL);

  self->title = g_strdup (title);
  describe (self);
  return GTK_WIDGET (self);
}

/**
 * hearth_chart_get_n_months:
 *
 * Returns: how many months the chart shows; 0 before its figures came
 */
guint
hearth_chart_get_n_months (HearthChart *self)
{
  g_return_val_if_fail (HEARTH_IS_CHART (self), 0);
  return self->months->len;
}
