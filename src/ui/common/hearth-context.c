/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-ui"

#include "config.h"

#include "hearth-context.h"

/*
 * Everything a window and its pages work with, held once by the application:
 * the store and its clock, the settings, the keyring, the guard and the
 * module services over it. A window takes the context instead of each piece;
 * a new module adds its service here, built from the guard. What changes while
 * a window is open (who is signed in, the current circle) is the window's
 * HearthSession, not the context's.
 */

struct _HearthContext
{
  GObject        parent_instance;

  GSettings     *settings;
  HearthKeyring *keyring;
  HearthAuth    *auth;
  HearthCircles *circles;
  HearthFinance *finance;
  HearthLifelog *lifelog;
  HearthTasks   *tasks;
};

G_DEFINE_FINAL_TYPE (HearthContext, hearth_context, G_TYPE_OBJECT)

static void
hearth_context_finalize (GObject *object)
{
  HearthContext *self = HEARTH_CONTEXT (object);

  g_clear_object (&self->lifelog);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->tasks);
  g_clear_object (&self->finance);
  g_clear_object (&self->circles);
  g_clear_object (&self->auth);
  g_clear_object (&self->keyring);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hearth_context_parent_class)->finalize (object);
}

static void
hearth_context_class_init (HearthContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_context_finalize;
}

static void
hearth_context_init (HearthContext *self)
{
}

/* Tasks due on a day are reminded of at the hour Preferences say. */
static void
reminder_hour_changed_cb (HearthContext *self)
{
  hearth_tasks_set_morning_hour (self->tasks, g_settings_get_uint (self->settings, "task-reminder-hour"));
}

/**
 * hearth_context_new:
 * @auth: the profiles service; its guard and store are the context's
 * @settings: the application's settings
 * @keyring: where "stay signed in" tokens are kept
 *
 * Builds the module services over @auth's guard.
 *
 * Returns: (transfer full): a new context
 */
HearthContext *
hearth_context_new (HearthAuth    *auth,
                    GSettings     *settings,
                    HearthKeyring *keyring)
{
  HearthContext *self;
  HearthGuard *guard;

  g_return_val_if_fail (HEARTH_IS_AUTH (auth), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (HEARTH_IS_KEYRING (keyring), NULL);

  self = g_object_new (HEARTH_TYPE_CONTEXT, NULL);
  guard = hearth_auth_get_guard (auth);
  self->auth = g_object_ref (auth);
  self->settings = g_object_ref (settings);
  self->keyring = g_object_ref (keyring);
  self->circles = hearth_circles_new (guard);
  self->finance = hearth_finance_new (guard);
  self->lifelog = hearth_lifelog_new (guard);
  self->tasks = hearth_tasks_new (guard);
  g_signal_connect_swapped (settings, "changed::task-reminder-hour", G_CALLBACK (reminder_hour_changed_cb), self);
  reminder_hour_changed_cb (self);

  return self;
}

/**
 * hearth_context_get_store:
 *
 * Returns: (transfer none): the store every service works on
 */
HearthStore *
hearth_context_get_store (HearthContext *self)
{
  g_return_val_if_fail (HEARTH_IS_CONTEXT (self), NULL);

  return hearth_auth_get_store (self->auth);
}

/**
 * hearth_context_get_clock:
 *
 * Returns: (transfer none): the store's clock, which tests move by hand
 */
HearthClock *
hearth_context_get_clock (HearthContext *self)
{
  g_return_val_if_fail (HEARTH_IS_CONTEXT (self), NULL);

  return hearth_store_get_clock (hearth_auth_get_store (self->auth));
}

/**
 * hearth_context_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
hearth_context_get_settings (HearthContext *self)
{
  g_return_val_if_fail (HEARTH_IS_CONTEXT (self), NULL);

  return self->settings;
}

/**
 * hearth_context_get_keyring:
 *
 * Returns: (transfer none): where "stay signed in" tokens are kept
 */
HearthKeyring *
hearth_context_get_keyring (HearthContext *self)
{
  g_return_val_if_fail (HEARTH_IS_CONTEXT (self), NULL);

  return self->keyring;
}

/**
 * hearth_context_get_guard:
 *
 * Returns: (transfer none): sessions, sudo mode and lockout
 */
HearthGuard *
hearth_context_get_guard (HearthContext *self)
{
  g_return_val_if_fail (HEARTH_IS_CONTEXT (self), NULL);

  return hearth_auth_get_guard (self->auth);
}

/**
 * hearth_context_get_auth:
 *
 * Returns: (transfer none): profiles, sign-in and recovery
 */
HearthAuth *
hearth_context_get_auth (HearthContext *self)
{
  g_return_val_if_fail (HEARTH_IS_CONTEXT (self), NULL);

  return self->auth;
}

/**
 * hearth_context_get_circles:
 *
 * Returns: (transfer none): the circles service
 */
HearthCircles *
hearth_context_get_circles (HearthContext *self)
{
  g_return_val_if_fail (HEARTH_IS_CONTEXT (self), NULL);

  return self->circles;
}

/**
 * hearth_context_get_finance:
 *
 * Returns: (transfer none): the finance service
 */
HearthFinance *
hearth_context_get_finance (HearthContext *self)
{
  g_return_val_if_fail (HEARTH_IS_CONTEXT (self), NULL);

  return self->finance;
}

/**
 * hearth_context_get_lifelog:
 *
 * Returns: (transfer none): the life log service
 */
HearthLifelog *
hearth_context_get_lifelog (HearthContext *self)
{
  g_return_val_if_fail (HEARTH_IS_CONTEXT (self), NULL);

  return self->lifelog;
}

/**
 * hearth_context_get_tasks:
 *
 * Returns: (transfer none): the tasks service
 */
HearthTasks *
hearth_context_get_tasks (HearthContext *self)
{
  g_return_val_if_fail (HEARTH_IS_CONTEXT (self), NULL);
  return self->tasks;
}
