// Bundles the extension (Node) and its webview apps (browser) into dist/. The emulator and tests are never part of it.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const shared = { bundle: true, minify: !watch, sourcemap: watch ? 'inline' : false, metafile: true, logLevel: 'info' };

// Packages that only some sessions need, each in its own file under dist/vendor/, required on first use: VS Code
// loads the extension as CommonJS, so code loaded later must be a file of its own. Both SDKs log through log4js,
// which therefore has a file of its own too, the one copy they share.
// https-proxy-agent (with agent-base) and debug, which the extension and more than one SDK use, are files of their
// own for the same reason: one copy each.
const vendorChunks = {
  log4js: 'log4js',
  '@huaweicloud/huaweicloud-sdk-core': 'sdk-core',
  'esdk-obs-nodejs': 'obs',
  'https-proxy-agent': 'https-proxy-agent',
  debug: 'debug',
};
const vendorImport = new RegExp(`^(${Object.keys(vendorChunks).join('|')})(/|$)`);

/**
 * The extension needs https-proxy-agent only for a proxied OBS client: it imports a forwarder that requires
 * dist/vendor/https-proxy-agent.js at that first use, so activation loads no vendor file.
 */
const lazyProxyAgent = {
  name: 'lazy-proxy-agent',
  setup(build) {
    build.onResolve({ filter: /^https-proxy-agent$/ }, () => ({ path: `${process.cwd()}/scripts/standIns/httpsProxyAgent.cjs` }));
    build.onResolve({ filter: /^\.\/vendor\// }, ({ path }) => ({ path, external: true }));
  },
};

/**
 * Packages of the SDKs that nothing of ours reaches, replaced in the vendor files by a stand-in that throws if it
 * ever is (each stand-in says why it is safe, and what to do if that changes).
 */
const standIns = {
  name: 'stand-ins',
  setup(build) {
    const files = { 'mime-types': 'mimeTypes.cjs', streamroller: 'streamroller.cjs' };
    build.onResolve({ filter: /^(mime-types|streamroller)$/ }, ({ path }) => ({ path: `${process.cwd()}/scripts/standIns/${files[path]}` }));
  },
};

/** Resolves an import of a vendor package, other than the chunk's own, to that package's file in dist/vendor/. */
function vendorExternals(ownChunk, folder) {
  return {
    name: 'vendor-externals',
    setup(build) {
      build.onResolve({ filter: vendorImport }, ({ path }) => {
        const chunk = vendorChunks[vendorImport.exec(path)[1]];
        return chunk === ownChunk ? undefined : { path: `${folder}${chunk}.js`, external: true };
      });
    },
  };
}

/**
 * `import * as vscode from 'vscode'` of the external CommonJS module makes each importing module copy the whole API
 * object (hundreds of getters, esbuild's __toESM) as it loads: about 150 modules, tens of milliseconds of activation.
 * Instead they import one ES module that re-exports the API's runtime names (read from @types/vscode), so the bundle
 * refers to those bindings directly and nothing is copied.
 */
const vscodeBindings = {
  name: 'vscode-bindings',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, ({ namespace }) => (namespace === 'vscode-bindings' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-bindings' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-bindings' }, () => {
      const declarations = readFileSync('node_modules/@types/vscode/index.d.ts', 'utf8');
      const names = new Set([...declarations.matchAll(/^\texport (?:namespace|class|enum|const|let|function) (\w+)/gm)].map((match) => match[1]));
      const exports = [...names].map((name) => `export const ${name} = api.${name};`);
      return { contents: ["const api = require('vscode');", ...exports].join('\n'), loader: 'js' };
    });
  },
};

const node = { ...shared, platform: 'node', target: 'node20', format: 'cjs' };

/**
 * The extension is split: what activation needs is dist/extension.js and the chunks it requires, and each part
 * reached by `await import()` (a command group, a webview host, the chat tools…) is a chunk required at its first
 * use. esbuild splits ES modules only, so the build splits as ESM, one copy of each module, and each output is then
 * turned into CommonJS, as VS Code loads the extension: an import of a chunk becomes its `require`.
 */
