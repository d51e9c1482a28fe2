import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';

/** An address or a network in CIDR form, or one of proxy-addr's names for address ranges. */
const proxyAddress = (text: string) => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(text)) return true;
  const [address, bits, ...rest] = text.split('/');
  if (rest.length || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
};

/**
 * Which proxies okno believes about the client's address (X-Forwarded-For) and protocol: none, or the
 * addresses or networks of the proxies. `true` (anyone) is refused: every client could then choose its own
 * address for the rate limits, the sign-in throttle and the security log. So is a hop count: it cannot
 * tell the proxy from a client that reaches okno directly and writes the headers itself.
 */
const trustProxySchema = z
  .string()
  .default('false')
  .transform((text, ctx): false | string => {
    const value = text.trim();
    if (value === 'false' || value === '') return false;
    const list = value.split(',').map((a) => a.trim());
    if (list.every(proxyAddress)) return list.join(',');
    ctx.addIssue({
      code: 'custom',
      message:
        value === 'true'
          ? 'true would believe any client about its own address; give the addresses of the proxies (e.g. 10.0.0.5 or 10.0.0.0/24)'
          : /^\d+$/.test(value)
            ? 'a number of proxies cannot tell a proxy from a client that connects directly; give the addresses of the proxies (e.g. 10.0.0.5 or 10.0.0.0/24)'
            : 'give false or a comma-separated list of the proxies’ addresses or networks (10.0.0.5, 10.0.0.0/24)',
    });
    return z.NEVER;
  });

/**
 * Configuration is read from the environment once, at start, and passed on as a typed object.
 * Nothing else in okno reads process.env.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REGION_DIR: z.string().min(1).default('./regions/lipetsk'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_DELAY_AFTER: z.coerce.number().int().min(1).default(3),
  LOCKOUT_ATTEMPTS: z.coerce.number().int().min(2).default(20),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  TRUST_PROXY: trustProxySchema,
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/, 'must be the address people open, e.g. https://mfc.example.ru')
    .optional(),
  TLS_CERT_FILE: z.string().min(1).refine(existsSync, 'no such file').optional(),
  TLS_KEY_FILE: z.string().min(1).refine(existsSync, 'no such file').optional(),
  PERSONAL_DATA_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 32 bytes in hex (64 characters): openssl rand -hex 32')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'must be smtp://host:port or smtps://user:pass@host:port')
    .optional(),
  SMTP_FROM: z.string().min(3).max(200).default('МФЦ «Мои документы» <noreply@mfc.localhost>'),
  SMS_GATEWAY_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/, 'must be an http(s) address')
    .optional(),
  SMS_GATEWAY_FORMAT: z.enum(['json', 'smsru']).default('json'),
  SMS_GATEWAY_TOKEN: z.string().min(1).max(500).optional(),
  SMS_SENDER: z.string().min(1).max(11).optional(),
  DELIVERY_REPORT_TOKEN: z.string().min(16).max(500).optional(),
  OUTBOX_WORKER: z.enum(['on', 'off']).default('on'),
  QUEUE_DAY_END: z.enum(['on', 'off']).default('on'),
  BOOKING_SWEEP: z.enum(['on', 'off']).default('on'),
  CASE_REQUESTS: z.enum(['on', 'off']).default('on'),
  AGENCY_GATEWAY_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/, 'must be an http(s) address, e.g. the one `okno dev agency` prints')
    .optional(),
  BOOKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  CASE_SWEEP: z.enum(['on', 'off']).default('on'),
  STATUS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  OUTBOX_BATCH: z.coerce.number().int().min(1).max(1000).default(50),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  OUTBOX_RETRY_CAP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  regionDir: string;
  dbPoolSize: number;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Failed sign-ins from one address to one account before each next try must wait (growing delays). */
  loginDelayAfter: number;
  /** Failed sign-ins to one account, from any address, before it is locked to addresses it never used. */
  lockoutAttempts: number;
  lockoutMinutes: number;
  trustProxy: false | string;
  publicUrl: string | undefined;
  /** Certificate and key to serve https directly. */
  tls: { certFile: string; keyFile: string } | undefined;
  /**
   * okno is reached over https: served with TLS itself, or behind a TLS-terminating proxy declared by an
   * https PUBLIC_URL. Session cookies are then Secure and responses carry HSTS.
   */
  httpsOnly: boolean;
  /**
   * The key (32 bytes) that encrypts personal data at rest and keys its lookup hashes. Required with
   * DATABASE_URL; the embedded default keeps one in DATA_DIR when none is given (db/personal-data-key.ts).
   */
  personalDataKey: string | undefined;
  /** Whether this instance closes the queue's ended days each minute (QUEUE_DAY_END; every instance may). */
  queueDayEnd: boolean;
  /** Whether this instance sweeps bookings each minute: holds, no-shows, reminders (BOOKING_SWEEP; every instance may). */
  bookingSweep: boolean;
  /** Booking writes (book, cancel, reschedule, confirm, check-in) and holder reads per minute from one address. */
  bookingRateLimitPerMinute: number;
  /** Whether this instance sends and polls interagency requests each minute (CASE_REQUESTS; every instance may). */
  caseRequests: boolean;
  /** The agencies' gateway (СМЭВ-like, or `okno dev agency`); none: requests wait and are answered by hand. */
  agencyGatewayUrl: string | undefined;
  /** Whether this instance sweeps cases each minute: return reminders, next year's numbers (CASE_SWEEP). */
  caseSweep: boolean;
  /** Status lookups per minute from one address (an enrolled kiosk: thirty times as many). */
  statusRateLimitPerMinute: number;
  notifications: NotificationsConfig;
};

