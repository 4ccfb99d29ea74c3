import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { liveAll } from '../../emulator/areas/devServerModel';
import { liveServicesV1, serviceV1Status } from '../../emulator/areas/inferV1Model';
import { serviceV2Status } from '../../emulator/areas/inferV2Model';
import { livePools, poolPhase } from '../../emulator/areas/poolModel';
import type { BillingItem, BillingKindKey } from '../../src/costGuard/billingKinds';
import { countOf, type CostSnapshot } from '../../src/costGuard/costCount';
import { LEASE_WARNING_MS } from '../../src/costGuard/leaseWarnings';
import type { RunningPick } from '../../src/costGuard/runningNow';
import type { Notebook } from '../../src/services/notebooks';
import type { TrainingJob } from '../../src/services/trainingJobs';
import { autoStopAt } from '../../src/views/kinds/notebookLease';
import { type PollScheduler, realTimers } from '../../src/views/transitionPoller';
import { PROFILE, REGION, signedInSuite, until } from './harness';
import { VirtualScheduler } from './virtualScheduler';

const OTHER_REGION = 'cn-east-3';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A second account in the emulator: empty, so nothing of the demo account bills under it. */
const EMPTY = { name: 'cost-empty', ak: 'COSTGUARDEMPTYAK0001', sk: 'CostGuardEmptySecretKey000000000000000001' };
const KINDS: readonly BillingKindKey[] = ['notebook', 'liteServer', 'serviceV1', 'serviceV2', 'trainingJob', 'pool'];

/**
 * The cost guard against the emulator: the count of what bills across two regions and their workspaces (one list per
 * kind and workspace, never per resource), a fresh count on a change of regions, the warning colour, Running now's
 * multi-select Stop with one confirmation, the lease warning ten minutes before auto-stop on the emulator's clock, and
 * the long-running flag once a day. Its timers run on a virtual scheduler whose "now" is the emulator's clock.
 */
