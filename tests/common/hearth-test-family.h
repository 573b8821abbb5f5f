/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-auth.h"
#include "hearth-circles.h"
#include "hearth-clock.h"
#include "hearth-finance.h"
#include "hearth-lifelog.h"
#include "hearth-store.h"

G_BEGIN_DECLS

/*
 * The family most tests start from: a store in a temporary folder on a fake
 * clock, the services over it, and one shared circle made by its owner. More
 * people are added with a role, or with HEARTH_ROLE_NONE as outsiders. Embed
 * it in a test's fixture; the tear-down finalizes every object it made, so a
 * reference leaked by the code under test fails the test.
 */
typedef struct
{
  char          *dir;
  HearthClock   *clock;      /* fake, at HEARTH_TEST_EPOCH */
  HearthStore   *store;
  HearthAuth    *auth;       /* the cheapest password cost */
  HearthCircles *circles;
  HearthFinance *finance;
  HearthLifelog *lifelog;
  HearthActor   *owner;      /* made the circle */
  gint64         circle_id;  /* the shared circle */
  GPtrArray     *people;     /* made by hearth_test_family_add() */
} HearthTestFamily;

void         hearth_test_family_set_up    (HearthTestFamily *family,
                                           const char       *owner,
                                           const char       *circle_name);
HearthActor *hearth_test_family_add       (HearthTestFamily *family,
                                           const char       *display_name,
                                           HearthRole        role);
void         hearth_test_family_tear_down (HearthTestFamily *family);

G_END_DECLS
