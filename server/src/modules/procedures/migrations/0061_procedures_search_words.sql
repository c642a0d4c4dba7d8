-- Word-array indexes so a search first picks the procedures sharing a word or an
-- everyday phrase with the query, and ranks only those.
-- migrate:up
CREATE INDEX procedures_name_words ON procedures USING gin (name_words);
CREATE INDEX procedures_alias_words ON procedures USING gin (alias_words);
CREATE INDEX procedures_alias_phrases ON procedures USING gin (alias_phrases);

-- migrate:down
DROP INDEX procedures_alias_phrases;
DROP INDEX procedures_alias_words;
DROP INDEX procedures_name_words;
