import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Rebuilds the lexicon of words (3+ letters, not bare numbers) from published titles, short titles and
 * aliases; a citizen's misspelt word is matched against it by trigram similarity. Run after the catalog
 * changes (the admin module calls it after publishing). One statement: a search running meanwhile
 * sees the old lexicon or the new one, never an empty one.
 */
export async function refreshSearchWords(db: Db): Promise<void> {
  await db.execute(sql`with fresh as (
      select distinct w as word from (
        select regexp_split_to_table(v.search_text, '[^а-яёa-z0-9]+') as w
        from services s join service_versions v on v.service_code = s.code and v.version = s.published_version
      ) words
      where length(w) >= 3 and w !~ '^[0-9]+$'
    ),
    gone as (delete from search_words sw where not exists (select 1 from fresh f where f.word = sw.word))
    insert into search_words (word) select word from fresh on conflict do nothing`);
}
