import { summarizeUserAgent } from './user-agent.js';

describe('summarizeUserAgent', () => {
  it('names Chrome and Linux from a desktop Chrome string', () => {
    const ua =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
    expect(summarizeUserAgent(ua)).toEqual({ browser: 'Chrome 156', os: 'Linux' });
  });

  it('tells Edge from the Chrome it also claims to be', () => {
    const ua =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.68';
    expect(summarizeUserAgent(ua)).toEqual({ browser: 'Edge 130', os: 'Windows' });
  });

  it('names Safari on an iPhone by its version, not by WebKit', () => {
    const ua =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    expect(summarizeUserAgent(ua)).toEqual({ browser: 'Safari 17', os: 'iOS 17' });
  });

  it('names Android before the Linux it runs on, and Firefox', () => {
    const ua = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';
    expect(summarizeUserAgent(ua)).toEqual({ browser: 'Firefox 128', os: 'Android 14' });
  });

  it('says nothing it cannot tell', () => {
    expect(summarizeUserAgent('something/1.0')).toEqual({ browser: null, os: null });
  });
});
