/**
 * The services an office offers: every published service (main centers), or the ticked ones
 * (PUT …/services). The list to tick comes from the admin catalog (published services).
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AdminOffice } from '../../../shared/network.admin.js';
import { Loading } from '../../app/components.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { CheckField } from '../components/fields.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { adminQueries } from '../queries.js';

export function OfficeServices({
  office,
  onSaved,
}: {
  office: AdminOffice;
  /** After a save (the cache already holds the answer). */
  onSaved?: (office: AdminOffice) => void;
}) {
  const { t } = useT();
  const [offersAll, setOffersAll] = useState(office.offersAll);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(office.services.map((s) => s.code)));
  const catalog = useQuery(adminQueries.services({ status: 'published', limit: 200 }));
  const save = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.run(
      () => adminApi.setOfficeServices(office.code, { offersAll, services: offersAll ? [] : [...chosen] }),
      onSaved,
    );
  };
  const toggle = (code: string, on: boolean) =>
    setChosen((set) => {
      const next = new Set(set);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  return (
    <form onSubmit={submit} className="admin-form" aria-labelledby="office-services-title">
      <h2 id="office-services-title">{t('office.services')}</h2>
      <CheckField
        form="office-services"
        path="offersAll"
        label={t('admin.offersAll')}
        checked={offersAll}
        onChange={setOffersAll}
      />
      {!offersAll && (
        <fieldset className="check-list">
          <legend>{t('admin.officeServicesPick')}</legend>
          {!catalog.data && <Loading />}
          {catalog.data?.items.map((s) => (
            <CheckField
              key={s.code}
              form="office-services"
              path={`s-${s.code}`}
              label={s.title}
              checked={chosen.has(s.code)}
              onChange={(on) => toggle(s.code, on)}
            />
          ))}
        </fieldset>
      )}
      <SubmitStatus state={save} />
      <button type="submit" className="button button-primary" disabled={save.busy}>
        {t('admin.save')}
      </button>
    </form>
  );
}
