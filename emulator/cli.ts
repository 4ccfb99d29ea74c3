/**
 * `node out/emulator/cli.js [--port N] [--latency MS] [--scale] [--scale-jobs N] [--transition-ms MS] [--empty]`
 * Starts the emulator and prints what a person needs to point VS Code at it.
 */
import { PROJECT_REGIONS } from './accounts';
import { SCALE, SCALE_OBS_BUCKET, SCALE_OBS_FOLDER, SCALE_REGION } from './seedScale';
import { endpointOverridesFor, type EmulatorOptions, startEmulator } from './server';

const USAGE = 'usage: node out/emulator/cli.js [--port N] [--latency MS] [--scale] [--scale-jobs N] [--transition-ms MS] [--empty]';

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
        options.scale = true;
        break;
      case '--scale-jobs':
        options.scaleTrainingJobs = numberAfter(i++, '--scale-jobs');
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
  if (options.scale) {
    const counts = `${SCALE.trainingJobs} training jobs, ${SCALE.notebooks} notebooks, ${SCALE.poolNodes} pool nodes, ${SCALE.liteServers} Lite Servers`;
    lines.push(`  Scale mode (${SCALE_REGION}): ${counts}, ${SCALE.obsObjects} objects in obs://${SCALE_OBS_BUCKET}/${SCALE_OBS_FOLDER}`);
  }
  if (options.scaleTrainingJobs) {
    lines.push(`  ${options.scaleTrainingJobs} extra training jobs in cn-north-4`);
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
