import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { label, type Node, REGION, signedInSuite, until } from './harness';

describe('Tree layout: a region\'s workspaces, then its account-wide categories in three groups', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const children = (node: Node) => under().explorer.getChildren(node);
  const provider = () => under().api.context.explorer as unknown as vscode.TreeDataProvider<Node> & { reload(): void };
  const treeView = () => under().api.context.treeView as vscode.TreeView<Node>;
  const region = () => under().child(undefined, REGION);
  const contextOf = (node: Node) => String(node.getTreeItem().contextValue ?? '');
  const isWorkspace = (node: Node) => /^workspace\b/.test(contextOf(node));
  const status = (node: Node) => String(node.getTreeItem().description).split(' · ')[0];
  /** The state the tree is handed for a node: what it opens as when the workbench has no row of its id yet. */
  const shownState = (node: Node) => provider().getTreeItem(node) as vscode.TreeItem;

  it('the region lists its workspaces, then Lite Server, Storage and Images, and Network and Keys, each saying what it holds', async () => {
    const regionNode = await region();
    const regionChildren = await children(regionNode);
    const workspaces = regionChildren.filter(isWorkspace);
    assert.ok(workspaces.length >= 2, `workspaces: ${workspaces.map(label).join(', ')}`);
    assert.deepEqual(regionChildren.slice(0, workspaces.length), workspaces, 'the workspaces come first');
    const groups = regionChildren.slice(workspaces.length);
    assert.deepEqual(groups.map(label), ['Lite Server', 'Storage and Images', 'Network and Keys']);
    assert.deepEqual(groups.map((node) => (node.getTreeItem().iconPath as vscode.ThemeIcon).id), ['vm', 'archive', 'plug']);
    assert.deepEqual(groups.map((node) => node.id), ['liteServer', 'storage', 'network'].map((key) => `region/${REGION}/group/${key}`));
    assert.ok(groups.every((node) => /^categoryGroup\b.*\brefreshable\b/.test(contextOf(node))), groups.map(contextOf).join(' | '));

    const members = await Promise.all(groups.map(async (node) => (await children(node)).map(label)));
    assert.deepEqual(members, [['Lite Servers', 'Hyperinstances', 'Hyper Clusters', 'Lite Server Jobs', 'Scheduled Events'], ['OBS Buckets', 'SWR Images'], ['VPCs', 'Key Pairs']]);
    groups.forEach((node, index) => {
      const tooltip = String(node.getTreeItem().tooltip);
      members[index].forEach((member) => assert.ok(tooltip.includes(member), `the tooltip of ${label(node)} names ${member}: ${tooltip}`));
      assert.ok(tooltip.includes(REGION), `the tooltip names the region: ${tooltip}`);
    });
    for (const node of groups) {
      assert.equal(provider().getParent?.(node), regionNode, `${label(node)} is under the region`);
      for (const category of await children(node)) {
        assert.equal(provider().getParent?.(category), node, `${label(category)} is under ${label(node)}`);
        assert.ok(category.id.startsWith(`${node.id}/`), `the id of ${label(category)} extends its group's: ${category.id}`);
      }
    }

    provider().reload();
    const rebuilt = (await children(await region())).filter((node) => !isWorkspace(node));
    assert.notEqual(rebuilt[0], groups[0], 'the nodes were built again');
    assert.deepEqual(rebuilt.map((node) => node.id), groups.map((node) => node.id), 'the groups keep their ids');
  });

  it('a Lite Server and an OBS object are revealed through their groups', async () => {
    const [server] = await children(await under().regionCategory('Lite Servers'));
    // As after creating a server: its category is loaded again and the node revealed.
    const found = (await under().api.context.explorer.findNewResource(REGION, '0', 'devServer', server.id.split('/').pop() as string)) as Node | undefined;
    assert.ok(found, 'the server is found in its category');
    assert.equal(found.id, server.id, 'the same id when its category is loaded again');
    await treeView().reveal(found, { select: true, focus: false });
    await until(() => treeView().selection.map((node) => node.id), (ids) => ids.join() === server.id, 'the server selected in the tree');
    assert.ok(server.id.startsWith(`region/${REGION}/group/liteServer/`), server.id);

    under().ui.answer('README', (items) => items.find((item) => item.detail === 'README.md'), 'Reveal in Explorer');
    await vscode.commands.executeCommand('modelarts.obs.findObjects', await under().child(await under().regionCategory('OBS Buckets'), 'modelarts-demo-data'));
    assert.deepEqual(under().ui.errors, []);
    const selected = await until(
      () => treeView().selection.map((node) => node.id),
      (ids) => ids.some((id) => id.endsWith('/modelarts-demo-data/README.md')),
      'README.md selected in the tree',
    );
    assert.deepEqual(selected, [`region/${REGION}/group/storage/obsBuckets/modelarts-demo-data/README.md`]);
  });

  it('the status filter on Lite Servers applies under its group and stays when the tree is built again', async () => {
    const category = await under().regionCategory('Lite Servers');
    const all = await children(category);
    under().ui.answer('Stopped');
    await vscode.commands.executeCommand('modelarts.filterByStatus', category);
    try {
      assert.deepEqual(under().ui.errors, []);
      const filtered = await children(category);
      assert.ok(filtered.length > 0 && filtered.every((node) => status(node) === 'Stopped'), filtered.map(status).join(' | '));
      assert.ok(filtered.length < all.length, 'servers of other states are left out');
      provider().reload();
      const rebuilt = await under().regionCategory('Lite Servers');
      assert.equal(String(rebuilt.getTreeItem().description), 'only Stopped');
      assert.deepEqual((await children(rebuilt)).map(label), filtered.map(label));
    } finally {
      await vscode.commands.executeCommand('modelarts.clearStatusFilter', await under().regionCategory('Lite Servers'));
    }
  });

  it('what the user expanded opens expanded when its rows are built anew (a region removed and added again), what they collapsed opens collapsed', async () => {
    const other = 'cn-east-3';
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const reported: string[] = [];
    const subscriptions = [
      treeView().onDidExpandElement(({ element }) => reported.push(`expanded ${element.id}`)),
      treeView().onDidCollapseElement(({ element }) => reported.push(`collapsed ${element.id}`)),
    ];
    const roots = async () => (await children(undefined as unknown as Node)).map(label);
    const addRegion = async () => {
      under().ui.answer(other);
      await vscode.commands.executeCommand('modelarts.addRegion');
      await until(roots, (names) => names.includes(other), `${other} to be listed`);
    };
    const removeAndAddRegion = async () => {
      under().ui.answer(other);
      await vscode.commands.executeCommand('modelarts.removeRegion');
      await until(roots, (names) => !names.includes(other), `${other} to be removed`);
      await addRegion();
    };
    const storageOf = async () => under().child(await under().child(undefined, other), 'Storage and Images');
    const bucketsId = `region/${other}/group/storage/obsBuckets`;
    await addRegion();
    try {
      const buckets = await under().regionCategory('OBS Buckets', other);
      assert.equal(shownState(buckets).collapsibleState, collapsed, 'a new row opens collapsed');
      await treeView().reveal(buckets, { expand: true, select: false, focus: false });
      await until(() => reported, (events) => events.includes(`expanded ${bucketsId}`), 'the workbench to report OBS Buckets expanded');

      // The workbench forgets the rows of a removed region: added again (a settings change), they are new rows to it.
      await removeAndAddRegion();
      const storage = await storageOf();
      const rebuilt = await under().child(storage, 'OBS Buckets');
      assert.notEqual(rebuilt, buckets, 'the nodes were built again');
      assert.equal(shownState(storage).collapsibleState, expanded, 'the group opens expanded');
      assert.equal(shownState(rebuilt).collapsibleState, expanded, 'the category opens expanded');
      assert.equal(shownState(await under().child(storage, 'SWR Images')).collapsibleState, collapsed, 'what was not expanded stays collapsed');
      // The workbench reports a collapse only of a row it shows expanded: Collapse All proves it opened the new row so.
      reported.length = 0;
      await treeView().reveal(rebuilt, { select: false, focus: false });
      await vscode.commands.executeCommand('workbench.actions.treeView.modelarts.explorer.collapseAll');
      await until(() => reported, (events) => events.includes(`collapsed ${bucketsId}`), 'the workbench to report the rebuilt OBS Buckets collapsed');
      await removeAndAddRegion();
      assert.equal(shownState(await storageOf()).collapsibleState, collapsed, 'the group opens collapsed again');
    } finally {
      subscriptions.forEach((subscription) => subscription.dispose());
      // As the suite found them: no regions in the user's settings (the next suites count on it).
      await vscode.workspace.getConfiguration('modelarts').update('regions', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