const extension = {
  ...node,
  format: 'esm',
  splitting: true,
  entryPoints: { extension: 'src/extension.ts' },
  outdir: 'dist',
  chunkNames: '[name]-[hash]',
  write: false,
  external: ['vscode'],
  plugins: [vscodeBindings, lazyProxyAgent, vendorExternals(undefined, './vendor/'), commonJsOutputs()],
};

/** Writes each ES module output as CommonJS, and its size into the metafile, as the extension build's last step. */
function commonJsOutputs() {
  return {
    name: 'commonjs-outputs',
    setup(build) {
      build.onEnd(async (result) => {
        for (const file of result.outputFiles ?? []) {
          const { code } = await esbuild.transform(file.text, { format: 'cjs', platform: 'node', target: 'node20', minify: !watch, supported: { 'dynamic-import': false } });
          mkdirSync(dirname(file.path), { recursive: true });
          writeFileSync(file.path, code);
          const output = result.metafile?.outputs[relative(process.cwd(), file.path)];
          if (output) {
            output.bytes = Buffer.byteLength(code);
          }
        }
      });
    },
  };
}

// What each vendor file exports: the parts of its package the extension imports.
const vendorExports = {
  log4js: "module.exports = require('log4js');",
  'sdk-core': [
    "const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');",
    "const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials');",
    'module.exports = { ClientBuilder, BasicCredentials };',
  ].join('\n'),
  obs: "module.exports = require('esdk-obs-nodejs');",
  'https-proxy-agent': "module.exports = require('https-proxy-agent');",
  debug: "module.exports = require('debug');",
};
const vendors = Object.entries(vendorExports).map(([chunk, contents]) => ({
  ...node,
  stdin: { contents, resolveDir: '.', sourcefile: `vendor-${chunk}.js` },
  outfile: `dist/vendor/${chunk}.js`,
  plugins: [standIns, vendorExternals(chunk, './')],
}));

// One ES module (and stylesheet) per webview app, named as the app in src/webviews/protocol.ts. What several apps
// import (lit, @vscode-elements, our form parts) is split into chunks/ they share, so each exists once; the host
// loads the app with <script type="module">, and the app's nonce admits the chunks it imports.
const webviews = {
  ...shared,
  entryPoints: ['webview/createNotebook.ts', 'webview/createTrainingJob.ts', 'webview/createPool.ts', 'webview/createDevServer.ts', 'webview/createServiceV1.ts', 'webview/createServiceV2.ts', 'webview/details.ts', 'webview/workspaceForm.ts', 'webview/tableDocument.ts'],
  outdir: 'dist/webview',
  platform: 'browser',
  target: 'chrome120',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
};

// dist/ holds this build's files only: chunks of an earlier build would be packaged and counted too.
rmSync('dist', { recursive: true, force: true });
// The codicon font the webviews' icons use; VS Code serves it from the extension like the bundles.
mkdirSync('dist/webview', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) {
  copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/webview/${file}`);
}
// Node reads the nearest package.json of each module it loads, for its module type: without this one it parses the
// extension's manifest, menus and tool schemas included, at every start.
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');

if (watch) {
  await Promise.all([extension, ...vendors, webviews].map(async (options) => (await esbuild.context(options)).watch()));
} else {
  const results = await Promise.all([extension, ...vendors, webviews].map((options) => esbuild.build(options)));
  reportSizes(results.map((result) => result.metafile));
}

/** Prints each output's size and dist/'s total, and keeps the builds' metafiles for bench/bundleBench.ts. */
function reportSizes(metafiles) {
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  for (const [file, output] of metafiles.flatMap((metafile) => Object.entries(metafile.outputs))) {
    console.log(`${file}: ${kib(output.bytes)}`);
  }
  const files = readdirSync('dist', { recursive: true }).map((file) => statSync(`dist/${file}`)).filter((file) => file.isFile());
  const total = files.reduce((sum, file) => sum + file.size, 0);
  console.log(`dist/ in total: ${kib(total)}`);
  mkdirSync('out', { recursive: true });
  writeFileSync('out/metafiles.json', JSON.stringify(metafiles));
}
