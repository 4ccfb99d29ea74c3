// Runs the UI steps (test/ui/steps.ts) the way a person would: the packaged extension installed into a fresh
// code-server, pointed at an in-process emulator but not signed in, driven through Debian's chromium.
// Saves a numbered screenshot per step into test-results/ui/; exits non-zero when a step fails.
// Needs `npx tsc -p .` and scripts/vscode/install-tools.sh first; it packages the extension itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../../emulator/server';
import {
  createScratch,
  emulatorSettings,
  installExtension,
  packageExtension,
  startCodeServer,
  withoutCredentials,
  workbenchUrl,
  writeUserSettings,
} from '../vscode-host/codeServer';
import { launchChromium } from '../vscode-host/playwright';
import { Cleanup } from '../vscode-host/processes';
import { repoRoot } from '../vscode-host/runOptions';
import { extensionPackage, missingTools } from '../vscode-host/tools';
import { activitySteps } from './activitySteps';
import { companionSteps } from './companionSteps';
import { costGuardSteps } from './costGuardSteps';
import { freshStateSteps } from './freshStateSteps';
import { liteServerCreateSteps } from './liteServerCreateSteps';
import { liteServerSteps } from './liteServerSteps';
import { obsDropSteps } from './obsDropSteps';
import { obsFileSteps } from './obsFileSteps';
import { obsSteps } from './obsSteps';
import { panelSteps } from './panelSteps';
import { poolSteps } from './poolSteps';
import { previewSteps } from './previewSteps';
import { priceSteps } from './priceSteps';
import { profileSteps } from './profileSteps';
import { reasonSteps } from './reasonSteps';
import { runOnModelArtsSteps } from './runOnModelArtsSteps';
import { serviceV1Steps } from './serviceV1Steps';
import { serviceV2Steps } from './serviceV2Steps';
import { type StepContext, steps as firstSteps } from './steps';
import { trainingChartsSteps } from './trainingChartsSteps';
import { treeLayoutSteps } from './treeLayoutSteps';
import { walkthroughSteps } from './walkthroughSteps';
import { WebviewPanel } from './webviewPanel';
import { workspaceSteps } from './workspaceSteps';
import { NotSeen, Workbench } from './workbench';
import { zhCnSteps } from './zhCnSteps';

const screenshotsFolder = path.join(repoRoot, 'test-results/ui');
const allSteps = [...firstSteps, ...freshStateSteps, ...panelSteps, ...priceSteps, ...reasonSteps, ...trainingChartsSteps, ...poolSteps, ...liteServerSteps, ...liteServerCreateSteps, ...companionSteps, ...serviceV1Steps, ...serviceV2Steps, ...workspaceSteps, ...obsSteps, ...obsDropSteps, ...runOnModelArtsSteps, ...walkthroughSteps, ...treeLayoutSteps, ...profileSteps, ...costGuardSteps, ...obsFileSteps, ...previewSteps, ...activitySteps, ...zhCnSteps];
/**
 * MODELARTS_UI_STEPS=slug,slug runs only those steps, after opening the view and signing in (every later step needs
 * both): a quicker loop while working on a few steps. Steps that build on other steps must be named with them.
 */
const chosenSlugs = process.env.MODELARTS_UI_STEPS?.split(',').map((slug) => slug.trim()).filter(Boolean);
const steps = chosenSlugs ? allSteps.filter((step, index) => index < 2 || chosenSlugs.includes(step.slug)) : allSteps;
const viewport = { width: 1280, height: 800 };
/** Long enough to see Stopping in the tree, short enough not to wait long for Stopped. */
const emulatorTransitionMs = 1500;
const overallTimeoutMs = 15 * 60_000;
/** How long one wait for something on screen may take, unless a step says otherwise; steps have their own limit too. */
const waitTimeoutMs = 10_000;
/** Loading the workbench waits for code-server to start its extension host: on a busy machine that takes longer. */
const navigationTimeoutMs = 60_000;

async function main(): Promise<number> {
  const missing = missingTools();
  if (missing.length > 0) {
    console.error(`Cannot run the UI tests:\n${missing.map((line) => `  - ${line}`).join('\n')}`);
    return 2;
  }
  const cleanup = new Cleanup();
  const serverLog: string[] = [];
  // Once stopped, the steps still running fail as their page closes: that is not worth a report.
  const interruption = new AbortController();
  const stopped = new Promise<number>((resolve) => {
    const stop = (exitCode: number, reason: string): void => {
      console.error(`UI tests: ${reason}`);
      interruption.abort();
      resolve(exitCode);
    };
    process.once('SIGINT', () => stop(130, 'interrupted (SIGINT)'));
    process.once('SIGTERM', () => stop(143, 'terminated (SIGTERM)'));
    setTimeout(() => stop(1, `timed out after ${overallTimeoutMs / 60_000} minutes`), overallTimeoutMs).unref();
  });

  const started = Date.now();
  let exitCode: number;
  try {
    exitCode = await Promise.race([run(cleanup, serverLog, interruption.signal), stopped]);
  } catch (error) {
    console.error(`UI tests could not start: ${error instanceof Error ? error.message : String(error)}`);
    if (serverLog.length > 0) console.error(`code-server said:\n${serverLog.join('')}`);
    exitCode = 1;
  }
  await cleanup.run();
  console.log(`UI tests ${exitCode === 0 ? 'passed' : 'failed'} in ${seconds(Date.now() - started)}.`);
  return exitCode;
}

