import { canonicalPath } from './canonical-path.js';

const url = (raw: string) => {
  const result = canonicalPath(raw);
  if (!result.ok) throw new Error(`refused ${raw}: ${result.reason}`);
  return result.url;
};
const refused = (raw: string) => !canonicalPath(raw).ok;

describe('canonicalPath', () => {
  it('leaves a canonical path and its query string as they are', () => {
    expect(url('/api/admin/users')).toBe('/api/admin/users');
    expect(url('/api/services?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82&page=2')).toBe(
      '/api/services?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82&page=2',
    );
    expect(url('/')).toBe('/');
  });

  it('decodes a percent-encoded letter, once or twice encoded', () => {
    expect(url('/%61pi/admin/users')).toBe('/api/admin/users');
    expect(url('/%2561pi/admin/users')).toBe('/api/admin/users');
    expect(url('/%252561pi/admin/users')).toBe('/api/admin/users');
  });

  it('drops doubled slashes, dot segments, path parameters and a trailing slash', () => {
    expect(url('//api//admin/users/')).toBe('/api/admin/users');
    expect(url('/api/./admin/users')).toBe('/api/admin/users');
    expect(url('/api/%2e/admin/users')).toBe('/api/admin/users');
    expect(url('/api/x/%2E%2E/admin/users')).toBe('/api/admin/users');
    expect(url('/api/admin/users;x')).toBe('/api/admin/users');
    expect(url('/api;jsessionid=1/admin/users')).toBe('/api/admin/users');
  });

  it('keeps a Cyrillic or reserved character of a segment, encoded once for the router', () => {
    expect(url('/api/offices/%D0%BE%D1%84%D0%B8%D1%81')).toBe('/api/offices/%D0%BE%D1%84%D0%B8%D1%81');
    expect(url('/api/offices/офис')).toBe('/api/offices/%D0%BE%D1%84%D0%B8%D1%81');
    expect(url('/api/x/a%40b')).toBe('/api/x/a%40b');
    expect(url('/api/x/100%')).toBe('/api/x/100%25');
  });

  it('refuses what cannot be brought to one form without guessing', () => {
    expect(refused('/api/services/a%2Fb')).toBe(true);
    expect(refused('/api/services/a%252Fb')).toBe(true);
    expect(refused('/api/services/a%5cb')).toBe(true);
    expect(refused('/api/services/a\\b')).toBe(true);
    expect(refused('/api/services/a%00b')).toBe(true);
    expect(refused('/api/services/a%0Ab')).toBe(true);
    expect(refused('/api/../..')).toBe(true);
    expect(url('/api/..')).toBe('/');
    expect(refused('/%2e%2e/etc/passwd')).toBe(true);
    expect(refused('/api/services/%E0%A4%A')).toBe(true);
    expect(refused('/api/%25252525252561')).toBe(true);
    expect(refused('http://evil.example/api/admin/users')).toBe(true);
    expect(refused('*')).toBe(true);
  });
});
