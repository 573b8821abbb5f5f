-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Sudo mode belongs to the session that confirmed the password, not to the
-- profile (docs/SCHEMA.md): another session of the same profile, or one
-- resumed from the keyring with no password typed, is not in sudo mode, and
-- signing out ends it. A row from before this migration names no session, so
-- it cannot be honoured: it is dropped (it lasted ten minutes at most).
ALTER TABLE sudo_sessions ADD COLUMN session_id INTEGER REFERENCES auth_sessions (id) ON DELETE CASCADE;
DELETE FROM sudo_sessions;
CREATE INDEX sudo_sessions_session_id ON sudo_sessions (session_id);
