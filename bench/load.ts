import autocannon from 'autocannon';

export type LoadResult = {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
};

/** Drives `paths` (cycled) at `connections` for `seconds` and reports throughput and latency. */
export async function load(
  name: string,
  baseUrl: string,
  paths: string[],
  options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections ?? 16,
    duration: options.seconds ?? 10,
    headers: options.headers,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    name,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** What a citizen types into the search box: words, word forms, aliases, typos, prefixes. */
export const searchQueries = [
  'паспорт',
  'загранпаспорт',
  'прописка',
  'регистрация по месту жительства',
  'выписка из егрн',
  'снилс',
  'инн',
  'материнский капитал',
  'пасспорт',
  'кадастровый учет',
  'водительское удостоверение',
  'разрешение на строительство',
  'земельный участок',
  'архивная справка',
  'субсидия жкх',
  'загранп',
].map((q) => `/api/services?q=${encodeURIComponent(q)}&limit=20`);
