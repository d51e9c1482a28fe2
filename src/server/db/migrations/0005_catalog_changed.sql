-- Every change of what the public catalog shows tells every okno instance, at commit, to drop its cached
-- catalog reads (modules/catalog/catalog.cache.ts). A trigger, not a call in each writer: seeds, the
-- admin console, a module yet to come and an operator's SQL all reach it alike. NOTIFY is transactional
-- (nothing for a rollback) and the same payload is sent once per transaction however many rows changed.
create function notify_catalog_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('catalog_changed', tg_table_name);
  return null;
end
$$;

create trigger catalog_changed after insert or update or delete or truncate on agencies
  for each statement execute function notify_catalog_changed();
create trigger catalog_changed after insert or update or delete or truncate on categories
  for each statement execute function notify_catalog_changed();
create trigger catalog_changed after insert or update or delete or truncate on situations
  for each statement execute function notify_catalog_changed();
create trigger catalog_changed after insert or update or delete or truncate on services
  for each statement execute function notify_catalog_changed();
create trigger catalog_changed after insert or update or delete or truncate on service_versions
  for each statement execute function notify_catalog_changed();
create trigger catalog_changed after insert or update or delete or truncate on search_words
  for each statement execute function notify_catalog_changed();
create trigger catalog_changed after insert or update or delete or truncate on offices
  for each statement execute function notify_catalog_changed();
create trigger catalog_changed after insert or update or delete or truncate on office_services
  for each statement execute function notify_catalog_changed();
create trigger catalog_changed after insert or update or delete or truncate on districts
  for each statement execute function notify_catalog_changed();
