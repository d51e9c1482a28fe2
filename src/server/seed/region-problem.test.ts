import { formatProblem, pathOf, RegionDataError } from './region-problem.js';

describe('formatProblem', () => {
  it('names the file, the index and field, and the item on one line', () => {
    const line = formatProblem({
      severity: 'error',
      file: 'regions/x/offices/main.json',
      at: '3.windows.0.services.1',
      item: 'office lip-center',
      message: 'unknown service "ghost"',
    });
    expect(line).toBe(
      'regions/x/offices/main.json at 3.windows.0.services.1 (office lip-center): unknown service "ghost"',
    );
  });

  it('says (root) for the whole content of a file, nothing for the file itself, and marks warnings', () => {
    expect(
      formatProblem({ severity: 'error', file: 'a.json', at: '', message: 'must hold a JSON array' }),
    ).toBe('a.json at (root): must hold a JSON array');
    expect(formatProblem({ severity: 'warning', file: 'a.json', message: 'large' })).toBe(
      'warning: a.json: large',
    );
  });
});

describe('pathOf', () => {
  it('joins the index and the field path; region.json has no index', () => {
    expect(pathOf(2, ['hours', 0, 'closes'])).toBe('2.hours.0.closes');
    expect(pathOf(0, 'agency')).toBe('0.agency');
    expect(pathOf(undefined, ['timeZone'])).toBe('timeZone');
    expect(pathOf(4, undefined)).toBe('4');
  });
});

describe('RegionDataError', () => {
  it('carries one line per problem as its message', () => {
    const err = new RegionDataError([
      { severity: 'error', file: 'a.json', message: 'one' },
      { severity: 'error', file: 'b.json', at: '0.code', message: 'two' },
    ]);
    expect(err.message).toBe('a.json: one\nb.json at 0.code: two');
    expect(err.problems).toHaveLength(2);
  });
});
