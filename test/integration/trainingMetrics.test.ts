import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseTrainingScalars, type ScalarSeries } from '../../src/services/trainingScalars';
import { type Node, REGION, signedInSuite } from './harness';

/** Common training-log formats, each as a job prints it, and the series a reader of its log expects. */
const FORMATS: readonly { readonly name: string; readonly lines: readonly string[]; readonly expected: Record<string, [ScalarSeries['xLabel'], number[][]]> }[] = [
  {
    name: 'PyTorch Lightning',
    lines: [
      'GPU available: True (cuda), used: True',
      '  | Name  | Type   | Params',
      'Epoch 0:  50%|█████     | 50/100 [00:05<00:05,  9.80it/s, v_num=0, train_loss_step=0.693]',
      'Epoch 0: 100%|██████████| 100/100 [00:10<00:00,  9.81it/s, v_num=0, train_loss_step=0.512, val_loss=0.530]',
      'Epoch 1: 100%|██████████| 100/100 [00:10<00:00,  9.79it/s, v_num=0, train_loss_step=0.401, val_loss=0.420]',
    ],
    expected: { train_loss_step: ['epoch', [[0.5, 0.693], [1, 0.512], [2, 0.401]]], val_loss: ['epoch', [[1, 0.53], [2, 0.42]]] },
  },
  {
    name: 'Hugging Face Trainer',
    lines: [
      '***** Running training *****',
      '  Num examples = 25000',
      "{'loss': 0.6931, 'learning_rate': 4.9e-05, 'epoch': 0.5}",
      "{'loss': 0.4102, 'learning_rate': 4.8e-05, 'epoch': 1.0}",
      "{'eval_loss': 0.3875, 'eval_accuracy': 0.8612, 'epoch': 1.0}",
    ],
    expected: {
      loss: ['epoch', [[0.5, 0.6931], [1, 0.4102]]],
      learning_rate: ['epoch', [[0.5, 4.9e-5], [1, 4.8e-5]]],
      eval_loss: ['epoch', [[1, 0.3875]]],
      eval_accuracy: ['epoch', [[1, 0.8612]]],
    },
  },
  {
    name: 'Keras',
    lines: [
      'Epoch 1/2',
      '469/469 [==============================] - 3s 6ms/step - loss: 0.2950 - accuracy: 0.9150 - val_loss: 0.1420 - val_accuracy: 0.9580',
      'Epoch 2/2',
      '469/469 [==============================] - 3s 6ms/step - loss: 0.1410 - accuracy: 0.9580 - val_loss: 0.1010 - val_accuracy: 0.9690',
    ],
    expected: {
      loss: ['epoch', [[1, 0.295], [2, 0.141]]],
      accuracy: ['epoch', [[1, 0.915], [2, 0.958]]],
      val_loss: ['epoch', [[1, 0.142], [2, 0.101]]],
      val_accuracy: ['epoch', [[1, 0.958], [2, 0.969]]],
    },
  },
  {
    name: 'plain prints',
    lines: ['loading data from /cache/data-2024-05-01/ (version 3.1.4)', 'step 100 loss 0.52 acc 0.81', 'step=200 loss=0.41 acc=0.85', '{"step": 300, "loss": 0.33}', 'done in 12.5s'],
    expected: { loss: ['step', [[100, 0.52], [200, 0.41], [300, 0.33]]], acc: ['step', [[100, 0.81], [200, 0.85]]] },
  },
];

function summary(series: readonly ScalarSeries[]): Record<string, [string, number[][]]> {
  return Object.fromEntries(series.map((s) => [s.key, [s.xLabel, s.points.map((p) => [p.x, p.y])]]));
}

describe('Training job metrics and the scalars of training logs against the emulator', () => {
  // Seeded jobs ended or run on the real clock; nothing here waits for a transition.
  const under = signedInSuite({ transitionMs: 3_600_000 });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  const idOf = (node: Node): string => node.id.split('/').pop() as string;

  /** Listed jobs of the default workspace that ended Completed on `nodes` nodes. */
  async function completedJobs(nodes: number): Promise<Node[]> {
    const listed = await under().explorer.getChildren(await under().category('Training Jobs'));
    return listed.filter((node) => {
      const found = under().emulator.state.findTrainingJob(idOf(node));
      return found?.job.nodeCount === nodes && under().emulator.state.trainingJobPhase(idOf(node)) === 'Completed';
    });
  }

  it('showMetrics reads each task of a multi-node job: one value a minute of its run, per metric of its flavor', async () => {
    const [node] = await completedJobs(2);
    assert.ok(node, 'a completed two-node job is listed');
    const services = under().api.context.session.services;
    assert.ok(services, 'signed in');
    const job = await services.trainingJobs.get(REGION, idOf(node));
    const minutes = Math.floor((job.status.duration ?? 0) / 60_000);
    assert.ok(minutes > 0, 'the job ran for minutes');

    const [first, second] = await Promise.all(['worker-0', 'worker-1'].map((task) => services.trainingJobs.showMetrics(REGION, idOf(node), task)));
    assert.deepEqual([first.task, second.task], ['worker-0', 'worker-1']);
    const flavorType = job.spec?.resource?.flavor_detail?.flavor_type;
    const accelerator = flavorType === 'GPU' ? ['gpuUtil', 'gpuMemUsage'] : flavorType === 'Ascend' ? ['npuUtil', 'npuMemUsage'] : [];
    assert.deepEqual(first.series.map((s) => s.metric), ['cpuUsage', 'memUsage', ...accelerator]);
    assert.ok(first.series.every((s) => s.values.length === minutes && s.values.every((value) => value >= 0 && value <= 100)));
    assert.notDeepEqual(first.series, second.series, 'each task has its own usage');
    const requests = under().emulator.requests.list({ method: 'GET', path: `/training-jobs/${idOf(node)}/metrics/` });
    assert.deepEqual(requests.map((request) => request.path.split('/').pop()).sort(), ['worker-0', 'worker-1'], 'one read per task');
  });

  it('the logs of common training libraries, read as View Logs shows them, parse into their series', async () => {
    const nodes = await completedJobs(1);
    assert.ok(nodes.length >= FORMATS.length, 'a completed job per format');
    for (const [i, format] of FORMATS.entries()) {
      const node = nodes[i];
      const scripted = await fetch(`${under().emulator.url}/__emulator/state/training-jobs/${idOf(node)}/log`, { method: 'PUT', body: JSON.stringify({ lines: format.lines }) });
      assert.equal(scripted.status, 204);
      await vscode.commands.executeCommand('modelarts.trainingJob.viewLogs', node);
      assert.deepEqual(under().ui.errors, []);
      const document = vscode.window.activeTextEditor?.document;
      assert.ok(document, `${format.name}: an editor opens`);
      assert.ok(document.uri.path.endsWith('-worker-0.log'), `${format.name}: its log opens`);
      assert.deepEqual(summary(parseTrainingScalars(document.getText().split('\n'))), format.expected, format.name);
    }
  });
});
