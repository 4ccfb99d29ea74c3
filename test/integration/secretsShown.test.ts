// Security regression: a job whose log prints the security token and the SK (its command line carries them)
// shows them masked in the details panel, its JSON document and its log document; a typed OS password is
// masked in an error that echoes it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { signedRequest } from '../../emulator/signedClient';
import { maskSecret } from '../../src/services/secrets';
import { conversation, ExtensionUnderTest, label, type Node, type Panel, PROFILE, REGION, until } from './harness';

const JOB = 'job-printing-its-keys';
const PASSWORD = 'Echoed-Pass-2026x';

describe('Secrets in the details panel, documents and errors show masked', () => {
  let under: ExtensionUnderTest;
  let keys: { readonly ak: string; readonly sk: string; readonly token: string };
  let jobId: string;

  /** No message or text holds a whole key: only their masked forms. */
  function assertMasked(where: string, text: string): void {
    for (const [name, secret] of Object.entries(keys)) {
      assert.ok(!text.includes(secret), `${where} shows the ${name}:\n${text.slice(0, 2000)}`);
    }
  }

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 1000 });
    const temporary = under.emulator.issueTemporaryCredentials(24 * 3600_000);
    keys = { ak: temporary.access, sk: temporary.secret, token: temporary.securitytoken };
    under.ui.answer(PROFILE, keys.ak, keys.sk, keys.token, REGION);
    await vscode.commands.executeCommand('modelarts.signIn');
    assert.deepEqual(under.ui.errors, [], 'signed in with temporary credentials');
    // A job whose command line carries the keys: the log's header prints it, the JSON holds it.
    const created = await signedRequest<{ metadata: { id: string } }>(
      { url: under.emulator.url, ak: keys.ak, sk: keys.sk, securityToken: keys.token, projectId: under.emulator.projectId(REGION) },
      'POST',
      '/v2/{project_id}/training-jobs',
      {
        body: {
          kind: 'job',
          metadata: { name: JOB },
          algorithm: {
            command: `python train.py --sk ${keys.sk} --token ${keys.token}`,
            engine: { image_url: 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/data-prep:1.0.0' },
          },
          spec: { resource: { flavor_id: 'modelarts.vm.cpu.8u', node_count: 1 } },
        },
      },
    );
    assert.equal(created.status, 201, created.text);
    jobId = created.body.metadata.id;
    under.emulator.state.setTrainingJobPhase(jobId, 'Running');
  });

  beforeEach(() => under.freshUi());

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await under.stop();
  });

  async function jobNode(): Promise<Node> {
    const jobs = await under.explorer.getChildren(await under.category('Training Jobs'));
    const found = jobs.find((node) => node.id.endsWith(`/${jobId}`));
    assert.ok(found, `${JOB} is among ${jobs.map(label).join(', ')}`);
    return found;
  }

  it('the details panel\'s log tail and fields hold the SK and the token masked, and no message holds them whole', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.showDetails', await jobNode())) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const details = await talk.next('details', (message) => (message.view.log?.text ?? '').includes('--sk '));
      const tail = details.view.log?.text ?? '';
      assert.ok(tail.includes(`--sk ${maskSecret(keys.sk)} --token ${maskSecret(keys.token)}`), tail.slice(0, 2000));
      assertMasked('the details panel', JSON.stringify([details, ...talk.messages]));
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('the JSON document holds only the masked forms', async () => {
    await vscode.commands.executeCommand('modelarts.trainingJob.viewDetails', await jobNode());
    const json = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.ok(json.includes(`--sk ${maskSecret(keys.sk)}`), json.slice(0, 2000));
    assertMasked('the JSON document', json);
  });

  it('the followed log document holds only the masked forms, in its first preview and in the lines appended', async () => {
    await vscode.commands.executeCommand('modelarts.trainingJob.viewLogs', await jobNode());
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document && document.uri.path.endsWith(`${JOB}-worker-0.log`), document?.uri.path);
    // Followed: the lines the job writes next are appended, and pass the redactor too.
    const lines = document.lineCount;
    const grown = await until(() => document.getText(), (text) => text.split('\n').length > lines + 5, 'the log to grow', 20_000);
    assert.ok(grown.includes(`--token ${maskSecret(keys.token)}`), grown.slice(0, 2000));
    assertMasked('the log document', grown);
  });

  it('an OS password joins the redactor as it is typed: an error that echoes it shows it masked', async () => {
    const servers = await under.regionCategory('Lite Servers');
    const server = await under.child(servers, 'lite-v100-notebook');
    // A gateway that quotes the request in its error (illustrative: what a real one answers is not documented).
    under.emulator.faults.add({ kind: 'status', method: 'POST', path: '/reinstallos', status: 400, errorCode: 'ModelArts.0101', errorMsg: `invalid admin_pass ${PASSWORD}` });
    under.ui.answer('Set a password…', PASSWORD, PASSWORD, 'Reinstall OS');
    await vscode.commands.executeCommand('modelarts.devServer.reinstallOs', server);
    const [error] = under.ui.errors;
    assert.ok(error?.includes('invalid admin_pass ****'), `the error shows the password masked: ${error}`);
    assert.ok(under.ui.shown.every((message) => !message.message.includes(PASSWORD) && !(message.detail ?? '').includes(PASSWORD)));
  });
});
