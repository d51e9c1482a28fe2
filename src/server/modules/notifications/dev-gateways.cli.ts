import { parseArgs } from 'node:util';
import type { Config } from '../../config.js';
import { startDevGateways } from './dev-gateways.js';

const usage =
  'usage: okno dev gateways [--smtp-port 2525] [--sms-port 2526] [--host H] [--keep-dir DIR] [--quiet]';

/**
 * `okno dev gateways`: the dev SMTP server and SMS gateway until Ctrl-C. The first line names the ports
 * actually taken (0 asks for free ones), in a form tests read:
 * `okno dev gateways: smtp 127.0.0.1:PORT sms http://127.0.0.1:PORT`.
 */
export async function devCommand(_config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'smtp-port': { type: 'string', default: '2525' },
      'sms-port': { type: 'string', default: '2526' },
      host: { type: 'string', default: '127.0.0.1' },
      'keep-dir': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1 || positionals[0] !== 'gateways') throw new Error(usage);
  const gateways = await startDevGateways({
    smtpPort: port(values['smtp-port'], '--smtp-port'),
    smsPort: port(values['sms-port'], '--sms-port'),
    host: values.host,
    print: !values.quiet,
    keepDir: values['keep-dir'],
  });
  const { host, smtpPort, smsPort } = gateways;
  const http = `http://${host}:${smsPort}`;
  // One write: a reader that sees the first line sees the rest.
  console.log(
    [
      `okno dev gateways: smtp ${host}:${smtpPort} sms ${http}`,
      `  okno's environment (SMS_GATEWAY_FORMAT json or smsru: both are served):`,
      `  SMTP_URL=smtp://${host}:${smtpPort} SMS_GATEWAY_URL=${http}/sms`,
      `  received messages: GET ${http}/messages (DELETE clears); Ctrl-C stops`,
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await gateways.close();
}

function port(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name}: a port number (0: any free one)`);
  return n;
}
