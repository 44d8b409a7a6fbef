-- Each card records the version of the renderer that wrote it
-- (MEMBER_CARD_VERSION, core/member_card.h). At every start, the cards of
-- an older version are written again, so that changing what a member looks
-- like in the API is a change of the renderer and its version, not a
-- migration by hand. The cards there are now are version 0: written again
-- at the first start after this migration.
ALTER TABLE memberships ADD COLUMN card_version INTEGER NOT NULL DEFAULT 0;
