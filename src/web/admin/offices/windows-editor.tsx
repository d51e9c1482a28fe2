/**
 * An office's windows: number, label and what each handles (services and categories picked by title from
 * lists with search; none — every service). Saved as a whole (PUT …/windows); errors like
 * `windows.1.number` appear at that row's field. The services to pick are those the office offers (its
 * public card; the office's own list when the portal does not show it), the categories the catalog's.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { type AdminOffice, windowsBodySchema } from '../../../shared/network.admin.js';
import { useT } from '../../app/i18n/index.js';
import { portalQueries } from '../../portal/queries.js';
import { adminApi } from '../api.js';
import { ErrorSummary, TextField } from '../components/fields.js';
import { ListEditor } from '../components/list-editor.js';
import { PickList, type PickOption } from '../components/pick-list.js';
import { SubmitStatus } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';

/** A window as its row edits it (the number as typed, codes as picked); what the form sends is the shared windows body. */
const rowSchema = z.object({
  number: z.string(),
  label: z.string(),
  services: z.array(z.string()),
  categories: z.array(z.string()),
});
type Row = z.infer<typeof rowSchema>;
const windowsFormSchema = z
  .object({ windows: z.array(rowSchema) })
  .transform(
    ({ windows }): z.input<typeof windowsBodySchema> => ({
      windows: windows.map((r) => ({
        // an empty number is no number (NaN): the schema says so, not Number('') = 0
        number: r.number.trim() === '' ? Number.NaN : Number(r.number),
        label: r.label,
        serviceCodes: r.services,
        categoryCodes: r.categories,
      })),
    }),
  )
  .pipe(windowsBodySchema);
/** `windows.0.serviceCodes.2` (one code of the list) → the row's codes field. */
const fieldOf = (path: string) => path.replace(/^(windows\.\d+\.(serviceCodes|categoryCodes))\.\d+$/, '$1');

export function WindowsEditor({
  office,
  onSaved,
}: {
  office: AdminOffice;
  /** After a save (the cache already holds the answer). */
  onSaved?: (office: AdminOffice) => void;
}) {
  const { t } = useT();
  const serviceOptions = useOfficeServiceOptions(office);
  const categories = useQuery(portalQueries.categories());
  const categoryOptions: PickOption[] = (categories.data ?? []).map((c) => ({
    value: c.code,
    label: c.title,
  }));
  // the draft starts from the cached office (the page keys the editors by the office)
  const form = useZodForm(windowsFormSchema, {
    defaultValues: {
      windows: office.windows.map((w) => ({
        number: String(w.number),
        label: w.label,
        services: w.serviceCodes,
        categories: w.categoryCodes,
      })),
    },
    mapPath: fieldOf,
  });
  const rows = form.watch('windows');
  const setRows = (next: Row[]) => form.setValue('windows', next, { shouldDirty: true });
  const save = form.state;
  const errors = form.errors;
  const submit = form.submit(({ windows }) => adminApi.setWindows(office.code, windows), onSaved);
  const rowLabel = (r: Row, i: number) => t('admin.windowN', { n: r.number || String(i + 1) });
  return (
    <form onSubmit={submit} noValidate className="admin-form" data-testid="windows-editor">
      <ErrorSummary
        form="windows"
        errors={errors}
        label={(path) => {
          const [, index] = path.split('.');
          return rows[Number(index)] ? rowLabel(rows[Number(index)], Number(index)) : path;
        }}
      />
      <ListEditor
        title={t('office.windows')}
        items={rows}
        onChange={setRows}
        addLabel={t('admin.addWindow')}
        create={() => ({
          number: String(Math.max(0, ...rows.map((r) => Number(r.number) || 0)) + 1),
          label: '',
          services: [],
          categories: [],
        })}
        itemLabel={rowLabel}
        render={(row, i, update) => (
          <>
            <TextField
              form="windows"
              path={`windows.${i}.number`}
              label={t('admin.windowNumber')}
              type="number"
              min={1}
              value={row.number}
              errors={errors}
              onChange={(v) => update({ ...row, number: v })}
            />
            <TextField
              form="windows"
              path={`windows.${i}.label`}
              label={t('admin.windowLabel')}
              value={row.label}
              errors={errors}
              onChange={(v) => update({ ...row, label: v })}
            />
            <PickList
              form="windows"
              path={`windows.${i}.serviceCodes`}
              label={t('admin.windowServices')}
              hint={t('admin.windowServicesHint')}
              options={serviceOptions.options}
              loading={serviceOptions.loading}
              value={row.services}
              errors={errors}
              onChange={(v) => update({ ...row, services: v })}
            />
            <PickList
              form="windows"
              path={`windows.${i}.categoryCodes`}
              label={t('admin.windowCategories')}
              hint={t('admin.windowCategoriesHint')}
              options={categoryOptions}
              loading={categories.isPending}
              value={row.categories}
              errors={errors}
              onChange={(v) => update({ ...row, categories: v })}
            />
          </>
        )}
      />
      <SubmitStatus state={save} testId="windows-status" />
      <button type="submit" className="button button-primary" disabled={save.busy}>
        {t('admin.saveWindows')}
      </button>
    </form>
  );
}

/**
 * The services a window of this office may handle, by title: what the office offers as the portal shows
 * it (every published service for an office offering all), else — a closed office — its own list.
 */
function useOfficeServiceOptions(office: AdminOffice): { options: PickOption[]; loading: boolean } {
  const card = useQuery({ ...portalQueries.office(office.code), enabled: office.status === 'open' });
  const offered = card.data?.services ?? office.services;
  return {
    options: offered.map((s) => ({ value: s.code, label: s.title })),
    loading: office.status === 'open' && card.isPending,
  };
}
