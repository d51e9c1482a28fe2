import { requiredMajor, unsupportedNode } from '../../bin/node-version.js';

describe('the Node.js okno runs on', () => {
  it('is Node.js 24 LTS or newer here: the suite itself runs on it', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
    expect(unsupportedNode()).toBeNull();
  });

  it('refuses Node.js 20 and 22 with one line naming the version and the fix', () => {
    for (const version of ['20.20.2', '22.12.0']) {
      const message = unsupportedNode(version);
      expect(message).toContain(`this is Node.js ${version}`);
      expect(message).toContain(`needs Node.js ${requiredMajor} or newer`);
      expect(message).toContain('npm install');
      expect(message).not.toContain('\n');
    }
  });

  it('accepts Node.js 24 and later', () => {
    expect(unsupportedNode('24.0.0')).toBeNull();
    expect(unsupportedNode('26.1.0')).toBeNull();
  });
});
