/**
 * /callcenter — one screen for a phone call: the call and its timer, the caller by number (masked, then
 * in full once verified), an answer from the catalog, call-backs, and the call log. The running call is
 * the server's (found again after a reload); the number looked up is this screen's.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT, useTitle } from '../app/i18n/index.js';
import { CallLog } from './call-log.js';
import { CallPanel } from './call-panel.js';
import { CallbacksPanel } from './callbacks-panel.js';
import { CallerPanel } from './caller-panel.js';
import { CatalogPanel } from './catalog-panel.js';
import { callcenterQueries, myLatestCalls } from './queries.js';

export function CallcenterPage() {
  const { t } = useT();
  useTitle(t('callcenter.title'));
  const latest = useQuery(callcenterQueries.calls(myLatestCalls));
  const call = latest.data?.items.find((c) => c.running) ?? null;
  const [phone, setPhone] = useState('');
  const [callSeen, setCallSeen] = useState<string | null>(null);
  // a new call starts with an empty caller
  if ((call?.id ?? null) !== callSeen) {
    if (call && callSeen !== null) setPhone('');
    setCallSeen(call?.id ?? null);
  }
  return (
    <div className="callcenter">
      <h1>{t('callcenter.title')}</h1>
      <div className="cc-grid">
        <div className="cc-column">
          <CallPanel call={call} answeredAt={latest.dataUpdatedAt} loading={latest.isPending} />
          <CallerPanel call={call} phone={phone} onPhone={setPhone} />
        </div>
        <div className="cc-column">
          <CatalogPanel call={call} />
          <CallbacksPanel call={call} phone={phone} />
        </div>
      </div>
      <CallLog />
    </div>
  );
}
