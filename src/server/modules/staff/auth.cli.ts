import { parseArgs } from 'node:util';
import { type Grant, type Role, roles, type Scope } from '../../../shared/auth.js';
import type { Config } from '../../config.js';
import { migrate } from '../../db/migrate.js';
import { openConfiguredDatabase } from '../../db/open.js';
import { verifyCaseChains } from '../cases/case-trail.js';
import { createAccount } from './accounts.create.js';
import { securityLogHead, verifySecurityLog } from './security-log.js';

export class CliUsageError extends Error {}

/** `--scope region | district:CODE | offices:A,B` */
export function parseScope(text: string): Scope {
  if (text === 'region') return { kind: 'region' };
  const [kind, rest] = [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)];
  if (kind === 'district' && rest) return { kind: 'district', district: rest };
  if (kind === 'offices' && rest) {
    const offices = rest
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    if (offices.length) return { kind: 'offices', offices };
  }
  throw new CliUsageError(`bad --scope "${text}": use region, district:CODE or offices:CODE1,CODE2`);
}

export function parseRole(text: string): Role {
  if (!(roles as readonly string[]).includes(text)) {
    throw new CliUsageError(`unknown role "${text}": one of ${roles.join(', ')}`);
  }
  return text as Role;
}

/** Asks for a password on the terminal without echoing it. */
async function promptPassword(question: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          stdout.write('\n');
          return resolve(value);
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          return reject(new CliUsageError('cancelled'));
        }
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** `okno user create --login L --role R [--role R2] [--scope …] [--name "…"] [--password P]` */
export async function userCommand(config: Config, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'create')
    throw new CliUsageError('usage: okno user create --login L --role admin [--scope region]');
  const { values } = parseArgs({
    args: rest,
    options: {
      login: { type: 'string' },
      role: { type: 'string', multiple: true },
      scope: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (!values.login) throw new CliUsageError('--login is required');
  if (!values.role?.length) throw new CliUsageError(`--role is required: one of ${roles.join(', ')}`);
  const scope = parseScope(values.scope ?? 'region');
  const grants: Grant[] = values.role.map((r) => ({ role: parseRole(r), scope }));
  let password = values.password;
  if (password === undefined) {
    if (!process.stdin.isTTY) throw new CliUsageError('no --password given and no terminal to ask for one');
    password = await promptPassword(`password for ${values.login}: `);
    const again = await promptPassword('again: ');
    if (again !== password) throw new CliUsageError('the passwords differ');
  }
  const database = await openConfiguredDatabase(config);
  try {
    // The first admin of a fresh installation: the tables may not exist yet.
    await migrate(database);
    const user = await createAccount(
      database.db,
      { login: values.login, password, fullName: values.name, grants },
      { by: 'cli' },
    );
    console.log(
      `created user ${user.login} (${user.id}): ${values.role.join(', ')} on ${values.scope ?? 'region'}`,
    );
  } finally {
    await database.close();
  }
}

/**
 * `okno audit verify [--anchor HASH]`: walks the security log's hash chain, then every case's trail; a
 * broken link (the case number and the event's number), or a chain that no longer reaches the anchor,
 * fails the command. `okno audit anchor` prints the current head's hash
 * (keep it outside the database: with it, a cut-off tail or a rewritten chain shows).
 */
export async function auditCommand(config: Config, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'verify' && sub !== 'anchor') {
    throw new CliUsageError('usage: okno audit verify [--anchor HASH] | okno audit anchor');
  }
  const { values } = parseArgs({ args: rest, options: { anchor: { type: 'string' } } });
  if (values.anchor !== undefined && !/^[0-9a-f]{64}$/i.test(values.anchor.trim())) {
    throw new CliUsageError('--anchor takes the 64 hex digits that `okno audit anchor` printed');
  }
  const database = await openConfiguredDatabase(config);
  try {
    if (sub === 'anchor') {
      const head = await securityLogHead(database.db);
      if (!head) throw new Error('the security log is empty: nothing to anchor yet');
      console.log(head.hash);
      console.error(`okno: anchor of security log entry #${head.id}; keep it outside the database`);
      return;
    }
    const result = await verifySecurityLog(database.db, { anchor: values.anchor });
    if (!result.ok && 'brokenAt' in result)
      throw new Error(`security log broken at entry #${result.brokenAt} (after ${result.entries} intact)`);
    if (!result.ok)
      throw new Error(
        `security log does not reach the anchor: entries after it were removed or the chain was rewritten (${result.entries} entries intact)`,
      );
    console.log(
      `security log intact: ${result.entries} entries${values.anchor ? ', the anchor is in the chain' : ''}`,
    );
    const trails = await verifyCaseChains(database.db);
    if (!trails.ok)
      throw new Error(
        `case ${trails.number} trail broken at event #${trails.seq}: ${trails.problem} (${trails.cases} cases, ${trails.events} events intact before it)`,
      );
    console.log(`case trails intact: ${trails.cases} cases, ${trails.events} events`);
  } finally {
    await database.close();
  }
}
