import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { LiveHub, Subscriber } from '../../db/live-hub.js';
import { createSituationStreams } from './situation.stream.js';

/** A hub with one channel in memory and a response that keeps what is written. */
function fakes() {
  const subscribers = new Set<Subscriber>();
  const hub = {
    subscribe: async (_channel: string, s: Subscriber) => {
      subscribers.add(s);
      return () => subscribers.delete(s);
    },
  } as unknown as LiveHub;
  const emit = (office: string) => {
    for (const s of subscribers) s.onEvent(JSON.stringify({ o: office, k: 'change' }));
  };
  const resync = () => {
    for (const s of subscribers) s.onResync?.();
  };
  const response = () => {
    const res = new EventEmitter() as EventEmitter & { written: string[]; writableEnded: boolean };
    res.written = [];
    res.writableEnded = false;
    Object.assign(res, {
      writeHead: () => res,
      write: (text: string) => res.written.push(text),
      end: () => {
        res.writableEnded = true;
      },
    });
    return res;
  };
  const log = { warn: () => {}, error: () => {} } as unknown as FastifyBaseLogger;
  return { hub, emit, resync, response, log, subscribers };
}

const changes = (written: string[]) =>
  written
    .filter((w) => w.startsWith('event: changed'))
    .map((w) => JSON.parse(w.split('data: ')[1]) as { offices: string[] | null });

describe('the situational center’s stream', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('sends at most one `changed` a second per screen, naming the offices changed meanwhile', async () => {
    const f = fakes();
    const streams = createSituationStreams({ hub: f.hub, log: f.log });
    const res = f.response();
    await streams.connect(res as unknown as ServerResponse, null, {});
    f.emit('a');
    f.emit('b');
    f.emit('c');
    expect(changes(res.written)).toEqual([{ offices: ['a'] }]);
    vi.advanceTimersByTime(999);
    expect(changes(res.written)).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(changes(res.written)).toEqual([{ offices: ['a'] }, { offices: ['b', 'c'] }]);
    // quiet for a while: the next change goes at once
    vi.advanceTimersByTime(5000);
    f.emit('d');
    expect(changes(res.written).at(-1)).toEqual({ offices: ['d'] });
    streams.close();
  });

  it('tells only screens whose scope holds the office; a resync tells everyone to read everything', async () => {
    const f = fakes();
    const streams = createSituationStreams({ hub: f.hub, log: f.log });
    const mine = f.response();
    const theirs = f.response();
    await streams.connect(mine as unknown as ServerResponse, new Set(['a']), {});
    await streams.connect(theirs as unknown as ServerResponse, new Set(['b']), {});
    f.emit('a');
    expect(changes(mine.written)).toEqual([{ offices: ['a'] }]);
    expect(changes(theirs.written)).toEqual([]);
    f.resync();
    vi.advanceTimersByTime(1000);
    expect(changes(mine.written).at(-1)).toEqual({ offices: null });
    expect(changes(theirs.written)).toEqual([{ offices: null }]);
    streams.close();
    expect(mine.writableEnded && theirs.writableEnded).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.subscribers.size).toBe(0);
  });

  it('keeps the stream alive with a comment, and lets go of the hub with the last screen', async () => {
    const f = fakes();
    const streams = createSituationStreams({ hub: f.hub, log: f.log, heartbeatMs: 25_000 });
    const res = f.response();
    await streams.connect(res as unknown as ServerResponse, null, {});
    vi.advanceTimersByTime(25_000);
    expect(res.written).toContain(': ping\n\n');
    expect(f.subscribers.size).toBe(1);
    res.emit('close');
    await vi.advanceTimersByTimeAsync(0);
    expect(f.subscribers.size).toBe(0);
    expect(streams.stats().clients).toBe(0);
  });
});
