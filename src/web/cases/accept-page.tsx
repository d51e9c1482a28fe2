/**
 * Acceptance of an application at /cases/new: at the window from the ticket being served
 * (`?ticket=&office=&service=`, the operator's console links here) or in the back office without one.
 * The office and the service are chosen first and kept in the query string (a reload keeps them); the form
 * (accept-form.tsx) opens once the service's card is here, its documents checklist drawn from the card.
 * The answer — the case with its PIN, shown once — is the mutation's, never cached (accept-done.tsx).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CaseCreate } from '../../shared/cases.js';
import { sortedBy } from '../../shared/collation.js';
import { QueryStatus } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { queryClient } from '../app/query-client.js';
import { queryKeys } from '../app/query-keys.js';
import { queueQueries } from '../operator/queries.js';
import { portalQueries } from '../portal/queries.js';
import { useMe } from '../staff/auth.js';
import { coversOffice } from '../staff/scope.js';
import { AcceptDone } from './accept-done.js';
import { AcceptForm } from './accept-form.js';
import { caseWorkRoles } from './case-roles.js';
import { caseLinks, casesApi } from './cases-api.js';

export function AcceptPage() {
  const { t } = useT();
  useTitle(t('cases.accept.title'));
  const [params, setParams] = useSearchParams();
  const ticketId = params.get('ticket') ?? '';
  const create = useMutation({
    mutationFn: (body: CaseCreate) => casesApi.create(body),
    // the ticket was finished with the case: the operator's window changed
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.queue.all }),
  });
  const set = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  if (create.data)
    return (
      <AcceptDone
        created={create.data}
        fromTicket={ticketId !== ''}
        onAnother={() => {
          create.reset();
          setParams(new URLSearchParams(), { replace: true });
        }}
      />
    );

  return (
    <section aria-labelledby="accept-title" className="case-accept">
      <h1 id="accept-title">{t('cases.accept.title')}</h1>
      {ticketId ? (
        <TicketSeat ticketId={ticketId} office={params.get('office') ?? ''} service={params.get('service')} />
      ) : null}
      <AcceptSetup
        office={params.get('office') ?? ''}
        service={params.get('service') ?? ''}
        officeFixed={ticketId !== ''}
        onOffice={(office) => set({ office, service: '' })}
        onService={(service) => set({ service })}
      >
        {(office, service) => (
          <AcceptForm
            key={`${office.code} ${service}`}
            office={office}
            service={service}
            ticket={ticketId || undefined}
            create={(body) => create.mutateAsync(body)}
          />
        )}
      </AcceptSetup>
    </section>
  );
}

/** The ticket the operator is serving (from «my window»): its number, or a word that it is gone. */
function TicketSeat({
  ticketId,
  office,
  service,
}: {
  ticketId: string;
  office: string;
  service: string | null;
}) {
  const { t } = useT();
  const mine = useQuery(queueQueries.myWindow());
  const ticket = mine.data?.window?.ticket;
  if (!mine.data) return <QueryStatus query={mine} />;
  if (ticket?.id === ticketId && ticket.status === 'serving')
    return (
      <p className="lead" data-testid="accept-ticket">
        {t('cases.accept.fromTicket', { number: ticket.number })}
      </p>
    );
  return (
    <p className="notice notice-warn" role="status" data-testid="accept-ticket-gone">
      {t('cases.accept.ticketGone')}{' '}
      <Link to={caseLinks.accept({ office, service: service ?? undefined })}>
        {t('cases.accept.withoutTicket')}
      </Link>
    </p>
  );
}

type OfficeChoice = { code: string; name: string; timeZone: string };

/** The office (of the user's scope) and one of its services; the form comes once both are chosen. */
function AcceptSetup({
  office,
  service,
  officeFixed,
  onOffice,
  onService,
  children,
}: {
  office: string;
  service: string;
  officeFixed: boolean;
  onOffice: (code: string) => void;
  onService: (code: string) => void;
  children: (office: OfficeChoice, service: string) => ReactNode;
}) {
  const { t } = useT();
  const id = useId();
  const { me } = useMe();
  const list = useQuery(portalQueries.offices({}));
  const offices = sortedBy(
    (list.data ?? []).filter((o) => coversOffice(me?.grants ?? [], o, caseWorkRoles)),
    (o) => o.name,
  );
  const chosen = office || (offices.length === 1 ? offices[0].code : '');
  const detail = useQuery({ ...portalQueries.office(chosen), enabled: chosen !== '' });
  const services = sortedBy(detail.data?.services ?? [], (s) => s.title);
  const serviceKnown = services.some((s) => s.code === service);

  return (
    <>
      <div className="case-setup">
        {officeFixed || !list.data ? (
          <p>
            <strong>{t('cases.accept.office')}:</strong>{' '}
            <span data-testid="accept-office">{detail.data?.name ?? chosen}</span>
          </p>
        ) : offices.length === 0 ? (
          <p>{t('cases.accept.noOffices')}</p>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-office`}>{t('cases.accept.office')}</label>
            <select id={`${id}-office`} value={chosen} onChange={(e) => onOffice(e.target.value)}>
              <option value="">{t('cases.accept.chooseOffice')}</option>
              {offices.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {!officeFixed && <QueryStatus query={list} />}
        {chosen && <QueryStatus query={detail} />}
        {detail.data && (
          <div className="field">
            <label htmlFor={`${id}-service`}>{t('cases.accept.service')}</label>
            <p className="field-hint" id={`${id}-service-hint`}>
              {t('cases.accept.serviceHint')}
            </p>
            <select
              id={`${id}-service`}
              aria-describedby={`${id}-service-hint`}
              value={serviceKnown ? service : ''}
              onChange={(e) => onService(e.target.value)}
              data-testid="accept-service"
            >
              <option value="">{t('cases.accept.chooseService')}</option>
              {services.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {detail.data &&
        serviceKnown &&
        children({ code: detail.data.code, name: detail.data.name, timeZone: detail.data.timeZone }, service)}
    </>
  );
}
