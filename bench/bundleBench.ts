/**
 * What the extension weighs: the eagerly loaded bundle, each file loaded on first use, the webview scripts, dist/ in
 * total and the .vsix, and whether a package is bundled twice, read from the metafiles `npm run build` keeps in
 * out/metafiles.json. Needs `npm run build` first; runs alone too: `node out/bench/bundleBench.js [repository]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { benchRow, printRows } from './rows';

const KIB = 1024;
const EAGER_BUNDLE = 'dist/extension.js';
/** The packages the issue names, each counted as one: lit ships as four. */
const PACKAGES: Readonly<Record<string, readonly string[]>> = {
  log4js: ['log4js'],
  lit: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'],
};

/** The part of esbuild's metafile this reads. */
interface Metafile {
  readonly outputs: Readonly<
    Record<string, { readonly bytes: number; readonly inputs: Readonly<Record<string, { readonly bytesInOutput: number }>>; readonly imports?: readonly { readonly path: string; readonly kind: string }[] }>
  >;
}

/** dist/extension.js and the chunks it requires as it loads (static imports, followed): what activation loads. */
export function eagerFiles(metafiles: readonly Metafile[]): string[] {
  const outputs = Object.assign({}, ...metafiles.map((metafile) => metafile.outputs)) as Metafile['outputs'];
  const eager = new Set<string>();
  const visit = (file: string): void => {
    if (!eager.has(file) && outputs[file]) {
      eager.add(file);
      (outputs[file].imports ?? []).filter((imported) => imported.kind === 'import-statement').forEach((imported) => visit(imported.path));
    }
  };
  visit(EAGER_BUNDLE);
  return [...eager];
}

/** The inputs an output holds code of: a stylesheet a script imports is listed in the script's output with 0 bytes. */
function inputsHeld(output: Metafile['outputs'][string]): string[] {
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
}

const kib = (bytes: number): string => `${(bytes / KIB).toFixed(0)} KiB`;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(folder, file))
    .filter((file) => statSync(file).isFile());
}

/** The package an input belongs to and the module's path inside it, e.g. `lit-html` and `directives/repeat.js`. */
function packageModule(input: string): { readonly name: string; readonly module: string } | undefined {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input);
  return match ? { name: match[1], module: match[2] } : undefined;
}

/**
 * How many copies of the package the outputs hold (the most outputs, or installed versions, any one of its modules
 * is in) and how many output files hold any of it.
 */
export function packageCopies(metafiles: readonly Metafile[], names: readonly string[]): { copies: number; files: number } {
  const outputsOf = new Map<string, number>();
  let files = 0;
  for (const output of metafiles.flatMap((metafile) => Object.values(metafile.outputs))) {
    const modules = inputsHeld(output)
      .map(packageModule)
      .filter((found): found is { name: string; module: string } => found !== undefined && names.includes(found.name));
    files += modules.length > 0 ? 1 : 0;
    for (const found of modules) {
      const key = `${found.name}/${found.module}`;
      outputsOf.set(key, (outputsOf.get(key) ?? 0) + 1);
    }
  }
  return { copies: Math.max(0, ...outputsOf.values()), files };
}

/** Every package some module of which is in more than one output, with its copies: none, when nothing is bundled twice. */
export function packagesBundledTwice(metafiles: readonly Metafile[]): string[] {
  const names = new Set<string>();
  for (const output of metafiles.flatMap((metafile) => Object.values(metafile.outputs))) {
    for (const input of inputsHeld(output)) {
      const found = packageModule(input);
      if (found) {
        names.add(found.name);
      }
    }
  }
  return [...names]
    .sort()
    .map((name) => ({ name, ...packageCopies(metafiles, [name]) }))
    .filter(({ copies }) => copies > 1)
    .map(({ name, copies, files }) => `${name} ×${copies} (in ${files} files)`);
}

/** Packages the extension the way `npm run package` does, into a scratch folder, and measures the file. */
function vsixBytes(root: string): number {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bundle-bench-'));
  try {
    const vsix = path.join(scratch, 'extension.vsix');
    execFileSync(path.join(root, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--out', vsix], { cwd: root, stdio: 'pipe' });
    return statSync(vsix).size;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function bundleRows(root = path.join(__dirname, '..', '..')): Promise<string[]> {
  const dist = path.join(root, 'dist');
  const relative = (file: string): string => path.relative(root, file);
  const files = filesUnder(dist);
  const sizeOf = (file: string): number => statSync(file).size;
  const metafiles = JSON.parse(readFileSync(path.join(root, 'out/metafiles.json'), 'utf8')) as Metafile[];
  const eager = eagerFiles(metafiles);
  const lazy = files.filter((file) => file.endsWith('.js') && !file.includes(`${path.sep}webview${path.sep}`) && !eager.includes(relative(file)));
  const vendorFiles = lazy.filter((file) => file.includes(`${path.sep}vendor${path.sep}`));
  const lazyChunks = lazy.filter((file) => !vendorFiles.includes(file));
  const webviewScripts = files.filter((file) => file.endsWith('.js') && file.includes(`${path.sep}webview${path.sep}`));
  const sum = (some: readonly string[]): number => some.reduce((total, file) => total + sizeOf(file), 0);

  const rows = [
    benchRow(`eager bundle (${EAGER_BUNDLE} and ${eager.length - 1} chunks it requires)`, kib(sum(eager.map((file) => path.join(root, file)))), 'target ≤ 1024 KiB'),
    benchRow(`  loaded on first use: ${lazyChunks.length} chunks of commands, panels, chat…`, kib(sum(lazyChunks)), ''),
    ...vendorFiles.map((file) => benchRow(`  loaded on first use: ${relative(file)}`, kib(sizeOf(file)), '')),
    benchRow(`webview scripts (${webviewScripts.length} files)`, kib(sum(webviewScripts)), ''),
    benchRow('dist/ in total', kib(sum(files)), 'target ≤ 1536 KiB'),
    benchRow('.vsix', kib(vsixBytes(root)), 'target ≤ 1536 KiB'),
  ];
  for (const [name, names] of Object.entries(PACKAGES)) {
    const { copies, files: holding } = packageCopies(metafiles, names);
    rows.push(benchRow(`bundled copies of ${name}`, `${copies} (in ${holding} output files)`, 'target 1'));
  }
  const twice = packagesBundledTwice(metafiles);
  rows.push(benchRow('packages bundled more than once', twice.length === 0 ? 'none' : twice.join(', '), 'target none'));
  return rows;
}

if (require.main === module) {
  printRows(() => bundleRows(process.argv[2] ? path.resolve(process.argv[2]) : undefined));
}
