/**
 * The services an office offers: every published service (main centers), or those picked by title from a
 * list with search (PUT …/services). The list comes from the admin catalog (published services) and the
 * office's own services (so a chosen one is always named).
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import type { AdminOffice } from '../../../shared/network.admin.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { CheckField } from '../components/fields.js';
import { PickList } from '../components/pick-list.js';
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
  const [chosen, setChosen] = useState<string[]>(() => office.services.map((s) => s.code));
  const catalog = useQuery(adminQueries.allPublishedServices());
  const options = useMemo(() => {
    const byCode = new Map(office.services.map((s) => [s.code, { value: s.code, label: s.title }]));
    for (const s of catalog.data?.items ?? []) byCode.set(s.code, { value: s.code, label: s.title });
    return [...byCode.values()];
  }, [office.services, catalog.data]);
  const save = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.run(
      () => adminApi.setOfficeServices(office.code, { offersAll, services: offersAll ? [] : chosen }),
      onSaved,
    );
  };
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
        <PickList
          form="office-services"
          path="services"
          label={t('admin.officeServicesPick')}
          options={options}
          loading={catalog.isPending}
          value={chosen}
          onChange={setChosen}
          errors={save.errors}
        />
      )}
      <SubmitStatus state={save} />
      <button type="submit" className="button button-primary" disabled={save.busy}>
        {t('admin.save')}
      </button>
    </form>
  );
}
