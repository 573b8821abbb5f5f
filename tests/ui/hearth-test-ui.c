/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hearth-test-ui.h"

/*
 * Display tests run under Xvfb (build-aux/test-env.sh). These helpers wait for
 * the toolkit instead of sleeping, and save what a widget shows as a PNG under
 * the build folder (tests/ui/screenshots/), so a person can look at each screen.
 */

#define WAIT_LIMIT_USEC (20 * G_USEC_PER_SEC)

void
hearth_test_ui_init (int    *argc,
                     char ***argv)
{
  g_test_init (argc, argv, NULL);
  adw_init ();

  /* What GtkApplication does for the app: Hearth's own icons, from its
   * resources, for widgets that are tested without it. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE_PATH "/icons");

  /* Animations stay on, as most people have them: with them off, libadwaita
   * 1.2's leaflet keeps the sidebar at a mid-transition width after it unfolds.
   * Tests wait for transitions to end instead (hearth_test_wait_for_draw). */
}

/* Runs the main loop until @condition holds; fails the test after 20 s. */
void
hearth_test_wait_until (HearthTestCondition  condition,
                        gpointer             user_data,
                        const char          *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_USEC;

  while (!condition (user_data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Gave up waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return *ticks < 3 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
ticked_enough (gpointer user_data)
{
  return *(guint *) user_data >= 3;
}

static gboolean
is_mapped_with_size (gpointer user_data)
{
  GtkWidget *widget = user_data;

  return gtk_widget_get_mapped (widget) &&
         gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0;
}

/* Waits until @widget is on screen and a few frames have been drawn since. */
void
hearth_test_wait_for_draw (GtkWidget *widget)
{
  guint ticks = 0;

  hearth_test_wait_until (is_mapped_with_size, widget, "a widget to be mapped");
  gtk_widget_add_tick_callback (widget, tick_cb, &ticks, NULL);
  hearth_test_wait_until (ticked_enough, &ticks, "frames to be drawn");
}

/* Renders @widget to build/tests/ui/screenshots/@name.png.
 * Returns: (transfer full): the file's path */
char *
hearth_test_save_png (GtkWidget  *widget,
                      const char *name)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *folder = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (folder, file_name, NULL);
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = 0;
  int height = 0;

  hearth_test_wait_for_draw (widget);
  paintable = gtk_widget_paintable_new (widget);

  /* A slow machine (the sanitizer build) may show a frame with nothing drawn
   * in it yet: wait for one that has something. */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      if (attempt > 0)
        hearth_test_wait_for_draw (widget);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);

  return path;
}

/* Returns: (transfer none) (nullable): the first toplevel window of @type */
GtkWindow *
hearth_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* Every widget of @type at or below @root, in tree order. */
GPtrArray *
hearth_test_find_all (GtkWidget *root,
                      GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

/* The template child @name of @widget's template @type; fails without it. */
gpointer
hearth_test_child (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/**
 * hearth_test_context_new:
 * @family: the family whose services the window works with
 *
 * Returns: (transfer full): a context over @family's auth, with the
 *   application's settings and a keyring collection of the tests' own
 */
HearthContext *
hearth_test_context_new (HearthTestFamily *family)
{
  g_autoptr (HearthKeyring) keyring = hearth_keyring_new ("io.github.hearthapp.Hearth.DisplayTest");
  g_autoptr (GSettings) settings = g_settings_new ("io.github.hearthapp.Hearth");

  return hearth_context_new (family->auth, settings, keyring);
}
