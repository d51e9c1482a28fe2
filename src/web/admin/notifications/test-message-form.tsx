/**
 * «Проверить канал»: the admin writes a test message to an address of their own on one channel, to see a
 * gateway's settings work end to end; the message then shows in the outbox list like any other.
 */
import { type FormEvent, useState } from 'react';
import { type Channel, channels } from '../../../shared/notifications.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ChoiceField, TextField } from '../components/fields.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';
import { useOutboxWords } from './outbox-words.js';

export function TestMessageForm() {
  const { t } = useT();
  const words = useOutboxWords();
  const [channel, setChannel] = useState<Channel>('sms');
  const [to, setTo] = useState('');
  const send = useSubmit((path) => (path === 'to' ? 'to' : null));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send.run(() => adminApi.sendTestMessage({ channel, to }), undefined, t('notif.test.queued'));
  };
  return (
    <form aria-label={t('notif.test.title')} className="filters-row outbox-test" onSubmit={submit}>
      <ChoiceField
        form="outbox-test"
        path="channel"
        label={t('notif.channel')}
        value={channel}
        onChange={(value) => setChannel(value === 'email' ? 'email' : 'sms')}
        options={channels.map((c) => ({ value: c, label: words.channel(c) }))}
      />
      <TextField
        form="outbox-test"
        path="to"
        type={channel === 'sms' ? 'tel' : 'email'}
        label={t('notif.test.to')}
        hint={t('notif.test.hint')}
        value={to}
        onChange={setTo}
        errors={send.errors}
        required
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={send.busy}>
          {t('notif.test.send')}
        </button>
        <SubmitStatus state={send} testId="outbox-test-status" />
      </div>
    </form>
  );
}
