/**
 * /callcenter — one screen for a phone call: the call and its timer, the caller by number (masked, then
 * in full once verified), an answer from the catalog, call-backs, and the call log. The running call is
 * the server's (found again after a reload); the number looked up is this screen's: one looked up before
 * a call goes on it when it starts, one left from an earlier call is cleared.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Call } from '../../shared/callcenter.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { CallLog } from './call-log.js';
import { CallPanel } from './call-panel.js';
import { CallbacksPanel } from './callbacks-panel.js';
import { CaseSearch } from './caller-cases.js';
import { CallerPanel } from './caller-panel.js';
import { CatalogPanel } from './catalog-panel.js';
import { callcenterQueries, myLatestCalls } from './queries.js';

export function CallcenterPage() {
  const { t } = useT();
  useTitle(t('callcenter.title'));
  const latest = useQuery(callcenterQueries.calls(myLatestCalls));
  const call = latest.data?.items.find((c) => c.running) ?? null;
  // the number looked up, and the call it was looked up on (null: before any call — it goes on the next)
  const [caller, setCaller] = useState<{ phone: string; callId: string | null }>({ phone: '', callId: null });
  const startPhone = caller.callId === null ? caller.phone : '';
  const started = (next: Call) =>
    setCaller((before) =>
      before.callId === null ? { ...before, callId: next.id } : { phone: '', callId: next.id },
    );
  const lookedUp = (phone: string) => setCaller({ phone, callId: call?.id ?? null });
  // the service opened in the catalog (what «Записать» books), and the call a visit was booked on
  const [service, setService] = useState<{ code: string; title: string } | null>(null);
  const [bookedOn, setBookedOn] = useState<string | null>(null);
  return (
    <div className="callcenter">
      <h1>{t('callcenter.title')}</h1>
      <div className="cc-grid">
        <div className="cc-column">
          <CallPanel
            call={call}
            answeredAt={latest.dataUpdatedAt}
            loading={latest.isPending}
            startPhone={startPhone}
            onStarted={started}
            booked={call !== null && bookedOn === call.id}
          />
          <CallerPanel
            call={call}
            phone={caller.phone}
            onPhone={lookedUp}
            service={service}
            onBooked={() => setBookedOn(call?.id ?? null)}
          />
        </div>
        <div className="cc-column">
          <CaseSearch />
          <CatalogPanel call={call} onService={setService} />
          <CallbacksPanel call={call} phone={caller.phone} />
        </div>
      </div>
      <CallLog />
    </div>
  );
}
