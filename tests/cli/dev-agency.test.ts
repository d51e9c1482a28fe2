import { runOkno } from './run-okno.js';

describe('okno dev agency', { timeout: 120_000 }, () => {
  it('refuses a failure rate outside 0..1 and names the option', async () => {
    const r = await runOkno(['dev', 'agency', '--failure-rate', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--failure-rate: a share from 0 to 1');
  });

  it('stops okno on an agency gateway that is not an http address and names the variable', async () => {
    const r = await runOkno(['migrate'], { AGENCY_GATEWAY_URL: 'ftp://agency.example' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('AGENCY_GATEWAY_URL');
  });

  it('lists the command in the usage', async () => {
    const r = await runOkno(['--help']);
    expect(r.stdout).toContain('dev agency [--port 2527]');
  });
});
