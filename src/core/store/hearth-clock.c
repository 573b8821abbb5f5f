/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-store"

#include "config.h"

#include "hearth-clock.h"

/*
 * HearthClock is where every service reads the time: microseconds since the Unix
 * epoch, UTC, the unit of every timestamp column. The system clock reads the real
 * time; a fake clock stands still until a test moves it, so that cooldowns,
 * expiries and capsules are tested without sleeping. A fake clock may be read from
 * worker threads while the test thread moves it, hence the lock.
 *
 * Moving a fake clock emits `notify::now`, so that whoever arms timers on it (the
 * scheduler) can re-arm; the system clock never notifies.
 */

struct _HearthClock
{
  GObject   parent_instance;

  gboolean  fake;
  GMutex    lock;
  gint64    fake_now;
};

enum {
  PROP_0,
  PROP_FAKE,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthClock, hearth_clock, G_TYPE_OBJECT)

static void
hearth_clock_finalize (GObject *object)
{
  HearthClock *self = HEARTH_CLOCK (object);

  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (hearth_clock_parent_class)->finalize (object);
}

static void
hearth_clock_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HearthClock *self = HEARTH_CLOCK (object);

  switch (prop_id)
    {
    case PROP_FAKE:
      g_value_set_boolean (value, self->fake);
      break;

    case PROP_NOW:
      g_value_set_int64 (value, hearth_clock_get_now (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_clock_class_init (HearthClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_clock_finalize;
  object_class->get_property = hearth_clock_get_property;

  properties[PROP_FAKE] =
    g_param_spec_boolean ("fake", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_clock_init (HearthClock *self)
{
  g_mutex_init (&self->lock);
}

/**
 * hearth_clock_new_system:
 *
 * Returns: (transfer full): a clock that reads the real time.
 */
HearthClock *
hearth_clock_new_system (void)
{
  return g_object_new (HEARTH_TYPE_CLOCK, NULL);
}

/**
 * hearth_clock_new_fake:
 * @start_usec: the time it shows, in microseconds since the epoch, UTC
 *
 * Returns: (transfer full): a clock that stands still until it is moved.
 */
HearthClock *
hearth_clock_new_fake (gint64 start_usec)
{
  HearthClock *self = g_object_new (HEARTH_TYPE_CLOCK, NULL);

  self->fake = TRUE;
  self->fake_now = start_usec;

  return self;
}

gboolean
hearth_clock_is_fake (HearthClock *self)
{
  g_return_val_if_fail (HEARTH_IS_CLOCK (self), FALSE);

  return self->fake;
}

/**
 * hearth_clock_get_now:
 *
 * Returns: the current time in microseconds since the Unix epoch, UTC.
 */
gint64
hearth_clock_get_now (HearthClock *self)
{
  gint64 now;

  g_return_val_if_fail (HEARTH_IS_CLOCK (self), 0);

  if (!self->fake)
    return g_get_real_time ();

  g_mutex_lock (&self->lock);
  now = self->fake_now;
  g_mutex_unlock (&self->lock);

  return now;
}

/**
 * hearth_clock_dup_now:
 *
 * Returns: (transfer full): the current time as a UTC #GDateTime.
 */
GDateTime *
hearth_clock_dup_now (HearthClock *self)
{
  g_autoptr (GDateTime) seconds = NULL;
  gint64 now;
  gint64 whole;

  g_return_val_if_fail (HEARTH_IS_CLOCK (self), NULL);

  /* g_date_time_new_from_unix_utc_usec() is newer than our GLib floor. */
  now = hearth_clock_get_now (self);
  whole = now / G_USEC_PER_SEC - (now % G_USEC_PER_SEC < 0 ? 1 : 0);
  seconds = g_date_time_new_from_unix_utc (whole);

  return g_date_time_add (seconds, now - whole * G_USEC_PER_SEC);
}

/**
 * hearth_clock_set_now:
 * @now_usec: the new time; it may lie in the past, as a real clock's may after
 *   a correction
 *
 * Moves a fake clock. Calling it on the system clock is a programming error.
 */
void
hearth_clock_set_now (HearthClock *self,
                      gint64       now_usec)
{
  gboolean changed;

  g_return_if_fail (HEARTH_IS_CLOCK (self));
  g_return_if_fail (self->fake);

  g_mutex_lock (&self->lock);
  changed = self->fake_now != now_usec;
  self->fake_now = now_usec;
  g_mutex_unlock (&self->lock);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

/**
 * hearth_clock_advance:
 * @delta_usec: how far to move a fake clock; negative moves it back
 */
void
hearth_clock_advance (HearthClock *self,
                      gint64       delta_usec)
{
  g_return_if_fail (HEARTH_IS_CLOCK (self));
  g_return_if_fail (self->fake);

  hearth_clock_set_now (self, hearth_clock_get_now (self) + delta_usec);
}
