/**
 * /operator — the operator's window. Without a window the operator picks an office of their scope and one
 * of its free windows (window-picker.tsx); holding one, the console (console.tsx): the ticket at the window
 * and its actions, the window's queue, and a ticket for a visitor who cannot use the kiosk. Which window
 * the operator holds is the server's (found again after a reload or on another computer).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryStatus } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { Console } from './console.js';
import { queueQueries } from './queries.js';
import { WindowPicker } from './window-picker.js';

export function OperatorPage() {
  const { t } = useT();
  useTitle(t('operator.title'));
  const mine = useQuery(queueQueries.myWindow());
  // the console takes the focus when the operator has just opened a window (not on a reload)
  const [picked, setPicked] = useState(false);
  const held = mine.data?.window && mine.data.office ? mine.data : null;
  return (
    <div className="operator" data-testid="operator">
      {!mine.data ? (
        <>
          <h1>{t('operator.title')}</h1>
          <QueryStatus query={mine} />
        </>
      ) : held?.window && held.office ? (
        <Console
          key={`${held.office.code}/${held.window.number}`}
          mine={held}
          office={held.office}
          window={held.window}
          focusOnMount={picked}
        />
      ) : (
        <WindowPicker onOpened={() => setPicked(true)} />
      )}
    </div>
  );
}
