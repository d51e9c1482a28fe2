/**
 * A reason of a failed attempt is stored with the message and shown in the admin: short, one line, and
 * free of personal data. A gateway's own words may quote the address ("<ivan@mail.ru>: unknown user",
 * "номер 79001234567 недоступен"), so phones and e-mail addresses in them are masked.
 */
export function safeReason(text: string, max = 160): string {
  const masked = text
    .replace(/[^\s<>"'()[\],;:]+@[^\s<>"'()[\],;:]+/g, '[address]')
    .replace(/\+?\d[\d\s()-]{8,}\d/g, '[phone]')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
  return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
}

/** Why a request never got an answer: a refused connection, a timeout, a name that does not resolve. */
export function networkReason(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') return 'timed out';
  const code = e?.cause?.code ?? e?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return 'connection lost';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timed out';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      return code ? `network error (${code})` : 'network error';
  }
}
