/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "hearth-receipts.h"
#include "hearth-validation.h"

/*
 * A PDF receipt's first page as a PNG, for the screens to show beside the
 * pictures: rendered by poppler-glib onto white, scaled to fit a square, in a
 * worker thread when asked asynchronously (a scanned receipt can be a large
 * page).
 */

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * hearth_receipt_render_preview:
 * @path: a stored PDF receipt
 * @max_size: the longest side of the preview, in pixels
 *
 * Returns: (transfer full): the first page as PNG, or %NULL with @error set
 *   (%HEARTH_VALIDATION_ERROR_FILE) when it cannot be read
 */
/* The page onto white, scaled to fit @max_size, as PNG. */
static GBytes *
render_page (PopplerPage  *page,
             int           max_size,
             GError      **error)
{
  g_autoptr (GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale;
  cairo_status_t status;

  poppler_page_get_size (page, &width, &height);
  if (width <= 0 || height <= 0)
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE,
                           _("This PDF document cannot be shown."));
      return NULL;
    }
  scale = max_size / MAX (width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (1, (int) (width * scale + 0.5)),
                                        MAX (1, (int) (height * scale + 0.5)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cairo: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/**
 * hearth_receipt_render_preview:
 * @path: a stored PDF receipt
 * @max_size: the longest side of the preview, in pixels
 *
 * Returns: (transfer full): the first page as PNG, or %NULL with @error set
 *   (%HEARTH_VALIDATION_ERROR_FILE) when it cannot be read
 */
GBytes *
hearth_receipt_render_preview (const char  *path,
                               int          max_size,
                               GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document;
  PopplerPage *page = NULL;
  GBytes *png = NULL;

  g_return_val_if_fail (path != NULL && max_size > 0, NULL);

  document = poppler_document_new_from_file (uri, NULL, NULL);
  if (document != NULL && poppler_document_get_n_pages (document) > 0)
    page = poppler_document_get_page (document, 0);
  if (page != NULL)
    png = render_page (page, max_size, error);
  else
    g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE,
                         _("This PDF document cannot be shown."));
  g_clear_object (&page);
  g_clear_object (&document);
  return png;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *png = hearth_receipt_render_preview (task_data, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task),
                                                                                               "max-size")),
                                               &error);

  if (png == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, png, (GDestroyNotify) g_bytes_unref);
}

/**
 * hearth_receipt_render_preview_async:
 *
 * hearth_receipt_render_preview() in a worker thread.
 */
void
hearth_receipt_render_preview_async (const char          *path,
                                     int                  max_size,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, hearth_receipt_render_preview_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "max-size", GINT_TO_POINTER (max_size));
  g_task_run_in_thread (task, render_thread);
}

/**
 * hearth_receipt_render_preview_finish:
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set
 */
GBytes *
hearth_receipt_render_preview_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
