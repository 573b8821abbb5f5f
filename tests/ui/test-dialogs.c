/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "hearth-dialogs.h"

/* Every question behaves alike: Escape cancels, Enter goes ahead only with
 * what is suggested, never with what destroys. */
static void
test_question (void)
{
  AdwMessageDialog *suggested = hearth_dialog_new_question (NULL, "Rename?", NULL, "rename", "_Rename",
                                                            ADW_RESPONSE_SUGGESTED);
  AdwMessageDialog *destructive = hearth_dialog_new_question (NULL, "Delete?", "It goes for everyone.", "delete",
                                                              "_Delete", ADW_RESPONSE_DESTRUCTIVE);

  g_assert_true (adw_message_dialog_has_response (suggested, "cancel"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (suggested, "rename"), ==, "_Rename");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (suggested, "rename"), ==, ADW_RESPONSE_SUGGESTED);
  g_assert_cmpstr (adw_message_dialog_get_default_response (suggested), ==, "rename");
  g_assert_cmpstr (adw_message_dialog_get_close_response (suggested), ==, "cancel");

  g_assert_cmpstr (adw_message_dialog_get_body (destructive), ==, "It goes for everyone.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (destructive, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (destructive), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (destructive), ==, "cancel");

  gtk_window_destroy (GTK_WINDOW (suggested));
  gtk_window_destroy (GTK_WINDOW (destructive));
}

/* A notice has one response, which Enter and Escape give too. */
static void
test_notice (void)
{
  AdwMessageDialog *notice = hearth_dialog_new_notice (NULL, "Everyone Is Here", NULL, "close", NULL);
  AdwMessageDialog *keys = hearth_dialog_new_notice (NULL, "Your Keys", NULL, "done", "I Have Kept Them _Safe");

  g_assert_cmpstr (adw_message_dialog_get_response_label (notice, "close"), ==, "_Close");
  g_assert_cmpstr (adw_message_dialog_get_default_response (notice), ==, "close");
  g_assert_cmpstr (adw_message_dialog_get_close_response (notice), ==, "close");
  g_assert_false (adw_message_dialog_has_response (notice, "cancel"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (keys, "done"), ==, "I Have Kept Them _Safe");
  g_assert_cmpstr (adw_message_dialog_get_close_response (keys), ==, "done");

  gtk_window_destroy (GTK_WINDOW (notice));
  gtk_window_destroy (GTK_WINDOW (keys));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/dialogs/question", test_question);
  g_test_add_func ("/dialogs/notice", test_notice);

  return g_test_run ();
}
