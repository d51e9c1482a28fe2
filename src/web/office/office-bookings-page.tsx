/**
 * /office/:code/bookings — «Запись», the office head's view of its bookings: a day's bookings with their
 * status (the name and phone masked), the bookings cancelled because the office or a day closed (and
 * whether each person was told), and the report for a period — bookings per channel, the no-show rate,
 * the share of booked visitors called within 5 and 15 minutes of their time. Dates and times are the
 * office's own; numbers and shares in the user's language (ru-RU: «12,5 %»).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useParams } from 'react-router';
import { type BookingReport, bookingChannels, type StaffBooking } from '../../shared/booking.js';
import { TextField } from '../admin/components/fields.js';
import { TableScroll } from '../admin/components/list-page.js';
import { QueryStatus } from '../app/components.js';
import { useTitle } from '../app/i18n/index.js';
import { bookingQueries } from '../booking-staff/api.js';
import { codeText, useBookingWords } from '../booking-staff/words.js';
import { queueQueries } from '../operator/queries.js';
import { QueueError } from '../operator/words.js';
import { OfficeTabs } from './office-tabs.js';

const queries = bookingQueries('queue');
type Words = ReturnType<typeof useBookingWords>;

/** The office's own date of an instant, `YYYY-MM-DD`. */
function dateIn(timeZone: string, instant: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function OfficeBookingsPage() {
  const code = useParams().code ?? '';
  const overview = useQuery(queueQueries.overview(code));
  const office = overview.data?.office;
  const w = useBookingWords(office?.timeZone);
  const { t } = w;
  useTitle(office ? t('bstaff.office.heading', { office: office.name }) : t('bstaff.office.title'));
  if (!office)
    return (
      <>
        <h1>{t('bstaff.office.title')}</h1>
        {overview.error && overview.error.status >= 400 && overview.error.status < 500 ? (
          <QueueError error={overview.error} />
        ) : (
          <QueryStatus query={overview} />
        )}
      </>
    );
  const today = dateIn(office.timeZone, overview.data?.now ? Date.parse(overview.data.now) : Date.now());
  return (
    <div className="office-bookings" data-testid="office-bookings">
      <h1>{t('bstaff.office.heading', { office: office.name })}</h1>
      <OfficeTabs code={code} />
      <DayBookings office={code} today={today} w={w} />
      <ClosedBookings office={code} today={today} w={w} />
      <Report office={code} today={today} w={w} />
    </div>
  );
}

function DayBookings({ office, today, w }: { office: string; today: string; w: Words }) {
  const { t } = w;
  const [date, setDate] = useState(today);
  const list = useQuery({
    ...queries.officeBookings(office, { date }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  const titleId = useId();
  const rows = [...(list.data ?? [])].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>
        {date === today ? t('bstaff.office.today') : t('bstaff.office.ofDay', { day: w.day(date) })}
      </h2>
      <TextField
        form="office-bookings"
        path="date"
        type="date"
        label={t('bstaff.office.date')}
        value={date}
        onChange={setDate}
      />
      <QueryStatus query={list} />
      {list.data && rows.length === 0 && <p className="muted">{t('bstaff.office.none')}</p>}
      {rows.length > 0 && (
        <BookingsTable rows={rows} w={w} label={t('bstaff.office.today')} testId="office-day-bookings" />
      )}
    </section>
  );
}

function BookingsTable({
  rows,
  w,
  label,
  testId,
  closed = false,
}: {
  rows: StaffBooking[];
  w: Words;
  label: string;
  testId: string;
  closed?: boolean;
}) {
  const { t } = w;
  return (
    <TableScroll label={label}>
      <table className="admin-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{closed ? t('bstaff.office.when') : t('bstaff.office.time')}</th>
            <th scope="col">{t('bstaff.office.service')}</th>
            <th scope="col">{t('bstaff.office.person')}</th>
            <th scope="col">{t('bstaff.code')}</th>
            <th scope="col">{closed ? t('bstaff.office.notified') : t('bstaff.office.status')}</th>
            <th scope="col">{t('bstaff.office.channel')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.code}>
              <td>{closed ? w.at(b.start) : w.time(b.start)}</td>
              <td>{b.service.title}</td>
              <td>
                {b.nameMasked}
                <span className="block small muted oq-nowrap">{b.phoneMasked}</span>
              </td>
              <td className="oq-nowrap">{codeText(b.code)}</td>
              <td>
                {closed ? (b.notified ? t('bstaff.office.yes') : t('bstaff.office.no')) : w.status(b.status)}
              </td>
              <td>{w.channel(b.channel)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Cancelled because the office or the day closed: from two weeks back to the end of the horizon. */
function ClosedBookings({ office, today, w }: { office: string; today: string; w: Words }) {
  const { t } = w;
  const list = useQuery(
    queries.officeBookings(office, {
      cancelReason: 'office_closed',
      from: addDays(today, -14),
      to: addDays(today, 60),
    }),
  );
  const titleId = useId();
  const rows = [...(list.data ?? [])].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t('bstaff.office.closed')}</h2>
      <p className="muted small">{t('bstaff.office.closedText')}</p>
      <QueryStatus query={list} />
      {list.data && rows.length === 0 && <p className="muted">{t('bstaff.office.noneClosed')}</p>}
      {rows.length > 0 && (
        <BookingsTable
          rows={rows}
          w={w}
          label={t('bstaff.office.closed')}
          testId="office-closed-bookings"
          closed
        />
      )}
    </section>
  );
}

function Report({ office, today, w }: { office: string; today: string; w: Words }) {
  const { t } = w;
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const report = useQuery({ ...queries.report(office, from, to), enabled: valid });
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t('bstaff.office.report')}</h2>
      <div className="oq-period">
        <TextField
          form="booking-report"
          path="from"
          type="date"
          label={t('bstaff.office.from')}
          value={from}
          onChange={setFrom}
        />
        <TextField
          form="booking-report"
          path="to"
          type="date"
          label={t('bstaff.office.to')}
          value={to}
          onChange={setTo}
        />
      </div>
      {!valid && <p className="field-error">{t('bstaff.office.badPeriod')}</p>}
      {valid && <QueryStatus query={report} />}
      {report.data && <ReportFigures report={report.data} w={w} />}
    </section>
  );
}

function ReportFigures({ report, w }: { report: BookingReport; w: Words }) {
  const { t } = w;
  return (
    <>
      <dl className="facts oq-today" data-testid="booking-report">
        <div>
          <dt>{t('bstaff.office.total')}</dt>
          <dd>{w.number(report.total)}</dd>
        </div>
        <div>
          <dt>{t('bstaff.office.noShowRate')}</dt>
          <dd data-testid="report-no-show">{w.percent(report.noShowRate)}</dd>
        </div>
        <div>
          <dt>{t('bstaff.office.within5')}</dt>
          <dd data-testid="report-within-5">{w.percent(report.calledWithin5)}</dd>
        </div>
        <div>
          <dt>{t('bstaff.office.within15')}</dt>
          <dd data-testid="report-within-15">{w.percent(report.calledWithin15)}</dd>
        </div>
        <div>
          <dt>{t('bstaff.office.byClosure')}</dt>
          <dd>{w.number(report.cancelledByClosure)}</dd>
        </div>
      </dl>
      <TableScroll label={t('bstaff.office.byChannel')}>
        <table className="admin-table" data-testid="report-channels">
          <caption>{t('bstaff.office.byChannel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bstaff.office.channel')}</th>
              <th scope="col">{t('bstaff.office.count')}</th>
              <th scope="col">{t('bstaff.office.share')}</th>
            </tr>
          </thead>
          <tbody>
            {bookingChannels.map((c) => {
              const n = report.byChannel[c] ?? 0;
              return (
                <tr key={c}>
                  <th scope="row">{w.channel(c)}</th>
                  <td>{w.number(n)}</td>
                  <td>{w.percent(report.total > 0 ? n / report.total : null)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