/** Sets up code-server, the emulator and the browser, then runs the steps; resolves with the exit code. */
async function run(cleanup: Cleanup, serverLog: string[], interrupted: AbortSignal): Promise<number> {
  // Screenshots of an earlier run would mislead.
  fs.rmSync(screenshotsFolder, { recursive: true, force: true });
  fs.mkdirSync(screenshotsFolder, { recursive: true });
  await packageExtension(cleanup);
  const scratch = createScratch('modelarts-ui-', cleanup);
  // No MODELARTS_* credentials: the user signs in through the UI.
  const env = scratch.environment(withoutCredentials(process.env));
  const emulator = await startEmulator({ transitionMs: emulatorTransitionMs });
  cleanup.add(() => emulator.close());
  await installExtension(extensionPackage, scratch, env, cleanup);
  // Running resources are read every 10 s (the least allowed), so a step sees a job complete by itself without a long wait.
  writeUserSettings(scratch, { ...emulatorSettings(emulator.url), 'modelarts.runningPollIntervalSeconds': 10 });
  const { port } = await startCodeServer(scratch, 0, env, serverLog, cleanup);

  const browser = await launchChromium(env);
  cleanup.add(() => browser.close());
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(waitTimeoutMs);
  page.setDefaultNavigationTimeout(navigationTimeoutMs);
  await page.goto(workbenchUrl(port, scratch.workspace));
  const fixtures = { panel: new WebviewPanel(page), credentials: { ak: emulator.demo.ak, sk: emulator.demo.sk }, emulator, workspaceFolder: scratch.workspace };
  const passed = await runSteps(new Workbench(page, 'modelarts'), fixtures, interrupted);
  return passed ? 0 : 1;
}

/** Runs the steps in order and stops at the first failure, which it reports; resolves with whether all passed. */
async function runSteps(ui: Workbench, fixtures: Omit<StepContext, 'ui' | 'screenshot'>, interrupted: AbortSignal): Promise<boolean> {
  for (const [index, step] of steps.entries()) {
    const label = `${index + 1}/${steps.length} ${step.title}`;
    const prefix = `${String(index + 1).padStart(2, '0')}-${step.slug}`;
    const screenshot = async (name: string, keepHover = false): Promise<string> => {
      const file = path.join(screenshotsFolder, `${name}.png`);
      // A tooltip that will not go only spoils the picture, not the step (unless the hover is the picture).
      if (!keepHover) await ui.parkPointer().catch(() => undefined);
      await ui.page.screenshot({ path: file, animations: 'disabled' });
      return path.relative(repoRoot, file);
    };
    const context: StepContext = { ui, ...fixtures, screenshot: async (moment, options) => void (await screenshot(`${prefix}-${moment}`, options?.keepHover)) };
    const started = Date.now();
    try {
      await withinTime(step.run(context), step.timeoutMs);
      console.log(`✓ ${label} (${seconds(Date.now() - started)}) → ${await screenshot(prefix)}`);
    } catch (error) {
      if (interrupted.aborted) return false;
      const shot = await screenshot(`${prefix}-FAILED`).catch((shotError: unknown) => `none (${String(shotError)})`);
      const panelState = await fixtures.panel.describe();
      console.error(
        [
          `✗ ${label}: failed after ${seconds(Date.now() - started)}`,
          `    expected: ${step.expected}`,
          `    problem: ${problem(error)}`,
          '    on screen:',
          await ui.describe(),
          ...(panelState ? [panelState] : []),
          `    screenshot: ${shot}`,
        ].join('\n'),
      );
      return false;
    }
  }
  return true;
}

function withinTime<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NotSeen(`the step took longer than ${seconds(timeoutMs)}`)), timeoutMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** A step's own failures say what was not seen; anything else (a Playwright error) is cut to its first lines. */
function problem(error: unknown): string {
  if (error instanceof NotSeen) return error.message;
  // Without the terminal colours of Playwright's call log.
  const text = (error instanceof Error ? error.message : String(error)).replace(/\u001b\[\d+m/g, '');
  return text.split('\n').slice(0, 6).join('\n      ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

void main().then((exitCode) => process.exit(exitCode));
