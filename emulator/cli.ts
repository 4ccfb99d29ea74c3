/**
 * `node out/emulator/cli.js [--port N] [--latency MS] [--scale [N]] [--transition-ms MS] [--empty]`
 * Starts the emulator and prints what a person needs to point VS Code at it.
 */
import { PROJECT_REGIONS } from './accounts';
import { endpointOverridesFor, type EmulatorOptions, startEmulator } from './server';

const DEFAULT_SCALE = 10_000;
const USAGE = 'usage: node out/emulator/cli.js [--port N] [--latency MS] [--scale [N]] [--transition-ms MS] [--empty]';

function parseArgs(args: readonly string[]): EmulatorOptions {
  const options: EmulatorOptions = {};
  const numberAfter = (index: number, flag: string): number => {
    const value = Number(args[index + 1]);
    if (args[index + 1] === undefined || !Number.isInteger(value) || value < 0) {
      throw new Error(`${flag} needs a non-negative integer\n${USAGE}`);
    }
    return value;
  };
  for (let i = 0; i < args.length; i++) {
    switch (args[i]) {
      case '--port':
        options.port = numberAfter(i++, '--port');
        break;
      case '--latency':
        options.latencyMs = numberAfter(i++, '--latency');
        break;
      case '--transition-ms':
        options.transitionMs = numberAfter(i++, '--transition-ms');
        break;
      case '--scale':
        options.scaleTrainingJobs = /^\d+$/.test(args[i + 1] ?? '') ? numberAfter(i++, '--scale') : DEFAULT_SCALE;
        break;
      case '--empty':
        options.seed = 'empty';
        break;
      default:
        throw new Error(`unknown argument ${args[i]}\n${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator(options);
  const overrides = endpointOverridesFor(emulator.url);
  const lines = [
    `ModelArts emulator listening on ${emulator.url}`,
    `  Demo access key (AK): ${emulator.demo.ak}`,
    `  Demo secret key (SK): ${emulator.demo.sk}`,
    `  Regions with a project: ${PROJECT_REGIONS.join(', ')}`,
  ];
  if (options.scaleTrainingJobs) {
    lines.push(`  Scale mode: ${options.scaleTrainingJobs} extra training jobs in cn-north-4`);
  }
  lines.push(
    '',
    'VS Code setting (settings.json):',
    `"modelarts.endpointOverrides": ${JSON.stringify(overrides, null, 2)}`,
    '',
    'Control API: see emulator/README.md. Press Ctrl+C to stop.',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
