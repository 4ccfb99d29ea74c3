import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Page } from '../../src/services/paging';
import type { ExplorerNode } from '../../src/views/nodes/explorerNode';
import type { PagedNode } from '../../src/views/nodes/messageNodes';
import { PagedChildren } from '../../src/views/nodes/pagedChildren';

/** A row named by its id, as a listing's node. */
function row(id: string, parent: ExplorerNode): ExplorerNode {
  return { id, parent, getTreeItem: () => new vscode.TreeItem(id) };
}

/**
 * A listing whose pages answer when the test says: each read waits for `answer(index, ids)`, so a read that was
 * sent before a change can be made to arrive after the read sent after it.
 */
function controlledListing(): { listing: PagedChildren<string, ExplorerNode>; answer(index: number, ids: string[]): void; reads(): number } {
  const pending: ((page: Page<string>) => void)[] = [];
  const owner: PagedNode = { id: 'category', parent: undefined, getTreeItem: () => new vscode.TreeItem('category'), loadMore: () => listing.loadMore() };
  const listing = new PagedChildren<string, ExplorerNode>(owner, {
    fetchPage: () => new Promise((resolve) => pending.push(resolve)),
    idOf: (id) => id,
    nodeFor: (id) => row(id, owner),
  });
  return { listing, answer: (index, ids) => pending[index]({ items: ids }), reads: () => pending.length };
}

const ids = (nodes: readonly ExplorerNode[]) => nodes.map((node) => node.id);

describe('A paged listing read again while a read is under way', () => {
  it('shows the read sent after the reset, not the older one that arrives after it', async () => {
    const { listing, answer, reads } = controlledListing();
    const before = listing.nodes('items', 'none');
    // A resource is created, and its category read again, while the first read is still under way.
    listing.reset();
    const after = listing.nodes('items', 'none');
    assert.equal(reads(), 2, 'the reset starts a read of its own');
    answer(0, ['old']);
    await new Promise((resolve) => setImmediate(resolve));
    answer(1, ['old', 'created']);
    assert.deepEqual(ids(await after), ['old', 'created']);
    assert.deepEqual(ids(await before), ['old', 'created'], 'whoever asked before the reset sees the fresh list too');
    assert.deepEqual(ids(listing.loadedNodes), ['old', 'created'], 'the older answer added nothing');
  });

  it('still asks once while nothing was reset: a second caller waits for the read under way', async () => {
    const { listing, answer, reads } = controlledListing();
    const first = listing.nodes('items', 'none');
    const second = listing.nodes('items', 'none');
    assert.equal(reads(), 1);
    answer(0, ['a']);
    assert.deepEqual(ids(await first), ['a']);
    assert.deepEqual(ids(await second), ['a']);
  });
});
