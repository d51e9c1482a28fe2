import * as analytics from '../modules/analytics/analytics.schema.js';
import * as booking from '../modules/booking/booking.schema.js';
import * as callcenter from '../modules/callcenter/callcenter.schema.js';
import * as cases from '../modules/cases/cases.schema.js';
import * as catalog from '../modules/catalog/catalog.schema.js';
import * as history from '../modules/history/history.schema.js';
import * as network from '../modules/network/network.schema.js';
import * as notifications from '../modules/notifications/notifications.schema.js';
import * as quality from '../modules/quality/quality.schema.js';
import * as queue from '../modules/queue/queue.schema.js';
import * as staff from '../modules/staff/staff.schema.js';

/**
 * Every table okno declares, by domain: each module owns the tables of its `<domain>.schema.ts`. The
 * migrations create them; `schema-drift.integration.test.ts` checks both agree.
 */
export const schemaByDomain = {
  network,
  catalog,
  staff,
  history,
  notifications,
  callcenter,
  queue,
  booking,
  cases,
  quality,
  analytics,
};
