/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "hearth-dialogs.h"
#include "hearth-test-ui.h"

/* Every question behaves alike: Escape cancels, Enter goes ahead only with
 * what is suggested, never with what destroys. */
static void
test_question (void)
{
  /* These tests build against Debian 12's libadwaita: message dialogs. */
  AdwMessageDialog *suggested = ADW_MESSAGE_DIALOG (hearth_dialog_new_question (NULL, "Rename?", NULL, "rename",
                                                                                "_Rename", ADW_RESPONSE_SUGGESTED));
  AdwMessageDialog *destructive = ADW_MESSAGE_DIALOG (hearth_dialog_new_question (NULL, "Delete?",
                                                                                  "It goes for everyone.", "delete",
                                                                                  "_Delete",
                                                                                  ADW_RESPONSE_DESTRUCTIVE));

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
  AdwMessageDialog *notice = ADW_MESSAGE_DIALOG (hearth_dialog_new_notice (NULL, "Everyone Is Here", NULL, "close",
                                                                            NULL));
  AdwMessageDialog *keys = ADW_MESSAGE_DIALOG (hearth_dialog_new_notice (NULL, "Your Keys", NULL, "done",
                                                                          "I Have Kept Them _Safe"));

  g_assert_cmpstr (adw_message_dialog_get_response_label (notice, "close"), ==, "_Close");
  g_assert_cmpstr (adw_message_dialog_get_default_response (notice), ==, "close");
  g_assert_cmpstr (adw_message_dialog_get_close_response (notice), ==, "close");
  g_assert_false (adw_message_dialog_has_response (notice, "cancel"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (keys, "done"), ==, "I Have Kept Them _Safe");
  g_assert_cmpstr (adw_message_dialog_get_close_response (keys), ==, "done");

  gtk_window_destroy (GTK_WINDOW (notice));
  gtk_window_destroy (GTK_WINDOW (keys));
}

static void
response_cb (HearthDialog *dialog,
             const char   *response,
             char        **said)
{
  g_free (*said);
  *said = g_strdup (response);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* What callers do to a dialog, through the helper only: a body, an entry,
 * a response that waits for it, busy while work runs, and closing. */
static void
test_helpers (void)
{
  GtkWidget *parent = gtk_window_new ();
  HearthDialog *dialog = hearth_dialog_new_question (GTK_WINDOW (parent), "Name the Circle", NULL, "confirm",
                                                     "C_reate", ADW_RESPONSE_SUGGESTED);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *said = NULL;
  gpointer watch = dialog;

  gtk_window_present (GTK_WINDOW (parent));
  hearth_dialog_set_body (dialog, "You will own it.");
  hearth_dialog_set_extra_child (dialog, entry);
  hearth_dialog_set_response_enabled (dialog, "confirm", FALSE);
  hearth_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), &said);
  hearth_dialog_present (dialog);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (parent));
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "You will own it.");
  g_assert_true (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)) == entry);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);

  /* Busy: no input, and the focus has left the entry. */
  gtk_widget_grab_focus (entry);
  hearth_dialog_set_busy (dialog, TRUE);
  g_assert_false (gtk_widget_get_sensitive (dialog));
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (dialog)));
  hearth_dialog_set_busy (dialog, FALSE);
  g_assert_true (gtk_widget_get_sensitive (dialog));

  /* Closed without an answer: no response is given, and the dialog goes. */
  g_object_add_weak_pointer (G_OBJECT (dialog), &watch);
  hearth_dialog_close (dialog);
  hearth_test_wait_until (is_gone, &watch, "the dialog to go");
  g_assert_null (said);
  gtk_window_destroy (GTK_WINDOW (parent));
}

int
main (int   argc,
      char *argv[])
{
  hearth_test_ui_init (&argc, &argv);

  g_test_add_func ("/dialogs/question", test_question);
  g_test_add_func ("/dialogs/notice", test_notice);
  g_test_add_func ("/dialogs/helpers", test_helpers);

  return g_test_run ();
}
