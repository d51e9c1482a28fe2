import { eventIdOf, parseQueueNotice } from './board.stream.js';

describe('the board stream reads', () => {
  it('the queue notices the services publish, and nothing else', () => {
    expect(parseQueueNotice('{"o":"lip-1","k":"call","s":17}')).toEqual({ o: 'lip-1', k: 'call', s: 17 });
    expect(parseQueueNotice('{"o":"lip-1","k":"change"}')).toEqual({ o: 'lip-1', k: 'change', s: undefined });
    expect(parseQueueNotice('{"o":"lip-1","k":"other"}')).toBeNull();
    expect(parseQueueNotice('{"k":"call"}')).toBeNull();
    expect(parseQueueNotice('null')).toBeNull();
    expect(parseQueueNotice('not json')).toBeNull();
  });

  it('a Last-Event-ID or `after` as a whole non-negative number only', () => {
    expect(eventIdOf('42')).toBe(42);
    expect(eventIdOf(' 7 ')).toBe(7);
    expect(eventIdOf('0')).toBe(0);
    for (const bad of ['-1', '1.5', 'abc', '', '1e3', '9'.repeat(16), undefined, ['1']])
      expect(eventIdOf(bad)).toBeUndefined();
  });
});
