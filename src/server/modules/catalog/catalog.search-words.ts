import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Rebuilds the lexicon of words from published titles, short titles and aliases; a citizen's
 * misspelt word is matched against it by trigram similarity. Run after the catalog changes.
 */
export async function refreshSearchWords(db: Db): Promise<void> {
  await db.execute(sql`delete from search_words`);
  await db.execute(sql`insert into search_words (word)
    select distinct w from (
      select regexp_split_to_table(v.search_text, '[^а-яёa-z0-9]+') as w
      from services s join service_versions v on v.service_code = s.code and v.version = s.published_version
    ) words
    where length(w) >= 3
    on conflict do nothing`);
}
