import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ExtensionUnderTest, label } from './harness';

/** The extension's files under dist/vendor/ that the extension host has loaded (its module cache is the evidence). */
function loadedVendorFiles(): string[] {
  const extension = vscode.extensions.getExtension('modelarts-community.modelarts-explorer');
  assert.ok(extension, 'the extension is installed');
  const vendor = join(extension.extensionPath, 'dist', 'vendor');
  return Object.keys(require.cache)
    .filter((file) => file.startsWith(vendor))
    .map((file) => file.slice(vendor.length + 1))
    .sort();
}

// Runs first in the extension host (test/integration/index.ts): no other suite may have sent a request before it.
describe('Lazy loading: the SDKs load at their first use, not at activation', () => {
  let under: ExtensionUnderTest;

  before(async () => {
    under = await ExtensionUnderTest.start({});
  });

  after(() => under.stop());

  it('loads the signing SDK at the first request, the OBS SDK at the first OBS call, and log4js once for both', async () => {
    assert.deepEqual(loadedVendorFiles(), [], 'after activation, before any request, no SDK is loaded');

    await under.signInWithDemoKey();
    const notebooks = await under.explorer.getChildren(await under.category('Notebooks'));
    assert.ok(notebooks.length > 0, 'the notebooks are listed');
    // debug and https-proxy-agent are files of their own, shared by the signing SDK, log4js and the OBS client.
    assert.deepEqual(loadedVendorFiles(), ['debug.js', 'https-proxy-agent.js', 'log4js.js', 'sdk-core.js'], 'signed in and a list shown: the signing SDK, and not the OBS SDK');

    const buckets = await under.explorer.getChildren(await under.regionCategory('OBS Buckets'));
    assert.ok(buckets.some((bucket) => label(bucket) !== ''), 'the buckets are listed');
    assert.deepEqual(loadedVendorFiles(), ['debug.js', 'https-proxy-agent.js', 'log4js.js', 'obs.js', 'sdk-core.js'], 'the first OBS call loaded the OBS SDK, and no second log4js');
  });
});
