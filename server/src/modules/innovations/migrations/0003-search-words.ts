/**
 * The catalogue's vocabulary for typo matching: every distinct word (accents folded, lower
 * case) of the innovations' names, problems and solutions, with a trigram index. A query word
 * that starts no word of the catalogue is looked up here by trigram similarity (a few hundred
 * to a few thousand short words), and the close words found are searched as typed — instead of
 * comparing the typo with every innovation's whole text, which cost 0.7–1.4 s over 10,000
 * innovations (bench/sections/innovations-search.ts). Words are added by the search trigger and
 * never removed: a word no innovation has any more only finds nothing.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Creates `innovation_words`, fills it and makes the search trigger add to it. */
export const innovationSearchWords: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createTable('innovation_words').addColumn('word', 'text', (c) => c.primaryKey()).execute();
    await sql`create index innovation_words_trgm_idx on innovation_words using gin (word gin_trgm_ops)`.execute(db);
    await sql`
      create or replace function innovations_search_fill() returns trigger language plpgsql as $$
      begin
        new.search_doc :=
          setweight(to_tsvector('simple', unaccent(lower(new.name))), 'A') ||
          setweight(to_tsvector('simple', unaccent(lower(new.problem))), 'B') ||
          setweight(to_tsvector('simple', unaccent(lower(new.solution))), 'B');
        new.search_text := unaccent(lower(new.name || ' ' || new.problem || ' ' || new.solution));
        insert into innovation_words (word)
          select distinct lexeme from unnest(tsvector_to_array(new.search_doc)) as lexeme
          where length(lexeme) between 3 and 40
          on conflict do nothing;
        return new;
      end $$`.execute(db);
    await sql`
      insert into innovation_words (word)
        select distinct lexeme from innovations, unnest(tsvector_to_array(search_doc)) as lexeme
        where length(lexeme) between 3 and 40
        on conflict do nothing`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('innovation_words').execute();
  },
};
