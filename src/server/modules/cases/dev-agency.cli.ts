import { parseArgs } from 'node:util';
import type { Config } from '../../config.js';
import { startDevAgency } from './dev-agency.js';

const usage =
  'usage: okno dev agency [--port 2527] [--host H] [--delay-ms 2000] [--failure-rate 0..1] [--seed S] [--quiet]';

/**
 * `okno dev agency`: the simulated agency until Ctrl-C. The first line names the address actually taken
 * (port 0 asks for a free one), in a form tests read: `okno dev agency: http://127.0.0.1:PORT`.
 */
export async function devAgencyCommand(_config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '2527' },
      host: { type: 'string', default: '127.0.0.1' },
      'delay-ms': { type: 'string', default: '2000' },
      'failure-rate': { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1 || positionals[0] !== 'agency') throw new Error(usage);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('--port: a port number (0: any free one)');
  const delayMs = Number(values['delay-ms']);
  if (!Number.isInteger(delayMs) || delayMs < 0) throw new Error('--delay-ms: milliseconds, 0 or more');
  const failureRate = Number(values['failure-rate']);
  if (!Number.isFinite(failureRate) || failureRate < 0 || failureRate > 1)
    throw new Error('--failure-rate: a share from 0 to 1');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed: an integer');
  const agency = await startDevAgency({
    port,
    host: values.host,
    delayMs,
    failureRate,
    seed,
    print: !values.quiet,
  });
  // One write: a reader that sees the first line sees the rest.
  console.log(
    [
      `okno dev agency: ${agency.url}`,
      `  okno's environment: AGENCY_GATEWAY_URL=${agency.url}`,
      `  answers after ${delayMs} ms, fails ${Math.round(failureRate * 100)}% of sends with 503 (seed ${seed})`,
      `  received requests: GET ${agency.url}/requests; Ctrl-C stops`,
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await agency.close();
}
