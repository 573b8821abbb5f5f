/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hearth-mnemonic-button.h"

/**
 * hearth_mnemonic_button_new:
 * @mnemonic: the label with its underline ("_Add")
 * @name: the name a screen reader says ("Add")
 *
 * A button with a keyboard mnemonic that is named once: GTK 4.8 names a button
 * made with `label` and `use-underline` twice over ("_Add Add"), so the label
 * is a child of its own and the name is said outright (docs/DEVELOPING.md).
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
hearth_mnemonic_button_new (const char *mnemonic,
                            const char *name)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), gtk_label_new_with_mnemonic (mnemonic));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}
