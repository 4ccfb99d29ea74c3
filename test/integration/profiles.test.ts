import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ExtensionUnderTest, label, PROFILE, REGION, until } from './harness';
import { BACK, KEEP } from './testUserInput';

/** A second account in the emulator: empty, so none of the demo account's resources can be its own. */
const WORK = { name: 'work', ak: 'WORKPROFILEAK0000001', sk: 'WorkProfileSecretKey00000000000000000001' };

describe('Profiles: switching, Sign In steps, Sign Out, the KooCLI import and the status bar item', () => {
  let under: ExtensionUnderTest;
  const statusText = () => under.api.profileStatus.item.text;
  const accounts = () => under.api.context.accounts;

  /** Makes sure the profile "work" exists, so each test can also run alone. */
  async function ensureWork(): Promise<void> {
    if (!accounts().profiles.some((profile) => profile.name === WORK.name)) {
      under.ui.answer(WORK.name, WORK.ak, WORK.sk, '', REGION);
      await vscode.commands.executeCommand('modelarts.signIn');
      assert.deepEqual(under.ui.errors, [], 'signed in to "work"');
    }
  }

  async function removeProfile(name: string): Promise<void> {
    under.ui.answer('Sign Out');
    await vscode.commands.executeCommand('modelarts.signOut', name);
  }

  async function switchTo(name: string): Promise<void> {
    under.ui.answer(name);
    await vscode.commands.executeCommand('modelarts.switchProfile');
    assert.equal(accounts().activeProfile?.name, name);
  }

  /** The notebooks of cn-north-4's default workspace in the tree as it is now (none when the account has no such workspace). */
  async function notebookLabels(): Promise<string[]> {
    const region = await under.child(undefined, REGION);
    const workspace = (await under.explorer.getChildren(region)).find((node) => label(node) === 'default');
    if (!workspace) {
      return [];
    }
    const notebooks = (await under.explorer.getChildren(workspace)).find((node) => label(node) === 'Notebooks');
    return notebooks ? (await under.explorer.getChildren(notebooks)).map(label) : [];
  }

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 1000 });
    under.emulator.addAccount(WORK.ak, WORK.sk);
    await under.signInWithDemoKey();
  });

  beforeEach(() => under.freshUi());

  after(async () => {
    under.freshUi();
    for (const name of accounts().profiles.filter((profile) => !profile.readOnly && profile.name !== PROFILE).map((profile) => profile.name)) {
      await removeProfile(name);
    }
    await under.stop();
  });

  it('shows "ModelArts: <profile> · <region>" in the status bar', async () => {
    await until(statusText, (text) => text === `ModelArts: ${PROFILE} · ${REGION}`, 'the status item to name the profile and region');
    assert.equal(under.api.profileStatus.item.command, 'modelarts.profileMenu');
  });

  it("Sign In's steps say where they are, and Back returns to the step before with its value kept", async () => {
    under.ui.answer(WORK.name, WORK.ak, BACK, KEEP, WORK.sk, '', REGION);
    await vscode.commands.executeCommand('modelarts.signIn');
    assert.deepEqual(under.ui.errors, []);
    const steps = under.ui.steps.map((step) => [step.title, step.step, 'value' in step ? step.value : undefined]);
    assert.deepEqual(steps.slice(0, 4), [
      ['Sign in to ModelArts (step 1 of 5)', 1, ''],
      ['Sign in to ModelArts (step 2 of 5)', 2, ''],
      ['Sign in to ModelArts (step 3 of 5)', 3, ''],
      // Back from the secret key: the access key step again, holding what was typed.
      ['Sign in to ModelArts (step 2 of 5)', 2, WORK.ak],
    ]);
    assert.equal(accounts().activeProfile?.name, WORK.name);
    assert.equal(accounts().account?.credentials.accessKey, WORK.ak);
    assert.match(under.ui.shown.at(-1)?.message ?? '', /^Signed in to ModelArts as profile "work" with access key WORK\*\*\*\*0001 in cn-north-4\.$/);
    await until(statusText, (text) => text === `ModelArts: ${WORK.name} · ${REGION}`, 'the status item to name the new profile');
  });

  it('while Sign In checks the key, the status item says so', async () => {
    under.emulator.faults.add({ kind: 'latency', ms: 1500, path: '/v3/projects', times: 1 });
    under.ui.answer(WORK.name, WORK.ak, WORK.sk, '', REGION);
    const signingIn = vscode.commands.executeCommand('modelarts.signIn');
    await until(statusText, (text) => text.includes('checking the key of work'), 'the status item to say the key is being checked');
    await signingIn;
    assert.deepEqual(under.ui.errors, []);
    await until(statusText, (text) => text === `ModelArts: ${WORK.name} · ${REGION}`, 'the status item to name the profile again');
  });

  it('switching cancels what the old profile had in flight, and its late answer never reaches the tree', async () => {
    await ensureWork();
    await switchTo(PROFILE);
    const demoNotebooks = await notebookLabels();
    assert.ok(demoNotebooks.length > 0, 'the demo account has notebooks');
    under.api.context.explorer.reload();
    const region = await under.child(undefined, REGION);
    const notebooksNode = await under.child(await under.child(region, 'default'), 'Notebooks');
    const oldSignal = under.api.context.session.signal;
    // The demo account's list is answered only after the switch.
    under.emulator.faults.add({ kind: 'latency', ms: 2000, path: /\/notebooks$/, times: 1 });
    const late = under.explorer.getChildren(notebooksNode);
    await until(() => under.emulator.faults.pendingRules, (pending) => pending === 0, 'the old profile\'s request to reach the emulator');
    await switchTo(WORK.name);
    assert.equal(oldSignal.aborted, true, 'the old profile\'s session signal is aborted');
    assert.equal(under.api.context.session.signal.aborted, false, 'the new profile has a live signal');
    const lateLabels = (await late).map(label);
    assert.deepEqual(lateLabels.filter((name) => demoNotebooks.includes(name)), [], 'the old answer was dropped');
    assert.notEqual(await under.child(undefined, REGION), region, 'the tree was built again');
    assert.deepEqual((await notebookLabels()).filter((name) => demoNotebooks.includes(name)), [], 'no demo notebook is shown under "work"');
    await until(statusText, (text) => text === `ModelArts: ${WORK.name} · ${REGION}`, 'the status item to name the new profile');
  });

  it('an authentication failure of any request shows on the status item until a request succeeds', async () => {
    await switchTo(PROFILE);
    under.api.context.explorer.reload();
    under.emulator.faults.add({ kind: 'status', status: 401, errorCode: 'APIG.0301', errorMsg: 'Incorrect IAM authentication information', path: /\/notebooks$/, times: 1 });
    await notebookLabels();
    await until(statusText, (text) => text.includes('authentication failed'), 'the status item to say authentication failed');
    assert.deepEqual(under.api.profileStatus.item.backgroundColor, new vscode.ThemeColor('statusBarItem.errorBackground'));
    under.api.context.explorer.reload();
    await notebookLabels();
    await until(statusText, (text) => text === `ModelArts: ${PROFILE} · ${REGION}`, 'a success to clear the failure');
  });

  it('Sign Out asks, naming the profile, and removes only that one', async () => {
    await ensureWork();
    await switchTo(WORK.name);
    under.ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.signOut');
    assert.equal(under.ui.shown.at(-1)?.message, 'Sign out of profile "work"?');
    assert.ok(accounts().profiles.some((profile) => profile.name === WORK.name), 'dismissing the question keeps the profile');
    under.ui.answer('Sign Out');
    await vscode.commands.executeCommand('modelarts.signOut');
    assert.deepEqual(accounts().profiles.map((profile) => profile.name), [PROFILE]);
    assert.equal(accounts().activeProfile?.name, PROFILE);
    assert.match(under.ui.shown.at(-1)?.message ?? '', /^Signed out of profile "work"\. Now using profile "default" \(EMUL\*\*\*\*0001\)\.$/);
  });

  it('environment credentials are a read-only profile that Sign Out explains instead of removing', async () => {
    process.env.MODELARTS_AK = WORK.ak;
    process.env.MODELARTS_SK = WORK.sk;
    try {
      await accounts().reload();
      const environment = accounts().profiles.find((profile) => profile.source === 'environment');
      assert.deepEqual(environment && { name: environment.name, readOnly: environment.readOnly }, { name: 'Environment', readOnly: true });
      await vscode.commands.executeCommand('modelarts.signOut', 'Environment');
      assert.match(under.ui.shown.at(-1)?.message ?? '', /environment variables: unset them/);
      assert.ok(!under.ui.shown.some((entry) => entry.kind === 'warning'), 'no confirmation was asked');
    } finally {
      delete process.env.MODELARTS_AK;
      delete process.env.MODELARTS_SK;
      await accounts().reload();
    }
  });

  describe('importing from the Huawei Cloud CLI', () => {
    const originalHome = process.env.HOME;
    let home: string;

    function writeKooCliConfig(config: object): void {
      mkdirSync(join(home, '.hcloud'), { recursive: true });
      writeFileSync(join(home, '.hcloud', 'config.json'), JSON.stringify(config));
    }

    beforeEach(() => {
      home = mkdtempSync(join(tmpdir(), 'koocli-home-'));
      process.env.HOME = home;
    });

    afterEach(() => {
      process.env.HOME = originalHome;
      rmSync(home, { recursive: true, force: true });
    });

    it('imports the readable profiles chosen and names each skipped one with why, never showing a key', async () => {
      writeKooCliConfig({
        current: 'team',
        profiles: [
          { name: 'team', mode: 'AKSK', accessKeyId: WORK.ak, secretAccessKey: WORK.sk, region: REGION, projectId: under.emulator.projectId(REGION, WORK.ak) },
          { name: 'sso-user', mode: 'SSO', region: REGION },
          { name: 'half', mode: 'AKSK', accessKeyId: 'HALFPROFILEAK0000001', region: REGION },
          { name: 'nowhere', mode: 'AKSK', accessKeyId: 'NOWHEREPROFILEAK0001', secretAccessKey: 'NowhereSecretKey000000000000000000000001' },
        ],
      });
      await accounts().reload();
      assert.ok(!accounts().profiles.some((profile) => profile.name === 'team'), 'nothing is imported by itself');
      under.ui.answer('team');
      await vscode.commands.executeCommand('modelarts.importKooCliProfiles');
      assert.deepEqual(under.ui.errors, []);
      const message = under.ui.shown.at(-1)?.message ?? '';
      assert.equal(
        message,
        'Imported from the Huawei Cloud CLI: team. Skipped: sso-user (authentication mode "SSO" is not an access key); half (no complete access key and secret key); nowhere (no valid region).',
      );
      const team = accounts().profiles.find((profile) => profile.name === 'team');
      assert.deepEqual(team && { region: team.homeRegion, key: team.maskedAccessKey, readOnly: team.readOnly }, { region: REGION, key: 'WORK****0001', readOnly: false });
      const everything = JSON.stringify([under.ui.shown, under.ui.quickPicks]);
      assert.ok(!everything.includes(WORK.sk) && !everything.includes(WORK.ak), 'a key was shown');
      // Its project id came along: the tree lists with it, without looking it up.
      await switchTo('team');
      under.emulator.requests.clear();
      assert.ok((await notebookLabels()).every((name) => !name.startsWith('Could not load')), 'the imported profile works');
      assert.equal(under.emulator.requests.list().filter((request) => request.path === '/v3/projects').length, 0, 'the project id was not looked up');
    });

    it('skips every entry of a config whose keys KooCLI keeps encrypted, saying so', async () => {
      under.ui.answer(undefined);
      writeKooCliConfig({ authEncrypt: 'true', profiles: [{ name: 'locked', mode: 'AKSK', accessKeyId: 'c2VjcmV0', secretAccessKey: 'c2VjcmV0c2VjcmV0', region: REGION }] });
      await vscode.commands.executeCommand('modelarts.importKooCliProfiles');
      assert.equal(under.ui.shown.at(-1)?.message, 'No profile of ~/.hcloud/config.json can be imported: locked (the CLI keeps its keys encrypted).');
      assert.ok(!accounts().profiles.some((profile) => profile.name === 'locked'));
    });
  });
});
