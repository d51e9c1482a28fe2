import type { Channel } from '../../../../shared/notifications.js';
import type { NotificationsConfig } from '../../../config.js';
import type { ChannelAdapter } from './channel.js';
import { smtpChannel } from './email.smtp.js';
import { jsonGatewayChannel } from './sms.json-gateway.js';
import { smsRuChannel } from './sms.smsru.js';

export { type DeliveryReport, DeliveryReportError, parseDeliveryReport } from './delivery-report.js';

/**
 * The channels this instance can send by. A channel without its address (SMTP_URL, SMS_GATEWAY_URL) is
 * absent: its messages stay queued until one is configured, rather than fail.
 */
export function buildChannels(config: NotificationsConfig): Partial<Record<Channel, ChannelAdapter>> {
  const built: Partial<Record<Channel, ChannelAdapter>> = {};
  if (config.smtpUrl) built.email = smtpChannel({ smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom });
  if (config.smsGatewayUrl) {
    const options = { url: config.smsGatewayUrl, token: config.smsGatewayToken, sender: config.smsSender };
    built.sms = config.smsGatewayFormat === 'smsru' ? smsRuChannel(options) : jsonGatewayChannel(options);
  }
  return built;
}

/** Closes the pooled connections of every channel (at shutdown). */
export async function closeChannels(built: Partial<Record<Channel, ChannelAdapter>>): Promise<void> {
  await Promise.all(Object.values(built).map((adapter) => adapter?.close?.()));
}
