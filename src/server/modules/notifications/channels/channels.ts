// TEMPORARY STUB — replaced by the channels branch.

import type { Channel } from '../../../../shared/notifications.js';
import type { Config } from '../../../config.js';
import type { ChannelAdapter } from './channel.js';
export function buildChannels(_config: Config['notifications']): Partial<Record<Channel, ChannelAdapter>> {
  return {};
}
export function parseDeliveryReport(
  _format: 'json' | 'smsru',
  _body: unknown,
): { providerId: string; status: 'delivered' | 'failed'; reason?: string }[] | null {
  return null;
}
