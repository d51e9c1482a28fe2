/**
 * The weekly hours of an office: one row per weekday (open or not, opens, closes, break), saved as a whole
 * (PUT …/hours). The API's errors (`hours.<i>.closes`) are shown next to that weekday's field; the
 * legal-minimum warnings come with the office from the API and are shown above the table.
 */
import { useRef } from 'react';
import { z } from 'zod';
import { type AdminOffice, hoursBodySchema } from '../../../shared/network.admin.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ErrorSummary, TextField } from '../components/fields.js';
import { TableScroll } from '../components/list-page.js';
import { SubmitStatus } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';

const weekdays = [1, 2, 3, 4, 5, 6, 7];

/** The table: a row per weekday, open or not, times as typed; what it sends is the shared hours body. */
const rowSchema = z.object({
  weekday: z.number().int(),
  open: z.boolean(),
  opens: z.string(),
  closes: z.string(),
  breakStart: z.string(),
  breakEnd: z.string(),
});
type Row = z.infer<typeof rowSchema>;
const hoursFormSchema = z
  .object({ days: z.array(rowSchema) })
  .transform(({ days }) => ({ hours: sentOf(days) }))
  .pipe(hoursBodySchema);

function sentOf(rows: Row[]): z.input<typeof hoursBodySchema>['hours'] {
  return rows
    .filter((r) => r.open)
    .map((r) => ({
      weekday: r.weekday,
      opens: r.opens,
      closes: r.closes,
      breakStart: r.breakStart || null,
      breakEnd: r.breakEnd || null,
    }));
}

function rowsOf(office: AdminOffice): Row[] {
  return weekdays.map((weekday) => {
    const h = office.hours.find((x) => x.weekday === weekday);
    return {
      weekday,
      open: !!h,
      opens: h?.opens ?? '',
      closes: h?.closes ?? '',
      breakStart: h?.breakStart ?? '',
      breakEnd: h?.breakEnd ?? '',
    };
  });
}

/** `hours.<i>.<field>` of the sent list (the schema's or the server's) → `day<weekday>.<field>` of the table. */
function remap(path: string, rows: Row[]): string {
  const match = /^hours\.(\d+)\.?(.*)$/.exec(path);
  const weekday = match ? sentOf(rows)[Number(match[1])]?.weekday : undefined;
  return weekday ? `day${weekday}.${match![2] || 'opens'}` : path;
}

export function WarningsNotice({ office }: { office: AdminOffice }) {
  const { t } = useT();
  if (office.warnings.length === 0) return null;
  return (
    <div className="notice notice-warn" role="status" data-testid="hours-warnings">
      <p>
        <strong>{t('admin.hoursWarningsTitle', { population: office.district.population })}</strong>
      </p>
      <ul>
        {office.warnings.map((w) => (
          <li key={w.code}>{t(`admin.warn.${w.code}`)}</li>
        ))}
      </ul>
    </div>
  );
}

export function HoursEditor({
  office,
  onSaved,
}: {
  office: AdminOffice;
  /** After a save (the cache already holds the answer). */
  onSaved?: (office: AdminOffice) => void;
}) {
  const { t, weekdayOf } = useT();
  // the draft starts from the cached office (the page keys the editors by the office)
  const rowsNow = useRef<Row[]>([]);
  const form = useZodForm(hoursFormSchema, {
    defaultValues: { days: rowsOf(office) },
    mapPath: (path) => remap(path, rowsNow.current),
  });
  const rows = form.watch('days');
  rowsNow.current = rows;
  const update = (weekday: number, patch: Partial<Row>) =>
    form.setValue(
      'days',
      rows.map((r) => (r.weekday === weekday ? { ...r, ...patch } : r)),
      { shouldDirty: true },
    );
  const dayName = (weekday: number) => weekdayOf(`2024-01-0${weekday}`);
  const columns = [
    ['opens', t('admin.opens')],
    ['closes', t('admin.closes')],
    ['breakStart', t('admin.breakStart')],
    ['breakEnd', t('admin.breakEnd')],
  ] as const;
  const submit = form.submit(({ hours }) => adminApi.setHours(office.code, hours), onSaved);
  const shown = form.errors;

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="hours-title"
      className="admin-form"
      data-testid="hours-editor"
    >
      <h2 id="hours-title">{t('office.hours')}</h2>
      <WarningsNotice office={office} />
      <ErrorSummary
        form="hours"
        errors={shown}
        label={(path) => {
          const [day, field] = path.split('.');
          const column = columns.find(([key]) => key === field)?.[1] ?? field;
          return `${dayName(Number(day.slice(3)))}, ${column}`;
        }}
      />
      <TableScroll label={t('office.hours')}>
        <table className="admin-table hours-table">
          <thead>
            <tr>
              <th scope="col">{t('office.day')}</th>
              <th scope="col">{t('admin.worksThatDay')}</th>
              {columns.map(([key, label]) => (
                <th scope="col" key={key}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.weekday} data-weekday={row.weekday}>
                <th scope="row" className="weekday">
                  {dayName(row.weekday)}
                </th>
                <td>
                  <input
                    type="checkbox"
                    id={`hours-day${row.weekday}-open`}
                    aria-label={t('admin.worksOn', { day: dayName(row.weekday) })}
                    checked={row.open}
                    onChange={(e) =>
                      update(
                        row.weekday,
                        e.target.checked
                          ? { open: true, opens: row.opens || '09:00', closes: row.closes || '18:00' }
                          : { open: false },
                      )
                    }
                  />
                </td>
                {columns.map(([key, label]) => (
                  <td key={key}>
                    <TextField
                      form="hours"
                      path={`day${row.weekday}.${key}`}
                      label={`${dayName(row.weekday)}: ${label}`}
                      hiddenLabel
                      type="time"
                      value={row[key]}
                      errors={shown}
                      onChange={(value) => update(row.weekday, { [key]: value })}
                      required={key === 'opens' || key === 'closes'}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <SubmitStatus state={form.state} testId="hours-status" />
      <button type="submit" className="button button-primary" disabled={form.state.busy}>
        {t('admin.saveHours')}
      </button>
    </form>
  );
}
