-- Each membership keeps its card: the member as the API shows it (the
-- user's public fields with the role, the source and the joining time), as
-- JSON. Core writes it whenever one of those changes, in the same
-- transaction, so that a page of members is read, not assembled: a list
-- copies one column per member instead of joining the user and rendering.
-- The cards of existing memberships are written by the C step that runs
-- with this migration (core/member_card.c).
ALTER TABLE memberships ADD COLUMN card TEXT NOT NULL DEFAULT '';

-- The default order (by name) reads its pages from this index alone on
-- SQLite. PostgreSQL keeps the card out of it: its index entries are
-- limited to about 2.7 kB, less than the longest card.
DROP INDEX memberships_full;
CREATE INDEX memberships_full ON memberships (org_id, full_key, user_id, email_key, created_at, role /*sqlite: , card*/);

-- Each search term carries the member's term just before it (or ''), so
-- that a search keeps a member at its first matching term without reading
-- the member's other terms, and the membership's role and card, so that a
-- search reads its page from the term rows alone (the C step writes the
-- cards here too).
ALTER TABLE member_terms ADD COLUMN prev_term KEYTEXT NOT NULL DEFAULT '';
ALTER TABLE member_terms ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE member_terms ADD COLUMN card TEXT NOT NULL DEFAULT '';
UPDATE member_terms SET prev_term = COALESCE((SELECT MAX(t2.term) FROM member_terms t2
    WHERE t2.org_id = member_terms.org_id AND t2.user_id = member_terms.user_id AND t2.term < member_terms.term), ''),
    role = (SELECT m.role FROM memberships m WHERE m.org_id = member_terms.org_id AND m.user_id = member_terms.user_id);
