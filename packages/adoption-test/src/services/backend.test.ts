import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stop } from '../process/children';
import { BackendStartError, isBackendCrash, startBackend } from './backend';

describe('isBackendCrash', () => {
  it("recognises Node's crash footer and Backstage's start-up failure", () => {
    expect(isBackendCrash('Node.js v22.23.5')).toBe(true);
    expect(
      isBackendCrash(
        'Backend failed to start up Error: Plugin dataops startup failed',
      ),
    ).toBe(true);
    expect(isBackendCrash('Node.js v22 is the version in use')).toBe(false);
    expect(
      isBackendCrash(
        '{"level":"info","message":"Plugin initialization started"}',
      ),
    ).toBe(false);
  });
});

describe('startBackend', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'backend-start-'));
    mkdirSync(path.join(dir, 'packages', 'backend'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails as soon as the backend crashes, though the watcher that started it stays up', async () => {
    // Stands in for `yarn start`: prints a crash like backstage-cli's child would, then keeps running.
    const fakeYarn = path.join(dir, 'fake-yarn.js');
    writeFileSync(
      fakeYarn,
      "console.error(\"Error: Cannot find module '@lezer/lr'\");\nconsole.error('Node.js v22.23.5');\nsetInterval(() => {}, 1000);\n",
    );
    const t0 = Date.now();
    const error = await startBackend({
      appRoot: dir,
      yarn: [process.execPath, fakeYarn],
      env: process.env,
      port: 9, // nothing listens there
      logFile: path.join(dir, 'backend.log'),
      timeoutMs: 60_000,
    }).catch(e => e);
    expect(error).toBeInstanceOf(BackendStartError);
    expect(error.message).toMatch(
      /^the backend crashed before it was ready; log .*backend\.log:/,
    );
    expect(error.message).toContain("Cannot find module '@lezer/lr'");
    expect(Date.now() - t0).toBeLessThan(20_000);
    await stop(error.child);
    expect(
      error.child.exitCode !== null || error.child.signalCode !== null,
    ).toBe(true);
  });
});
