/** English messages of the situational center (keys: ../ru/situation.ts). Typed from the Russian section. */
import type { Section } from '../messages.js';
import type { situation as ru } from '../ru/situation.js';

export const situation: Section<typeof ru> = {
  'situation.title': 'Situation center',
  'situation.sectionText':
    'Every office of the region live: queues, windows, kiosks and alerts — on a map and in a list.',
  'situation.asOf': 'As of {time} (offices’ time)',
  'situation.live': 'Updated as things change',
  'situation.offline': 'No live connection to the server — refreshed every 30 seconds',
  'situation.summary':
    'Offices: {offices}, open now: {open}, waiting in queues: {waiting}, offices with alerts: {alerting}.',
  'situation.targetNote': 'The waiting target is {target} min.',
  'situation.forbidden': 'The situation center is open to analysts, office heads and administrators.',

  'situation.alerts': 'Alerts',
  'situation.noAlerts': 'No alerts: every office is within the targets.',
  'situation.alert.wait_over_target': 'Waiting {minutes} min — over the {target} min target',
  'situation.alert.window_closed': 'Window {window} closed or on a break during opening hours',
  'situation.alert.kiosk_offline': 'Silent for over 5 minutes: {kiosk}',
  'situation.alertCount': { one: '{n} alert', other: '{n} alerts' },

  'situation.map': 'Map of offices',
  'situation.mapLabel':
    'Map of the region’s offices: {offices} offices, {alerting} with alerts. Details in the list below.',
  'situation.mapHint': 'Hover over a circle or pick an office to see its details.',
  'situation.noCoordinates': {
    one: '{n} office without coordinates is not on the map.',
    other: '{n} offices without coordinates are not on the map.',
  },
  'situation.legend': 'Legend',
  'situation.state.alert': 'Alert (the “!” mark)',
  'situation.state.busy': 'Wait nearing the target',
  'situation.state.ok': 'Within the targets',
  'situation.state.closed': 'Closed now (dashed)',
  'situation.legendSize': 'Circle size: people waiting',
  'situation.selected': 'Selected office',
  'situation.clearSelection': 'Clear selection',
  'situation.tooltip': '{name}: {waiting} waiting, windows {open} of {total}',

  'situation.list': 'Offices',
  'situation.onlyAlerts': 'Only offices with alerts',
  'situation.filter': 'Find an office',
  'situation.filterHint': 'Name or district',
  'situation.sortBy': 'Sort by: {column}',
  'situation.col.office': 'Office',
  'situation.col.district': 'District',
  'situation.col.state': 'Now',
  'situation.col.waiting': 'Waiting',
  'situation.col.longest': 'Longest wait',
  'situation.col.predicted': 'Predicted wait',
  'situation.col.windows': 'Windows: open of',
  'situation.col.visits': 'Visits today / usual',
  'situation.col.alerts': 'Alerts',
  'situation.open': 'Open',
  'situation.closed': 'Closed',
  'situation.minutes': '{n} min',
  'situation.none': '—',
  'situation.windows': '{open} of {total}',
  'situation.visits': '{today} / {usual}',
  'situation.noUsual': 'no data',
  'situation.noOffices': 'No offices match.',
  'situation.count': { one: '{n} office shown', other: '{n} offices shown' },
  'situation.toOffice': 'Office screen',
};
