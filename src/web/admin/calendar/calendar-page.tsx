/**
 * /admin/calendar: the production calendar of a year — 12 month grids with days coloured by kind and
 * overrides marked; a selected day gets a form (kind, note; «По умолчанию» removes the entry). The
 * portal's office hours and working-day arithmetic read the calendar on each request, so changes apply
 * at once. Below: import of a year and the calendar's history.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type AdminCalendarDay, calendarDayInputSchema } from '../../../shared/network.admin.js';

import { QueryStatus } from '../../app/components.js';
import { useT, useTitle } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, TextField } from '../components/fields.js';
import { HistoryPanel } from '../components/history-panel.js';
import { SubmitStatus } from '../components/use-submit.js';
import { useZodForm } from '../components/use-zod-form.js';
import { adminQueries } from '../queries.js';
import { CalendarImport } from './calendar-import.js';
import { MonthGrid } from './month-grid.js';

export function CalendarPage() {
  const { t } = useT();
  useTitle(t('admin.calendar'));
  const [year, setYear] = useState(() => new Date().getFullYear());
  const calendar = useQuery(adminQueries.calendar(year));
  const days = calendar.data?.days ?? [];
  const [selected, setSelected] = useState<string | null>(null);
  const day = days.find((d) => d.date === selected) ?? null;
  return (
    <>
      <h1>{t('admin.calendar')}</h1>
      <div className="year-switch">
        <button type="button" className="button" onClick={() => setYear((y) => y - 1)}>
          <span className="visually-hidden">{t('admin.yearPrev')}: </span>← {year - 1}
        </button>
        <h2 className="year-title" aria-live="polite">
          {year}
        </h2>
        <button type="button" className="button" onClick={() => setYear((y) => y + 1)}>
          <span className="visually-hidden">{t('admin.yearNext')}: </span>
          {year + 1} →
        </button>
      </div>
      <ul className="legend" aria-label={t('admin.legend')}>
        <li>
          <span className="day day-working" aria-hidden="true">
            1
          </span>{' '}
          {t('admin.dayWorking')}
        </li>
        <li>
          <span className="day day-dayoff" aria-hidden="true">
            1
          </span>{' '}
          {t('admin.dayOff')}
        </li>
        <li>
          <span className="day day-short" aria-hidden="true">
            1
          </span>{' '}
          {t('admin.dayShort')}
        </li>
        <li>
          <span className="day day-working day-override" aria-hidden="true">
            1
          </span>{' '}
          {t('admin.dayOverride')}
        </li>
      </ul>
      <QueryStatus query={calendar} />
      <div className="calendar-layout">
        <div className="year-grid" data-testid="year-grid">
          {days.length > 0 &&
            Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
              <MonthGrid
                key={month}
                year={year}
                month={month}
                days={days.filter((d) => Number(d.date.slice(5, 7)) === month)}
                selected={selected}
                onSelect={setSelected}
              />
            ))}
        </div>
        {day && <DayForm key={day.date} day={day} />}
      </div>
      <CalendarImport key={year} year={year} />
      <HistoryPanel entity="calendar" />
    </>
  );
}

function DayForm({ day }: { day: AdminCalendarDay }) {
  const { t, date, weekdayOf } = useT();
  // the draft starts from the cached day (the page keys the form by the date)
  const form = useZodForm(calendarDayInputSchema, { defaultValues: { kind: day.kind, note: day.note } });
  const save = form.state;
  const submit = form.submit(({ kind, note }) =>
    adminApi.setCalendarDay(day.date, { kind, note: note?.trim() || null }),
  );
  return (
    <form
      onSubmit={submit}
      noValidate
      className="admin-form day-form"
      aria-labelledby="day-form-title"
      data-testid="day-form"
    >
      <h2 id="day-form-title">
        {date(day.date)} {day.date.slice(0, 4)}, {weekdayOf(day.date)}
      </h2>
      <p className="small muted">{day.override ? t('admin.dayOverrideText') : t('admin.dayDefaultText')}</p>
      <ChoiceField
        form="day"
        path="kind"
        label={t('admin.dayKind')}
        field={form.register('kind')}
        errors={form.errors}
        options={[
          { value: 'working', label: t('admin.dayWorking') },
          { value: 'dayoff', label: t('admin.dayOff') },
          { value: 'short', label: t('admin.dayShort') },
        ]}
      />
      <TextField
        form="day"
        path="note"
        label={t('office.remark')}
        field={form.register('note', { setValueAs: (v: unknown) => (v === '' ? null : v) })}
        errors={form.errors}
      />
      <SubmitStatus state={save} testId="day-status" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {t('admin.save')}
        </button>
        {day.override && (
          <button
            type="button"
            className="button"
            disabled={save.busy}
            onClick={() => save.run(() => adminApi.removeCalendarDay(day.date))}
          >
            {t('admin.dayReset')}
          </button>
        )}
      </div>
    </form>
  );
}
