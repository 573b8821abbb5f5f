-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Security answers are hashed together only (docs/AUTH.md): a hash of each
-- answer alone let a copied file's answers be guessed one at a time, each from
-- a small space. The combined hash in auth_credentials (type SECRET_QUESTION)
-- was always written with them and is what a reset checks, so nothing that
-- Hearth reads is lost.
UPDATE security_questions SET answer_hash = 'combined:auth_credentials.SECRET_QUESTION';
