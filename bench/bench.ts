/**
 * `npm run bench`: every performance figure beside its target: the tree at scale, OBS transfer overhead,
 * activation, bundle sizes, log following, and an hour of polling in VS Code (bench/soak.ts). Prints numbers;
 * asserts nothing. The steps run one after another, so no two VS Code windows compete for the machine.
 */
import { activationRows } from './activationBench';
import { bundleRows } from './bundleBench';
import { logFollowRows } from './logBench';
import { obsThroughputRows } from './obsBench';
import { scaleRows } from './scaleBench';
import { soakRows } from './soak';

async function main(): Promise<void> {
  for (const rows of [scaleRows, obsThroughputRows, activationRows, bundleRows, logFollowRows, soakRows]) {
    for (const line of await rows()) {
      console.log(line);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
