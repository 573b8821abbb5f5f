/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-ui"

#include "config.h"

#include "hearth-session.h"

/*
 * What one window shows: who is signed in there and the current circle, which
 * every module page shows. The window sets both with hearth_session_set(),
 * never one alone (the properties are read-only). Pages follow its `changed`
 * signal, emitted once per change, after both values and their `notify`: a
 * page never sees a new actor with the circle of the one before, nor
 * rebuilds twice for one change.
 */

struct _HearthSession
{
  GObject      parent_instance;

  HearthActor *actor;
  gint64       circle_id;
};

enum {
  PROP_0,
  PROP_ACTOR,
  PROP_CIRCLE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HearthSession, hearth_session, G_TYPE_OBJECT)

static void
hearth_session_finalize (GObject *object)
{
  HearthSession *self = HEARTH_SESSION (object);

  g_clear_object (&self->actor);

  G_OBJECT_CLASS (hearth_session_parent_class)->finalize (object);
}

static void
hearth_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HearthSession *self = HEARTH_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;

    case PROP_CIRCLE_ID:
      g_value_set_int64 (value, self->circle_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_session_class_init (HearthSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_session_finalize;
  object_class->get_property = hearth_session_get_property;

  /**
   * HearthSession:actor:
   *
   * Who is signed in, or %NULL.
   */
  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL,
                         HEARTH_TYPE_ACTOR,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HearthSession:circle-id:
   *
   * The current circle; 0 while nobody is signed in.
   */
  properties[PROP_CIRCLE_ID] =
    g_param_spec_int64 ("circle-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HearthSession::changed:
   *
   * The actor, the current circle or both changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
hearth_session_init (HearthSession *self)
{
}

/**
 * hearth_session_new:
 *
 * Returns: (transfer full): a session with nobody signed in
 */
HearthSession *
hearth_session_new (void)
{
  return g_object_new (HEARTH_TYPE_SESSION, NULL);
}

/**
 * hearth_session_get_actor:
 *
 * Returns: (transfer none) (nullable): who is signed in
 */
HearthActor *
hearth_session_get_actor (HearthSession *self)
{
  g_return_val_if_fail (HEARTH_IS_SESSION (self), NULL);

  return self->actor;
}

/**
 * hearth_session_get_circle_id:
 *
 * Returns: the current circle, or 0
 */
gint64
hearth_session_get_circle_id (HearthSession *self)
{
  g_return_val_if_fail (HEARTH_IS_SESSION (self), 0);

  return self->circle_id;
}

/**
 * hearth_session_set_circle_id:
 * @circle_id: a circle of the actor's, or 0
 */
void
hearth_session_set_circle_id (HearthSession *self,
                              gint64         circle_id)
{
  g_return_if_fail (HEARTH_IS_SESSION (self));

  hearth_session_set (self, self->actor, circle_id);
}

/**
 * hearth_session_set:
 * @actor: (nullable): who is signed in
 * @circle_id: the current circle, one of @actor's, or 0
 *
 * Changes both; `notify` is emitted for what changed once both hold their
 * new values, then `changed` once.
 */
void
hearth_session_set (HearthSession *self,
                    HearthActor   *actor,
                    gint64         circle_id)
{
  gboolean actor_changed;
  gboolean circle_changed;

  g_return_if_fail (HEARTH_IS_SESSION (self));
  g_return_if_fail (actor == NULL || HEARTH_IS_ACTOR (actor));

  actor_changed = g_set_object (&self->actor, actor);
  circle_changed = self->circle_id != circle_id;
  self->circle_id = circle_id;

  if (actor_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
  if (circle_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CIRCLE_ID]);
  if (actor_changed || circle_changed)
    g_signal_emit (self, signals[CHANGED], 0);
}
