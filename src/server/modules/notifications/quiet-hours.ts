// TEMPORARY STUB — replaced by the templates branch.
import type { Channel, NotificationEvent } from '../../../shared/notifications.js';
export function sendNotBefore(
  now: Date,
  _channel: Channel,
  _event: NotificationEvent,
  _timeZone: string,
): Date {
  return now;
}
