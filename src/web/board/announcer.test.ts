import { callAnnouncement, createAnnouncer } from './announcer.js';

describe('the board announcer', () => {
  it('speaks calls one after another: the next starts only when the previous has ended', async () => {
    const events: string[] = [];
    const endings: (() => void)[] = [];
    const announcer = createAnnouncer(
      (a) =>
        new Promise<void>((resolve) => {
          events.push(`start ${a.text}`);
          endings.push(() => {
            events.push(`end ${a.text}`);
            resolve();
          });
        }),
    );
    announcer.enqueue(callAnnouncement('А-017', 5));
    announcer.enqueue(callAnnouncement('Б-002', 12));
    await Promise.resolve();
    expect(events).toEqual(['start Талон А семнадцать, окно пять']);
    endings[0]?.();
    await new Promise((r) => setTimeout(r, 0));
    endings[1]?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual([
      'start Талон А семнадцать, окно пять',
      'end Талон А семнадцать, окно пять',
      'start Талон Б два, окно двенадцать',
      'end Талон Б два, окно двенадцать',
    ]);
    expect(announcer.log.ended).toEqual(announcer.log.queued);
  });

  it('goes on to the next call when one announcement fails', async () => {
    let n = 0;
    const announcer = createAnnouncer(async () => {
      n++;
      if (n === 1) throw new Error('no audio');
    });
    announcer.enqueue(callAnnouncement('А-001', 1));
    announcer.enqueue(callAnnouncement('А-002', 2));
    await new Promise((r) => setTimeout(r, 0));
    expect(announcer.log.ended).toHaveLength(2);
  });

  it('gives the clips of a call word by word', () => {
    expect(callAnnouncement('А-017', 5).words).toEqual(['талон', 'а', 'семнадцать', 'окно', 'пять']);
  });
});
