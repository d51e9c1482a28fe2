/**
 * The words of the change history: an action's name («publish» → «публикация»), a field's label
 * («weekday» → the weekday's name, «shortTitle» → «Краткое название») and known values («open» →
 * «Работает»), in the user's language. A name not listed shows as recorded: a new field is never hidden.
 */
import type { MessageKey, Translator } from '../../app/i18n/index.js';
import type { ValueWords } from './diff.js';

const fields: Record<string, MessageKey> = {
  version: 'admin.version',
  code: 'admin.code',
  title: 'admin.serviceTitle',
  shortTitle: 'admin.shortTitle',
  description: 'admin.description',
  agency: 'service.agency',
  category: 'admin.field.category',
  situations: 'admin.field.situations',
  applicantKinds: 'admin.field.applicantKinds',
  fee: 'admin.field.fee',
  amount: 'admin.field.amount',
  term: 'admin.field.term',
  days: 'admin.field.days',
  keepResultDays: 'admin.keepResultDays',
  documents: 'admin.documents',
  form: 'admin.field.form',
  required: 'admin.field.required',
  results: 'admin.field.results',
  refusalReasons: 'admin.field.refusalReasons',
  stages: 'admin.stages',
  citizenText: 'admin.citizenText',
  durationDays: 'admin.durationDays',
  notify: 'admin.notify',
  aliases: 'admin.aliases',
  name: 'admin.name',
  shortName: 'admin.shortName',
  level: 'admin.level',
  kind: 'admin.field.kind',
  population: 'admin.population',
  district: 'offices.district',
  address: 'admin.field.address',
  lat: 'admin.lat',
  lon: 'admin.lon',
  phone: 'admin.field.phone',
  email: 'admin.field.email',
  timeZone: 'admin.timeZone',
  status: 'admin.status',
  number: 'admin.windowNumber',
  label: 'admin.field.label',
  serviceCodes: 'admin.field.serviceCodes',
  categoryCodes: 'admin.field.categoryCodes',
  opens: 'admin.opens',
  closes: 'admin.closes',
  breakStart: 'admin.breakStart',
  breakEnd: 'admin.breakEnd',
  date: 'admin.date',
  note: 'admin.field.note',
  login: 'staff.login',
  fullName: 'admin.fullName',
  grants: 'admin.grants',
  role: 'admin.role',
  scope: 'admin.scope',
  offices: 'admin.scopeOffices',
  disabled: 'admin.field.disabled',
  office: 'kiosks.office',
};

/** Values of the fields that hold a choice from a fixed list. */
const values: Record<string, Record<string, MessageKey>> = {
  status: {
    open: 'admin.officeOpen',
    closed: 'admin.officeClosed',
    pending: 'kiosks.status.pending',
    enrolled: 'kiosks.status.enrolled',
    revoked: 'kiosks.status.revoked',
  },
  kind: {
    main: 'kind.main',
    remote: 'kind.remote',
    kiosk: 'kind.kiosk',
    city: 'admin.districtCity',
    rural: 'admin.districtRural',
    working: 'admin.dayWorking',
    dayoff: 'admin.dayOff',
    short: 'admin.dayShort',
    closed: 'admin.exceptionClosed',
    hours: 'admin.exceptionHours',
    region: 'admin.scopeRegion',
    offices: 'admin.scopeOffices',
  },
  level: { federal: 'level.federal', regional: 'level.regional', municipal: 'level.municipal' },
  role: {
    admin: 'admin.role.admin',
    catalog_editor: 'admin.role.catalog_editor',
    office_head: 'admin.role.office_head',
    operator: 'admin.role.operator',
    backoffice: 'admin.role.backoffice',
    callcenter: 'admin.role.callcenter',
    analyst: 'admin.role.analyst',
  },
};

const actions = new Set([
  'create',
  'update',
  'edit',
  'publish',
  'discard-draft',
  'offices',
  'services',
  'windows',
  'hours',
  'exception',
  'exception-delete',
  'status',
  'set',
  'delete',
  'import',
  'grants',
  'grants_set',
  'reset-password',
  'unlock',
  'user_created',
  'disable',
  'enable',
  // a kiosk's (kiosk.ts)
  'code',
  'enroll',
  'revoke',
]);

/** 2024-01-01 was a Monday: the ISO weekday n falls on 2024-01-0n. */
const mondayBased = (n: number) => `2024-01-0${n}`;

export function historyWords(tr: Translator): ValueWords & { action: (action: string) => string } {
  const { t } = tr;
  return {
    action: (action) => (actions.has(action) ? t(`admin.action.${action}` as MessageKey) : action),
    field: (name) => (name in fields ? t(fields[name]) : name),
    weekday: (n) => (n >= 1 && n <= 7 ? tr.weekdayOf(mondayBased(n)) : String(n)),
    value: (field, value) => {
      const key = values[field]?.[value];
      return key ? t(key) : value;
    },
    yesNo: (value) => t(value ? 'admin.yes' : 'admin.no'),
    break: (from, to) => t('office.break', { from, to }),
  };
}
