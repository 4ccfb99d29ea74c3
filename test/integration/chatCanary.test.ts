import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { seedDemo } from '../../emulator/seed';
import { maskSecret } from '../../src/services/secrets';
import { askParticipant, chatRequest, ScriptedModel, textOf } from './chatDoubles';
import { invokeTool, sampleInputs } from './chatSamples';
import { ExtensionUnderTest, PROFILE, REGION, until } from './harness';

/** Credentials that must never be seen whole: signed in with, and planted in a training job the user made. */
const CANARY = {
  ak: 'CANARYAK7Q2W9E4R5T6Y',
  sk: 'CanarySecretKey7x9NeverShowMe0001',
  token: 'CanarySessionToken3u5NeverShowMe0002',
};
const PLANTED_JOB = 'job-with-keys-in-env';
/** An OBS object holding the keys, as a careless user might have uploaded it. */
const PLANTED_BUCKET = 'canary-team-data';
const PLANTED_OBJECT = 'config/credentials.env';

describe('Chat tools and participant never show credentials', () => {
  let under: ExtensionUnderTest;
  /** Every text a tool, a confirmation or the participant produced. */
  const seen: { readonly where: string; readonly text: string }[] = [];

  function assertNoCanary(where: string, text: string): void {
    seen.push({ where, text });
    for (const [name, secret] of Object.entries(CANARY)) {
      assert.ok(!text.includes(secret), `${where} shows the ${name}:\n${text}`);
    }
  }

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 1000 });
    const { domainId } = under.emulator.addAccount(CANARY.ak, CANARY.sk);
    seedDemo(under.emulator.state, CANARY.ak);
    const bucket = under.emulator.obs.store.createBucket(PLANTED_BUCKET, domainId, REGION, 'STANDARD');
    under.emulator.obs.store.putObject(bucket, PLANTED_OBJECT, Buffer.from(`HW_ACCESS_KEY=${CANARY.ak}\nHW_SECRET_KEY=${CANARY.sk}\nHW_TOKEN=${CANARY.token}\n`), 'text/plain');
    under.ui.answer(PROFILE, CANARY.ak, CANARY.sk, CANARY.token, REGION);
    await vscode.commands.executeCommand('modelarts.signIn');
    assert.deepEqual(under.ui.errors, [], 'signed in with the canary credentials');
    // A job whose description and environment carry the keys, as a careless user might have made it.
    const planted = await invokeTool('modelarts_create_training_job', {
      name: PLANTED_JOB,
      description: `made with ${CANARY.ak}`,
      source: 'image',
      imageUrl: 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/data-prep:1.0.0',
      command: `python run.py --token ${CANARY.token}`,
      flavorId: 'modelarts.vm.cpu.8u',
      environment: [{ name: 'HW_SECRET_KEY', value: CANARY.sk }],
    });
    assert.match(planted, new RegExp(`^Created training job "${PLANTED_JOB}"`), planted);
    const stored = JSON.stringify(under.emulator.state.projectFor(CANARY.ak, REGION)?.trainingJobsOldestFirst().find((job) => job.name === PLANTED_JOB));
    assert.ok(stored.includes(CANARY.sk) && stored.includes(CANARY.token), 'the emulator holds the job with the keys in it');
  });

  beforeEach(() => under.freshUi());

  after(() => under.stop());

  it('no tool result or confirmation holds the AK, SK or token, even where the data holds them; the key shows masked', async () => {
    const inputs = sampleInputs(under.emulator, CANARY.ak);
    for (const [name, input] of Object.entries(inputs)) {
      const tool = under.api.chat.tools.get(name);
      assert.ok(tool, name);
      const prepared = await tool.prepareInvocation({ input }, new vscode.CancellationTokenSource().token);
      assertNoCanary(`${name} confirmation`, textOf(prepared));
      assertNoCanary(`${name} result`, await invokeTool(name, input));
    }
    const planted = await invokeTool('modelarts_get_training_job', { name: PLANTED_JOB });
    assertNoCanary('the planted job', planted);
    assert.ok(planted.includes(maskSecret(CANARY.token)) && planted.includes(maskSecret(CANARY.ak)), `the keys in the job are masked:\n${planted}`);
    assert.ok(planted.includes('HW_SECRET_KEY') && !planted.includes(maskSecret(CANARY.sk)), `its environment shows names only:\n${planted}`);
    const bucket = { bucket: PLANTED_BUCKET };
    assertNoCanary('the planted bucket', await invokeTool('modelarts_list_obs_objects', { ...bucket, recursive: true }));
    const object = await invokeTool('modelarts_get_obs_object', { ...bucket, key: PLANTED_OBJECT });
    assertNoCanary('the planted object', object);
    assert.ok(object.includes(`HW_SECRET_KEY=${maskSecret(CANARY.sk)}`) && object.includes(`HW_TOKEN=${maskSecret(CANARY.token)}`), `the keys in the object are masked:\n${object}`);
    const repeated: object = { name: 'again', source: 'image', flavorId: 'f', environment: [{ name: 'K', value: CANARY.sk }] };
    const confirmation = await under.api.chat.tools.get('modelarts_create_training_job')?.prepareInvocation({ input: repeated }, new vscode.CancellationTokenSource().token);
    assertNoCanary('a confirmation repeating the key given', textOf(confirmation));
    assert.ok(textOf(confirmation).includes(maskSecret(CANARY.sk)), textOf(confirmation));
    assert.ok((await invokeTool('modelarts_get_account_status', {})).includes(`access key ${maskSecret(CANARY.ak)} (masked;`));
    assert.ok(seen.length > 2 * Object.keys(inputs).length, 'every tool was scanned');
  });

  it('no stream part of the participant holds them, even when the model echoes a key the user pasted', async () => {
    const participant = under.api.chat.participant;
    for (const [command, prompt] of [
      ['jobs', ''],
      ['notebooks', 'running'],
      ['services', ''],
      ['status', ''],
    ] as const) {
      const { stream } = await askParticipant(participant, chatRequest(command, prompt));
      assert.ok(stream.parts.length > 2, `/${command} answered`);
      assertNoCanary(`/${command}`, stream.allText);
    }
    const model = new ScriptedModel([
      [new vscode.LanguageModelToolCallPart('call-1', 'modelarts_get_training_job', { name: PLANTED_JOB })],
      [new vscode.LanguageModelTextPart(`The job runs with HW_SECRET_KEY=${CANARY.sk}; you signed in as ${CANARY.ak}.`)],
    ]);
    const { stream } = await askParticipant(participant, chatRequest(undefined, `what is in ${PLANTED_JOB}? my key is ${CANARY.sk}`, model));
    assertNoCanary('a free-form answer', stream.allText);
    assert.ok(stream.markdownText.includes(`HW_SECRET_KEY=${maskSecret(CANARY.sk)}`), stream.markdownText);
    const toolResult = textOf(model.requests[1]?.messages.at(-1));
    assert.ok(toolResult.includes(PLANTED_JOB), 'the model got the tool result');
    assertNoCanary('what the model was sent back', toolResult);
  });

  it('the ModelArts log has every tool call and not one credential', async () => {
    // Refused input is logged with the input's names: this one marks the end of what this test wrote.
    await invokeTool('modelarts_list_notebooks', { canaryLogMarker: true });
    const file = vscode.Uri.joinPath(under.api.logUri, 'ModelArts.log').fsPath;
    const log = await until(
      () => fs.readFile(file, 'utf8').catch(() => ''),
      (text) => text.includes('canaryLogMarker is not an input'),
      'the log to be written',
    );
    assert.match(log, /chat tool modelarts_create_training_job/);
    assertNoCanary('the log', log);
  });
});
