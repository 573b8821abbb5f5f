-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The rows every Hearth database starts with: the system-defined categories and
-- the default permission policies (circle_id NULL: the default for every circle).
--
-- The resource and action vocabulary is written down once, in
-- src/core/circles/hearth-permissions.c, with the least role that may act; the
-- store's tests check that the rows below match it exactly.

INSERT INTO categories (module, name, system_defined) VALUES
  ('FINANCE', 'Groceries', 1),
  ('FINANCE', 'Housing', 1),
  ('FINANCE', 'Utilities', 1),
  ('FINANCE', 'Transport', 1),
  ('FINANCE', 'Health', 1),
  ('FINANCE', 'Education', 1),
  ('FINANCE', 'Childcare', 1),
  ('FINANCE', 'Clothing', 1),
  ('FINANCE', 'Eating Out', 1),
  ('FINANCE', 'Entertainment', 1),
  ('FINANCE', 'Gifts', 1),
  ('FINANCE', 'Travel', 1),
  ('FINANCE', 'Savings', 1),
  ('FINANCE', 'Salary', 1),
  ('FINANCE', 'Other Income', 1),
  ('FINANCE', 'Other', 1),
  ('LIFELOG', 'Milestone', 1),
  ('LIFELOG', 'Memory', 1),
  ('LIFELOG', 'Celebration', 1),
  ('LIFELOG', 'Travel', 1),
  ('LIFELOG', 'Health', 1),
  ('LIFELOG', 'Everyday', 1),
  ('KNOWLEDGE', 'Recipe', 1),
  ('KNOWLEDGE', 'How-To', 1),
  ('KNOWLEDGE', 'Household', 1),
  ('KNOWLEDGE', 'School', 1),
  ('KNOWLEDGE', 'Health', 1),
  ('KNOWLEDGE', 'Idea', 1);

-- Each action has the least role that may take it by default; roles rank
-- OWNER > ADMIN > EDITOR > VISITOR, so a role may act when it ranks at least as
-- high. Every (role, resource, action) gets an explicit row, so that the policy
-- grid shows each decision and a missing row can only mean "denied".
WITH roles (role, rank) AS (
  VALUES ('OWNER', 4), ('ADMIN', 3), ('EDITOR', 2), ('VISITOR', 1)
),
vocabulary (resource, action, least_rank) AS (
  VALUES
    ('circle', 'read', 1),
    ('circle', 'update', 3),
    ('circle', 'dissolve', 4),
    ('circle', 'transfer_ownership', 4),
    ('member', 'read', 1),
    ('member', 'add', 3),
    ('member', 'remove', 3),
    ('member', 'change_role', 3),
    ('member', 'unlock_profile', 3),
    ('policy', 'read', 1),
    ('policy', 'update', 4),
    ('activity', 'read', 1),
    ('data', 'export', 3),
    ('account', 'read', 1),
    ('account', 'create', 2),
    ('account', 'update', 2),
    ('account', 'archive', 3),
    ('transaction', 'read', 1),
    ('transaction', 'create', 2),
    ('transaction', 'update', 2),
    ('transaction', 'void', 3),
    ('transaction', 'import', 2),
    ('receipt', 'read', 1),
    ('receipt', 'attach', 2),
    ('receipt', 'remove', 3),
    ('category', 'read', 1),
    ('category', 'create', 2),
    ('category', 'update', 2),
    ('category', 'delete', 3),
    ('tag', 'read', 1),
    ('tag', 'create', 2),
    ('tag', 'update', 2),
    ('tag', 'delete', 3),
    ('lifelog', 'read', 1),
    ('lifelog', 'create', 2),
    ('lifelog', 'update', 2),
    ('lifelog', 'delete', 3),
    ('capsule', 'read', 1),
    ('capsule', 'create', 2),
    ('capsule', 'update', 2),
    ('capsule', 'delete', 3),
    ('task', 'read', 1),
    ('task', 'create', 2),
    ('task', 'update', 2),
    ('task', 'assign', 2),
    ('task', 'delete', 3),
    ('note', 'read', 1),
    ('note', 'create', 2),
    ('note', 'update', 2),
    ('note', 'delete', 3),
    ('reminder', 'read', 1),
    ('reminder', 'create', 2),
    ('reminder', 'update', 2),
    ('reminder', 'delete', 3),
    ('trip', 'read', 1),
    ('trip', 'create', 2),
    ('trip', 'update', 2),
    ('trip', 'delete', 3),
    ('budget', 'read', 1),
    ('budget', 'create', 2),
    ('budget', 'update', 2),
    ('budget', 'delete', 3)
)
INSERT INTO permission_policies (circle_id, role, resource, action, allowed)
SELECT NULL, roles.role, vocabulary.resource, vocabulary.action,
       roles.rank >= vocabulary.least_rank
FROM vocabulary CROSS JOIN roles
ORDER BY vocabulary.resource, vocabulary.action, roles.rank DESC;
