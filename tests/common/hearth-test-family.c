/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include "hearth-test-common.h"
#include "hearth-test-family.h"

/* A profile whose username is the name's first word, in lower case:
 * "Olivia Hopper" is olivia. */
static HearthActor *
new_profile (HearthTestFamily *family,
             const char       *display_name)
{
  g_auto (GStrv) words = g_strsplit (display_name, " ", 2);
  g_autofree char *username = g_ascii_strdown (words[0], -1);

  return hearth_test_new_profile (family->auth, username, display_name);
}

/**
 * hearth_test_family_set_up:
 * @owner: the owner's display name
 * @circle_name: the shared circle's name
 */
void
hearth_test_family_set_up (HearthTestFamily *family,
                           const char       *owner,
                           const char       *circle_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthCircle) circle = NULL;
  HearthGuard *guard;

  family->dir = hearth_test_make_temp_dir ();
  family->clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  family->store = hearth_test_open_store (family->dir, family->clock);
  family->auth = hearth_test_auth_new (family->store);
  guard = hearth_auth_get_guard (family->auth);
  family->circles = hearth_circles_new (guard);
  family->finance = hearth_finance_new (guard);
  family->lifelog = hearth_lifelog_new (guard);
  family->people = g_ptr_array_new ();

  family->owner = new_profile (family, owner);
  circle = hearth_circles_create (family->circles, family->owner, circle_name, &error);
  g_assert_no_error (error);
  family->circle_id = hearth_circle_get_id (circle);
}

/**
 * hearth_test_family_add:
 * @display_name: the new profile's name
 * @role: the role the owner gives them in the circle; %HEARTH_ROLE_NONE for
 *   someone outside it
 *
 * Returns: (transfer none): the new profile, signed in; the family keeps it
 *   until the tear-down
 */
HearthActor *
hearth_test_family_add (HearthTestFamily *family,
                        const char       *display_name,
                        HearthRole        role)
{
  g_autoptr (GError) error = NULL;
  HearthActor *actor = new_profile (family, display_name);

  g_ptr_array_add (family->people, actor);
  if (role != HEARTH_ROLE_NONE)
    {
      hearth_circles_add_member (family->circles, family->owner, family->circle_id,
                                 hearth_actor_get_user_id (actor), role, &error);
      g_assert_no_error (error);
    }
  return actor;
}

/**
 * hearth_test_family_tear_down:
 *
 * Finalizes what the family made, each object with the last reference, and
 * removes the folder.
 */
void
hearth_test_family_tear_down (HearthTestFamily *family)
{
  for (guint i = 0; i < family->people->len; i++)
    hearth_test_finalize (&g_ptr_array_index (family->people, i));
  g_clear_pointer (&family->people, g_ptr_array_unref);
  hearth_test_finalize (&family->owner);
  hearth_test_finalize (&family->lifelog);
  hearth_test_finalize (&family->finance);
  hearth_test_finalize (&family->circles);
  hearth_test_finalize (&family->auth);
  hearth_test_finalize (&family->store);
  hearth_test_finalize (&family->clock);
  hearth_test_remove_tree (family->dir);
  g_clear_pointer (&family->dir, g_free);
}
