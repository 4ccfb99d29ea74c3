// Bundles the extension (Node) and its webview apps (browser) into dist/. The emulator and tests are never part of it.
import { copyFileSync, mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const shared = { bundle: true, minify: !watch, sourcemap: watch ? 'inline' : false, metafile: true, logLevel: 'info' };

const extension = {
  ...shared,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
};

// One bundle (and stylesheet) per webview app, named as the app in src/webviews/protocol.ts.
const webviews = {
  ...shared,
  entryPoints: ['webview/createNotebook.ts', 'webview/createTrainingJob.ts', 'webview/createPool.ts', 'webview/createDevServer.ts', 'webview/createServiceV1.ts', 'webview/createServiceV2.ts', 'webview/details.ts', 'webview/workspaceForm.ts', 'webview/tableDocument.ts'],
  outdir: 'dist/webview',
  platform: 'browser',
  target: 'chrome120',
  format: 'iife',
};

// The codicon font the webviews' icons use; VS Code serves it from the extension like the bundles.
mkdirSync('dist/webview', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) {
  copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/webview/${file}`);
}

if (watch) {
  await Promise.all([extension, webviews].map(async (options) => (await esbuild.context(options)).watch()));
} else {
  const results = await Promise.all([esbuild.build(extension), esbuild.build(webviews)]);
  for (const result of results) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      console.log(`${file}: ${(output.bytes / 1024).toFixed(0)} KiB`);
    }
  }
}
