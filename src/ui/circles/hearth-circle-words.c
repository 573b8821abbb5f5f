/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-circle-words.h"

/* The words people read for the circle module's codes: roles, the policy
 * vocabulary, circle events and audit actions. The codes stay in the
 * database; these are translated. */

const char *
hearth_role_get_label (HearthRole role)
{
  switch (role)
    {
    case HEARTH_ROLE_OWNER:
      return _("Owner");
    case HEARTH_ROLE_ADMIN:
      return _("Admin");
    case HEARTH_ROLE_EDITOR:
      return _("Editor");
    case HEARTH_ROLE_VISITOR:
      return _("Visitor");
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
role_word (HearthRole role)
{
  return role != HEARTH_ROLE_NONE ? hearth_role_get_label (role) : "";
}

const char *
hearth_permission_get_resource_label (const char *resource)
{
  static const struct { const char *code; const char *label; } resources[] = {
    { "circle", N_("The circle") },
    { "member", N_("Members") },
    { "policy", N_("Permissions") },
    { "activity", N_("Activity") },
    { "audit", N_("Audit log") },
    { "data", N_("Data") },
    { "account", N_("Accounts") },
    { "transaction", N_("Transactions") },
    { "receipt", N_("Receipts") },
    { "category", N_("Categories") },
    { "tag", N_("Tags") },
    { "lifelog", N_("Life log") },
    { "capsule", N_("Time capsules") },
    { "task", N_("Tasks") },
    { "note", N_("Notes") },
    { "reminder", N_("Reminders") },
    { "trip", N_("Trips") },
    { "budget", N_("Trip budgets") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (resources); i++)
    {
      if (g_str_equal (resources[i].code, resource))
        return _(resources[i].label);
    }
  return resource;
}

const char *
hearth_permission_get_action_label (const char *resource,
                                    const char *action)
{
  static const struct { const char *code; const char *label; } actions[] = {
    { "read", N_("See") },
    { "create", N_("Create") },
    { "update", N_("Change") },
    { "delete", N_("Delete") },
    { "dissolve", N_("Dissolve") },
    { "transfer_ownership", N_("Hand on ownership") },
    { "add", N_("Add") },
    { "remove", N_("Remove") },
    { "change_role", N_("Change roles") },
    { "unlock_profile", N_("Unlock locked profiles") },
    { "export", N_("Export") },
    { "archive", N_("Archive") },
    { "void", N_("Void") },
    { "import", N_("Import") },
    { "attach", N_("Attach") },
    { "assign", N_("Assign") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      if (g_str_equal (actions[i].code, action))
        return _(actions[i].label);
    }
  return action;
}

/**
 * hearth_circle_get_display_name:
 *
 * Returns: the circle's name, or "Personal" in the reader's language for a
 *   personal circle
 */
const char *
hearth_circle_get_display_name (HearthCircle *circle)
{
  if (hearth_circle_get_personal (circle))
    return _("Personal");
  return hearth_circle_get_name (circle);
}

static const char *
or_someone (const char *name)
{
  return name != NULL ? name : _("A former member");
}

/**
 * hearth_circle_event_describe:
 *
 * Returns: (transfer full): a sentence for the circle's activity
 */
char *
hearth_circle_event_describe (HearthCircleEvent *event)
{
  const char *type = hearth_circle_event_get_event_type (event);
  const char *actor = or_someone (hearth_circle_event_get_actor_name (event));
  const char *subject = or_someone (hearth_circle_event_get_subject_name (event));

  if (g_str_equal (type, "CREATED"))
    /* Translators: "Olivia created “Family”" */
    return g_strdup_printf (_("%s created “%s”"), actor, hearth_circle_event_get_name (event));
  if (g_str_equal (type, "RENAMED"))
    return g_strdup_printf (_("%s renamed the circle “%s”"), actor, hearth_circle_event_get_name (event));
  if (g_str_equal (type, "MEMBER_ADDED"))
    /* Translators: "Olivia added Victor as Visitor" */
    return g_strdup_printf (_("%s added %s as %s"), actor, subject, role_word (hearth_circle_event_get_role (event)));
  if (g_str_equal (type, "MEMBER_REMOVED") && hearth_circle_event_get_actor_id (event) ==
                                              hearth_circle_event_get_subject_id (event))
    return g_strdup_printf (_("%s left the circle"), actor);
  if (g_str_equal (type, "MEMBER_REMOVED"))
    return g_strdup_printf (_("%s removed %s"), actor, subject);
  if (g_str_equal (type, "ROLE_CHANGED"))
    /* Translators: "Olivia made Tina Editor (was Visitor)" */
    return g_strdup_printf (_("%s made %s %s (was %s)"), actor, subject,
                            role_word (hearth_circle_event_get_role (event)),
                            role_word (hearth_circle_event_get_old_role (event)));
  if (g_str_equal (type, "OWNER_TRANSFERRED"))
    return g_strdup_printf (_("%s made %s the owner"), actor, subject);
  if (g_str_equal (type, "DISSOLVED"))
    return g_strdup_printf (_("%s dissolved the circle"), actor);
  return g_strdup (type);
}

/**
 * hearth_audit_entry_describe:
 *
 * Returns: (transfer full): what the audit row says was done, and to what
 */
char *
hearth_audit_entry_describe (HearthAuditEntry *entry)
{
  static const struct { const char *code; const char *label; } actions[] = {
    { "auth.sign_in", N_("Signed in") },
    { "auth.sign_out", N_("Signed out") },
    { "auth.password_changed", N_("Changed the password") },
    { "profile.created", N_("Created the profile") },
    { "profile.updated", N_("Changed the profile") },
    { "profile.deleted", N_("Deleted the profile") },
    { "circle.created", N_("Created the circle") },
    { "circle.renamed", N_("Renamed the circle") },
    { "circle.dissolved", N_("Dissolved the circle") },
    { "circle.ownership_transferred", N_("Handed on ownership") },
    { "circle.member_added", N_("Added a member") },
    { "circle.member_removed", N_("Removed a member") },
    { "circle.member_left", N_("Left the circle") },
    { "circle.role_changed", N_("Changed a member’s role") },
    { "policy.changed", N_("Changed a permission") },
  };
  const char *action = hearth_audit_entry_get_action (entry);
  const char *what = action;
  const char *name = hearth_audit_entry_get_entity_name (entry);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      if (g_str_equal (actions[i].code, action))
        {
          what = _(actions[i].label);
          break;
        }
    }

  if (name != NULL && !g_str_has_prefix (action, "auth.") && !g_str_has_prefix (action, "profile."))
    /* Translators: an audit action and what it was done to: "Added a member: Victor" */
    return g_strdup_printf (_("%s: %s"), what, name);
  return g_strdup (what);
}