export type NotificationsConfig = {
  /** smtp(s)://[user:pass@]host:port; none: e-mails wait in the outbox. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** The SMS gateway; none: SMS wait in the outbox. */
  smsGatewayUrl: string | undefined;
  /** `json`: okno's generic JSON request; `smsru`: SMS.ru's HTTP API. */
  smsGatewayFormat: 'json' | 'smsru';
  smsGatewayToken: string | undefined;
  smsSender: string | undefined;
  /** The secret a gateway's delivery reports carry; none: delivery reports are refused. */
  deliveryReportToken: string | undefined;
  /** Whether this instance runs the outbox worker (every instance may: they share the work). */
  worker: boolean;
  pollMs: number;
  batch: number;
  maxAttempts: number;
  retryBaseSeconds: number;
  retryCapSeconds: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) {
    throw new ConfigError('invalid configuration:\n  TLS_CERT_FILE and TLS_KEY_FILE: give both or neither');
  }
  const tls =
    e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    regionDir: e.REGION_DIR,
    dbPoolSize: e.DB_POOL_SIZE,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginDelayAfter: e.LOGIN_DELAY_AFTER,
    lockoutAttempts: e.LOCKOUT_ATTEMPTS,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL,
    tls,
    httpsOnly: Boolean(tls) || Boolean(e.PUBLIC_URL?.startsWith('https:')),
    personalDataKey: e.PERSONAL_DATA_KEY?.toLowerCase(),
    queueDayEnd: e.QUEUE_DAY_END === 'on',
    bookingSweep: e.BOOKING_SWEEP === 'on',
    bookingRateLimitPerMinute: e.BOOKING_RATE_LIMIT_PER_MINUTE,
    caseRequests: e.CASE_REQUESTS === 'on',
    agencyGatewayUrl: e.AGENCY_GATEWAY_URL,
    caseSweep: e.CASE_SWEEP === 'on',
    statusRateLimitPerMinute: e.STATUS_RATE_LIMIT_PER_MINUTE,
    notifications: {
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      smsGatewayUrl: e.SMS_GATEWAY_URL,
      smsGatewayFormat: e.SMS_GATEWAY_FORMAT,
      smsGatewayToken: e.SMS_GATEWAY_TOKEN,
      smsSender: e.SMS_SENDER,
      deliveryReportToken: e.DELIVERY_REPORT_TOKEN,
      worker: e.OUTBOX_WORKER === 'on',
      pollMs: e.OUTBOX_POLL_MS,
      batch: e.OUTBOX_BATCH,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      retryBaseSeconds: e.OUTBOX_RETRY_BASE_SECONDS,
      retryCapSeconds: Math.max(e.OUTBOX_RETRY_CAP_SECONDS, e.OUTBOX_RETRY_BASE_SECONDS),
    },
  };
}

/** A config for tests and tools: defaults with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({});
  return {
    ...base,
    logLevel: 'silent',
    // A fixed test key: tests never depend on a key file.
    personalDataKey: '0f'.repeat(32),
    // Tests run the worker themselves (notifications tests), never behind the app's back.
    notifications: { ...base.notifications, worker: false },
    // Tests close a day themselves (closeEndedDays with a pinned time), never by the clock.
    queueDayEnd: false,
    // Tests sweep bookings themselves (sweepBookings with a pinned time); their races book from one address.
    bookingSweep: false,
    bookingRateLimitPerMinute: 100_000,
    // Tests run the requests' worker themselves (runAgencyRequests with a pinned time).
    caseRequests: false,
    caseSweep: false,
    statusRateLimitPerMinute: 100_000,
    ...overrides,
  };
}
