/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Forward declarations of the core's types, so that headers can name each
 * other's types without including each other.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HearthClock     HearthClock;
typedef struct _HearthStore     HearthStore;
typedef struct _HearthStatement HearthStatement;

G_END_DECLS
