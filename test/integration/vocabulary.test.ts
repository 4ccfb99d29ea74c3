import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { KNOWN_STATUSES } from '../../src/services/status';
import { readableStatus } from '../../src/views/format';
import { column, invokeTool } from './chatSamples';
import { label, type Node, REGION, signedInSuite } from './harness';

describe('One vocabulary: the same words for a resource in its row, hover, picker and tool result', () => {
  const under = signedInSuite({ transitionMs: 60_000 });

  const description = (node: Node) => String(node.getTreeItem().description);
  /** A hover's text, as VS Code resolves it, without markdown escapes. */
  const tooltipOf = async (node: Node) => {
    const tooltip = await under().tooltip(node);
    return (tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip)).replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
  };

  /** The items of the resource picker that a palette command shows, answering its region and workspace questions on the way. */
  async function pickerItems(command: string, name: string): Promise<readonly vscode.QuickPickItem[]> {
    let resources: readonly vscode.QuickPickItem[] = [];
    const answer = (items: readonly vscode.QuickPickItem[]) => {
      const resource = items.find((item) => item.label === name);
      if (resource) {
        resources = items;
        return resource;
      }
      return items.find((item) => item.label === REGION || item.label === 'default');
    };
    under().ui.answer(answer, answer, answer);
    await vscode.commands.executeCommand(command);
    assert.deepEqual(under().ui.errors, []);
    assert.ok(resources.length > 0, `a picker offered ${name}`);
    return resources;
  }

  it('a notebook that failed to be created reads "Create failed" in its row, hover, picker item and tool results; its JSON keeps the API value', async () => {
    const name = 'graph-gnn-cora';
    const row = await under().child(await under().category('Notebooks'), name);
    assert.match(description(row), /^Create failed · /);
    assert.match(await tooltipOf(row), /^Status: Create failed {2}$/m);

    const picked = (await pickerItems('modelarts.notebook.copyId', name)).find((item) => item.label === name);
    assert.match(String(picked?.description), /^Create failed · /);

    const listed = await invokeTool('modelarts_list_notebooks', { status: 'create failed' });
    assert.deepEqual(column(listed, 'name'), [name], 'the status filter takes the words shown');
    assert.deepEqual(column(listed, 'status'), ['Create failed']);
    const got = await invokeTool('modelarts_get_notebook', { name });
    assert.match(got, new RegExp(`^notebook "${name}" \\(id [0-9a-f-]+\\) in ${REGION}, workspace default \\(0\\): status Create failed; can: `));
    assert.match(got, /"status": "CREATE_FAILED"/, 'the JSON a model may send back keeps the API value');
    assert.doesNotMatch(got.split('```')[0], /CREATE_FAILED/);
  });

  it('a v1 service reads "Running" wherever it is shown, though its API says running', async () => {
    const name = 'mnist-classifier';
    const row = await under().child(await under().category('Real-Time Services (v1)'), name);
    assert.match(description(row), /^Running · /);
    assert.match(await tooltipOf(row), /^Status: Running {2}$/m);
    const picked = (await pickerItems('modelarts.serviceV1.copyId', name)).find((item) => item.label === name);
    assert.match(String(picked?.description), /^Running · /);
    assert.match(await invokeTool('modelarts_get_realtime_service', { name }), new RegExp(`^real-time service "${name}" .*: status Running; can: `));
  });

  it('every status the product knows reads as sentence-case words, the joined ones and acronyms included', () => {
    const statuses = new Set(KNOWN_STATUSES);
    for (const status of statuses) {
      assert.match(readableStatus(status), /^[A-Z][a-z]*(?: (?:[a-z]+|OS))*$|^OK$/, status);
    }
    assert.deepEqual(
      ['CHANGINGOS', 'REINSTALLINGOS_FAILED', 'SNAPSHOTTING', 'CreationFailed', 'TerminatedFailed', 'building_failed'].map(readableStatus),
      ['Changing OS', 'Reinstall OS failed', 'Saving image', 'Creation failed', 'Terminate failed', 'Building failed'],
    );
  });

  it('the v1 and v2 service categories say in their hover which API they hold and how they differ', async () => {
    const v1 = await tooltipOf(await under().category('Real-Time Services (v1)'));
    const v2 = await tooltipOf(await under().category('Real-Time Services (v2)'));
    assert.match(v1, /classic inference API \(v1\).*deployed from a model in the Models list/);
    assert.match(v2, /newer inference API \(v2\).*deployments that run a container image/);
  });

  it('a bucket reads when it was created and where it is, not an ISO time', async () => {
    const [bucket] = await under().explorer.getChildren(await under().regionCategory('OBS Buckets'));
    assert.ok(bucket, 'the demo has buckets');
    assert.match(description(bucket), new RegExp(`^(just now|\\d+ (min|h|d) ago) · ${REGION}$`), label(bucket));
    assert.doesNotMatch(await tooltipOf(bucket), /\d{4}-\d{2}-\d{2}T/);
  });
});