describe('Cost guard', () => {
  const under = signedInSuite({ transitionMs: 3_600_000 });
  /** The explorer's own polling never runs here: every list counted is the cost guard's. */
  const idle = new VirtualScheduler(() => undefined);
  let virtual: VirtualScheduler;
  const guard = () => under().api.costGuard;
  const settings = () => vscode.workspace.getConfiguration('modelarts');
  const setting = (key: string, value: unknown) => settings().update(key, value, vscode.ConfigurationTarget.Global);
  const emulatorNow = () => under().emulator.clock.now();
  const projectOf = (region: string) => {
    const project = under().emulator.state.projectFor(under().emulator.demo.ak, region);
    assert.ok(project, `the emulator has a project in ${region}`);
    return project;
  };
  /** Every figure published (undefined: dropped) while `change` runs, up to the first count after the last drop. */
  async function countAfter(change: () => Thenable<void>): Promise<{ snapshot: CostSnapshot; published: (CostSnapshot | undefined)[] }> {
    const published: (CostSnapshot | undefined)[] = [];
    const subscription = guard().onDidChange((snapshot) => published.push(snapshot));
    try {
      await change();
      const afterDrop = () => (published.lastIndexOf(undefined) < 0 ? undefined : published.slice(published.lastIndexOf(undefined) + 1).find(Boolean));
      const snapshot = (await until(afterDrop, Boolean, 'a count after the change')) as CostSnapshot;
      return { snapshot, published };
    } finally {
      subscription.dispose();
    }
  }
  const countAfterSetting = async (key: string, value: unknown) => (await countAfter(() => setting(key, value))).snapshot;
  async function workspaceCount(region: string): Promise<number> {
    return (await under().api.context.session.services?.workspaces.list(region))?.length ?? 0;
  }
  /** The count of both regions before anything was stopped, for the long-running flags. */
  let bothRegions: CostSnapshot;

  /** What runs in the emulator, read from its state (not through the lists the cost guard uses). */
  function runningInEmulator(region: string): Record<BillingKindKey, number> {
    const project = projectOf(region);
    const now = emulatorNow();
    return {
      notebook: project.notebooks(now).filter((notebook) => notebook.timeline.status(now) === 'RUNNING').length,
      // The caller's own, as the explorer lists them by default (servers of other IAM users are left to them).
      liteServer: liveAll(project.devServers, now, 'DELETED').filter(
        (server) => server.hyperinstanceId === undefined && server.owner === project.ref.account.domainName && server.timeline.status(now) === 'RUNNING',
      ).length,
      serviceV1: liveServicesV1(project, now).filter((service) => serviceV1Status(service, now) === 'running').length,
      serviceV2: liveAll(project.servicesV2, now, 'GONE').filter((service) => serviceV2Status(service, now) === 'RUNNING').length,
      trainingJob: project.trainingJobsOldestFirst().filter((job) => job.timeline.status(now) === 'Running').length,
      pool: livePools(project, now).filter((pool) => poolPhase(pool, now) === 'Running').length,
    };
  }

  function perKind(snapshot: CostSnapshot, region?: string): Record<BillingKindKey, number> {
    const scoped = { ...snapshot, items: snapshot.items.filter((item) => region === undefined || item.scope.region === region) };
    return Object.fromEntries(KINDS.map((key) => [key, countOf(scoped, key)])) as Record<BillingKindKey, number>;
  }

  const itemsOf = (snapshot: CostSnapshot, key: BillingKindKey, region: string): BillingItem[] =>
    snapshot.items.filter((item) => item.kind.key === key && item.scope.region === region);
  const nameOf = (item: BillingItem) => item.kind.resourceKind.name(item.resource);

  before(async () => {
    virtual = new VirtualScheduler((ms) => under().emulator.clock.advance(ms));
    // Lease ends are on the emulator's clock: the scheduler's "now" is that clock, which `advance` moves in step.
    const onEmulatorClock: PollScheduler = { setTimeout: (run, ms) => virtual.setTimeout(run, ms), clearTimeout: (handle) => virtual.clearTimeout(handle), now: emulatorNow };
    under().api.context.explorer.poller.useScheduler(idle);
    guard().useScheduler(onEmulatorClock);
    // Nothing is flagged as long-running but in the test of it.
    await setting('costGuard.longRunningHours', 720);
    await setting('regions', [REGION, OTHER_REGION]);
    bothRegions = await countAfterSetting('costGuard.enabled', true);
  });
  after(async () => {
    for (const key of ['regions', 'costGuard.enabled', 'costGuard.longRunningHours', 'costGuard.warnAtCount']) {
      await setting(key, undefined);
    }
    guard().useScheduler(realTimers);
    under().api.context.explorer.poller.useScheduler(realTimers);
  });

  it('counts what bills in two regions with one list per kind and workspace, never one per resource', async () => {
    const snapshot = await guard().refreshNow();
    assert.ok(snapshot);
    assert.deepEqual(snapshot.failures, []);
    assert.deepEqual(perKind(snapshot, REGION), runningInEmulator(REGION));
    assert.deepEqual(perKind(snapshot, OTHER_REGION), runningInEmulator(OTHER_REGION));
    assert.ok(perKind(snapshot, REGION).notebook > 0 && perKind(snapshot, OTHER_REGION).notebook > 0, 'both regions have running notebooks');
    const total = snapshot.items.length;
    assert.equal(guard().statusItem.shown?.text, `$(pulse) ${total}`);
    assert.match(guard().statusItem.shown?.tooltip ?? '', new RegExp(`Notebooks: ${perKind(snapshot).notebook}\\n`));
    assert.match(guard().statusItem.shown?.tooltip ?? '', new RegExp(`Training jobs: ${perKind(snapshot).trainingJob}\\n`));

    const requests = under().emulator.requests.list();
    const workspaces: Record<string, number> = { [REGION]: await workspaceCount(REGION), [OTHER_REGION]: await workspaceCount(OTHER_REGION) };
    assert.ok(workspaces[REGION] > 1, 'a region with several workspaces');
    for (const region of [REGION, OTHER_REGION]) {
      const project = under().emulator.projectId(region);
      const inProject = (path: RegExp) => requests.filter((request) => request.path.startsWith(`/v1/${project}/`) || request.path.startsWith(`/v2/${project}/`)).filter((request) => path.test(request.path));
      assert.equal(inProject(/\/workspaces$/).length, 1, `one workspace list in ${region}`);
      assert.equal(inProject(/\/dev-servers$/).length, 1, `one Lite Server list in ${region}`);
      for (const [path, kind] of [[/\/v1\/[^/]+\/notebooks$/, 'notebooks'], [/\/v1\/[^/]+\/services$/, 'v1 services'], [/\/v2\/[^/]+\/services$/, 'v2 services'], [/\/training-job-searches$/, 'training job searches'], [/\/v2\/[^/]+\/pools$/, 'pools']] as const) {
        assert.equal(inProject(path).length, workspaces[region], `one list of ${kind} per workspace of ${region}`);
      }
      assert.deepEqual(new Set(inProject(/\/notebooks$/).map((request) => request.query.status)), new Set(['RUNNING']), 'notebooks are narrowed on the server');
    }
    assert.equal(requests.length, 2 + 2 + 5 * (workspaces[REGION] + workspaces[OTHER_REGION]), 'nothing else was read, no resource by itself');
  });

  it('drops the old figure and counts again at once when the regions change', async () => {
    const { snapshot, published } = await countAfter(() => setting('regions', [OTHER_REGION]));
    assert.equal(published[0], undefined, 'the figure of the two regions is dropped first');
    assert.ok(published.every((count) => !count || count.items.every((item) => item.scope.region === OTHER_REGION)), 'no count of the old regions is published after the change');
    assert.deepEqual(perKind(snapshot), runningInEmulator(OTHER_REGION));
    assert.equal(guard().statusItem.shown?.text, `$(pulse) ${snapshot.items.length}`);
    await countAfterSetting('regions', [REGION, OTHER_REGION]);
  });

  it('drops the old profile\'s figure on a switch and counts the new profile\'s at once', async () => {
    under().emulator.addAccount(EMPTY.ak, EMPTY.sk);
    const demoCount = guard().snapshot?.items.length ?? 0;
    assert.ok(demoCount > 0, 'the demo profile has running resources');
    under().ui.answer(EMPTY.name, EMPTY.ak, EMPTY.sk, '', REGION);
    const { snapshot, published } = await countAfter(() => vscode.commands.executeCommand('modelarts.signIn'));
    assert.deepEqual(under().ui.errors, [], 'signed in to the empty profile');
    assert.equal(under().api.context.accounts.activeProfile?.name, EMPTY.name);
    assert.ok(published.slice(published.indexOf(undefined)).every((count) => !count || count.items.length === 0), 'nothing of the old profile is published after the switch');
    assert.equal(snapshot.items.length, 0);
    assert.equal(guard().statusItem.shown?.text, '$(pulse) 0');

    under().ui.answer(PROFILE);
    const back = await countAfter(() => vscode.commands.executeCommand('modelarts.switchProfile'));
    assert.equal(back.snapshot.items.length, demoCount, 'the demo profile counted again');
    under().ui.answer('Sign Out');
    await vscode.commands.executeCommand('modelarts.signOut', EMPTY.name);
    assert.equal(under().api.context.accounts.activeProfile?.name, PROFILE);
  });

  it('is hidden while signed out', async () => {
    under().ui.answer('Sign Out');
    await vscode.commands.executeCommand('modelarts.signOut', PROFILE);
    await until(() => guard().statusItem.shown, (shown) => shown === undefined, 'the item hidden');
    assert.equal(guard().snapshot, undefined);
    const { snapshot } = await countAfter(() => under().signInWithDemoKey());
    assert.ok(snapshot.items.length > 0, 'counted again once signed in');
  });

  it('colours the item as a warning from the count set in modelarts.costGuard.warnAtCount', async () => {
    const total = guard().snapshot?.items.length ?? 0;
    await countAfterSetting('costGuard.warnAtCount', total + 1);
    assert.equal(guard().statusItem.shown?.warning, false, 'below the threshold');
    await countAfterSetting('costGuard.warnAtCount', total);
    assert.equal(guard().statusItem.shown?.warning, true, 'at the threshold');
    await countAfterSetting('costGuard.warnAtCount', undefined);
    assert.equal(guard().statusItem.shown?.warning, false, 'off by default');
  });

  it('Running now prices what bills by the hour, with one inquiry per region, and adds the prices up', async () => {
    let rows: readonly RunningPick[] = [];
    under().ui.answer((shown) => {
      rows = shown as readonly RunningPick[];
      return rows.find((row) => row.billing?.kind.key === 'pool');
    });
    await vscode.commands.executeCommand('modelarts.costGuard.showRunning');
    const inquiries = under().emulator.requests.count({ method: 'POST', path: '/v2/bills/ratings/on-demand-resources' });
    assert.ok(inquiries >= 1 && inquiries <= 2, `one inquiry per region at most: ${inquiries}`);

    const rowOf = (key: BillingKindKey, name: string) => rows.find((row) => row.billing?.kind.key === key && nameOf(row.billing) === name);
    assert.match(rowOf('notebook', 'rec-sys-deepfm')?.description ?? '', /^8 vCPU · 32 GB · CN¥4\.20\/h · running for /);
    assert.equal(rowOf('notebook', 'rec-sys-deepfm')?.detail, `${REGION} · workspace default`, 'the workspace by its name');
    const jobRows = rows.filter((row) => row.billing?.kind.key === 'trainingJob' && (row.billing.resource as TrainingJob).spec?.resource?.flavor_id === 'modelarts.p3.large.public');
    assert.ok(jobRows.length > 0, 'a running job on modelarts.p3.large.public');
    for (const row of jobRows) {
      const nodes = (row.billing?.resource as TrainingJob).spec?.resource?.node_count ?? 1;
      assert.ok(row.description?.includes(` · CN¥${(28 * nodes).toFixed(2)}/h · `), `${nodes} node(s) at CN¥28.00/h: ${row.description}`);
    }
    const pools = rows.filter((row) => row.billing?.kind.key === 'pool');
    assert.ok(pools.length > 0 && pools.every((row) => !/\/h|price/.test(row.description ?? '')), 'pools are not priced by the hour');

    const figures = rows.flatMap((row) => [.../CN¥([\d,.]+)\/h/.exec(row.description ?? '')?.slice(1) ?? []]).map((figure) => Number(figure.replace(/,/g, '')));
    const title = under().ui.quickPicks.at(-1)?.title ?? '';
    const sum = /Billing now: (\d+) · CN¥([\d,.]+)\/h for the (\d+) priced/.exec(title);
    assert.ok(sum, title);
    assert.equal(Number(sum[1]), guard().snapshot?.items.length);
    assert.equal(Number(sum[3]), figures.length, 'the sum says how many prices it covers');
    assert.ok(Math.abs(Number(sum[2].replace(/,/g, '')) - figures.reduce((total, figure) => total + figure, 0)) < 0.01, `${sum[2]} adds up ${figures.join(' + ')}`);
  });

  it('Running now stops a multi-selection of three kinds after one confirmation naming them all', async () => {
    const before = guard().snapshot as CostSnapshot;
    const chosen = [itemsOf(before, 'notebook', REGION)[0], itemsOf(before, 'trainingJob', OTHER_REGION)[0], itemsOf(before, 'serviceV2', REGION)[0]];
    assert.ok(chosen.every(Boolean), 'the emulator runs a notebook, a training job and a v2 service');
    const poolRows: string[] = [];
    under().ui.answer(
      (rows) => {
        poolRows.push(...rows.filter((row) => (row as { billing?: BillingItem }).billing?.kind.key === 'pool').map((row) => row.detail ?? ''));
        return rows.find((row) => row.label.endsWith('Stop several…'));
      },
      chosen.map((item) => `$(${item.kind.icon}) ${nameOf(item)}`).join(','),
      'Stop',
    );
    await vscode.commands.executeCommand('modelarts.costGuard.showRunning');

    assert.deepEqual(under().ui.errors, []);
    const confirmations = under().ui.shown.filter((entry) => entry.kind === 'warning');
    assert.equal(confirmations.length, 1, 'one confirmation');
    for (const item of chosen) {
      assert.ok(confirmations[0].message.includes(`"${nameOf(item)}"`), `the confirmation names ${nameOf(item)}`);
    }
    assert.ok(poolRows.length > 0 && poolRows.every((detail) => /no stop/.test(detail)), 'pools are listed, with no stop');
    const [notebook, job, service] = chosen.map((item) => item.kind.resourceKind.id(item.resource));
    assert.equal(under().emulator.state.notebookStatus(notebook), 'STOPPING');
    assert.equal(under().emulator.state.trainingJobPhase(job), 'Terminating');
    const serviceRecord = projectOf(REGION).servicesV2.get(service);
    assert.ok(serviceRecord);
    assert.equal(serviceV2Status(serviceRecord, emulatorNow()), 'STOPPING');
    assert.equal(guard().snapshot?.items.length, before.items.length - 3, 'counted again after the stop');
    assert.equal(guard().statusItem.shown?.text, `$(pulse) ${before.items.length - 3}`);
  });

  it('warns ten minutes before a notebook stops by itself, on the emulator clock, and Renew moves its lease', async () => {
    // One region: the other's notebooks' leases end within the hours the clock moves, each with a warning of its own.
    const [item] = itemsOf(await countAfterSetting('regions', [OTHER_REGION]), 'notebook', OTHER_REGION);
    assert.ok(item, 'a notebook runs in the region');
    const notebook = item.resource as Notebook;
    const services = under().api.context.session.services;
    assert.ok(services);
    await services.notebooks.renewLease(OTHER_REGION, notebook.id, HOUR, new AbortController().signal);
    await guard().refreshNow();
    const stopsAt = autoStopAt(await services.notebooks.get(OTHER_REGION, notebook.id));
    assert.ok(stopsAt !== undefined && Math.abs(stopsAt - (emulatorNow() + HOUR)) < MINUTE, 'the lease ends in an hour on the emulator clock');
    const warnings = () => under().ui.shown.filter((entry) => entry.kind === 'warning' && entry.message.includes(`"${notebook.name}"`) && /stops automatically/.test(entry.message));

    await virtual.advance(stopsAt - LEASE_WARNING_MS - emulatorNow() - MINUTE);
    assert.deepEqual(warnings(), [], 'no warning eleven minutes before');
    under().ui.answer('Renew for 4 h');
    await virtual.advance(2 * MINUTE);
    assert.equal(warnings().length, 1, 'one warning ten minutes before');
    const renewed = await until(async () => autoStopAt(await services.notebooks.get(OTHER_REGION, notebook.id)), (end) => end !== undefined && end > stopsAt + HOUR, 'the renewed lease');
    // Renewed once the warning was answered, while the clock moved on to the end of the advance.
    assert.ok(renewed !== undefined && renewed > stopsAt + 3 * HOUR && renewed <= emulatorNow() + 4 * HOUR, 'Renew for 4 h: it stops four hours after the renewal');
    await virtual.advance(20 * MINUTE);
    assert.equal(warnings().length, 1, 'the old lease end is warned of once, the new one not yet');
  });

  it('flags a long-running notebook or Lite Server once a day', async () => {
    const snapshot = bothRegions;
    const server = itemsOf(snapshot, 'liteServer', REGION)[0];
    assert.ok(server, 'a Lite Server runs');
    await under().api.context.globalState.update('modelarts.costGuard.flaggedToday', undefined);
    const flags = () => under().ui.shown.filter((entry) => entry.kind === 'info' && /^Running for long/.test(entry.message));

    await guard().longRunning.check(snapshot, HOUR);
    assert.equal(flags().length, 1, 'flagged');
    assert.ok(flags()[0].message.includes(`"${nameOf(server)}"`), 'the Lite Server is named');
    assert.ok(!/training job|resource pool/.test(flags()[0].message), 'only notebooks and Lite Servers are flagged');
    const toMidnight = () => new Date(emulatorNow()).setHours(24, 0, 0, 0) - emulatorNow();
    under().emulator.clock.advance(Math.max(0, Math.min(HOUR, toMidnight() - MINUTE)));
    await guard().longRunning.check(snapshot, HOUR);
    assert.equal(flags().length, 1, 'not again the same day');
    under().emulator.clock.advance(24 * HOUR);
    await guard().longRunning.check(snapshot, HOUR);
    assert.equal(flags().length, 2, 'again the next day');
  });
});
