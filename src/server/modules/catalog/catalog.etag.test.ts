import { catalogBody, etagOf, ifNoneMatchHits } from './catalog.etag.js';

describe('catalog ETags', () => {
  it('gives the same strong tag for the same body and another for any change', () => {
    expect(etagOf('{"items":[]}')).toBe(etagOf('{"items":[]}'));
    expect(etagOf('{"items":[]}')).not.toBe(etagOf('{"items":[1]}'));
    expect(etagOf('x')).toMatch(/^"[\w-]{32}"$/);
    expect(catalogBody('{"a":"ж"}')).toEqual({
      body: Buffer.from('{"a":"ж"}'),
      etag: etagOf('{"a":"ж"}'),
    });
  });

  it('matches If-None-Match against a list, weak tags and *', () => {
    const tag = etagOf('body');
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
    expect(ifNoneMatchHits('', tag)).toBe(false);
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits(['"a"', tag], tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(tag.slice(0, -2), tag)).toBe(false);
  });
});
