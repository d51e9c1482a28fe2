import type { ChannelAdapter, OutgoingMessage, SendResult } from './channel.js';
import { networkReason, safeReason } from './reason.js';

export type JsonGatewayOptions = {
  /** The gateway's address: okno posts each message to it as is. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** The sender name (alpha name) the gateway shows, when it lets us choose. */
  sender?: string;
  timeoutMs?: number;
};

/**
 * okno's generic SMS gateway format, for a gateway of the operator's own or an adapter in front of any
 * provider: `POST <url>` with `{ id, to, text, sender? }`, answered by a 2xx with `{ id? }` (the gateway's id
 * of the message, used by its delivery reports; ours when it returns none). Our id lets the gateway drop a
 * repeat of a message it already took.
 */
export function jsonGatewayChannel(options: JsonGatewayOptions): ChannelAdapter {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    channel: 'sms',
    name: 'sms-json',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const body: Record<string, string> = { id: message.id, to: message.to, text: message.text };
      if (options.sender) body.sender = options.sender;
      let response: Response;
      let text: string;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (err) {
        return { outcome: 'retry', reason: `SMS gateway: ${networkReason(err)}` };
      }
      return jsonGatewayResult(response.status, text, message.id);
    },
  };
}

/**
 * A gateway's answer as the outcome of the attempt: 2xx sent; 408 (it timed out), 429 (too many requests)
 * and 5xx are retried; any other 4xx refuses this message (400 malformed, 404 unknown number, 422 invalid
 * number) and is permanent, with the gateway's `error` or `message` as the reason.
 */
export function jsonGatewayResult(status: number, body: string, ourId: string): SendResult {
  const parsed = parseJson(body);
  if (status >= 200 && status < 300) {
    const id = parsed?.id;
    return { outcome: 'sent', providerId: typeof id === 'string' && id ? id : ourId };
  }
  const said = typeof parsed?.error === 'string' ? parsed.error : parsed?.message;
  const reason =
    typeof said === 'string' && said.trim() ? `HTTP ${status}: ${safeReason(said)}` : `HTTP ${status}`;
  if (status === 408 || status === 429 || status >= 500 || status < 400) {
    return { outcome: 'retry', reason: `SMS gateway ${reason}` };
  }
  return { outcome: 'permanent', reason: `SMS gateway ${reason}` };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
