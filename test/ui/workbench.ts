// What a person sees and clicks in VS Code's web workbench, found the way VS Code 1.139 renders it.
// Every wait is on the page's state; a wait that runs out says what it was waiting for.
import type { Locator, Page } from '../vscode-host/playwright';

/**
 * Matches exactly `text`, not a longer label that contains it. White space around it is allowed: Playwright
 * matches a regular expression against an element's text followed by its shadow root's, which a web component pads.
 */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

export class Workbench {
  constructor(
    readonly page: Page,
    /** The view container's id from package.json's viewsContainers. */
    private readonly containerId: string,
  ) {}

  /** The side bar while it shows the extension's view container. */
  get container(): Locator {
    return this.page.locator(`.part.sidebar [id="workbench.view.extension.${this.containerId}"]`);
  }

  get sideBarTitle(): Locator {
    return this.page.locator('.part.sidebar .composite.title h2');
  }

  /** The side bar's progress bar, running while a view waits for its extension to start or its tree to load. */
  get sideBarProgress(): Locator {
    return this.page.locator('.part.sidebar .monaco-progress-container.active');
  }

  activityBarIcon(title: string): Locator {
    return this.page.locator(`.part.activitybar a.action-label[aria-label="${title}"]`);
  }

  get welcome(): Locator {
    return this.container.locator('.welcome-view-content');
  }

  /** A row of the view's tree by its label; `level` is its depth, 1 for the roots. */
  treeRow(label: string, level: number): Locator {
    return this.treeRowsAt(level).filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) });
  }

  /** Rows at one depth of the tree, e.g. the resources under the expanded categories. */
  treeRowsAt(level: number): Locator {
    return this.container.locator(`.monaco-list-row[role="treeitem"][aria-level="${level}"]`);
  }

  /** The status icon of `row` when it is the codicon named `codicon`. */
  statusIcon(row: Locator, codicon: string): Locator {
    return row.locator(statusIconSelector(codicon));
  }

  /** Those of `rows` whose icon is the codicon named `codicon`. */
  withStatusIcon(rows: Locator, codicon: string): Locator {
    return rows.filter({ has: this.page.locator(statusIconSelector(codicon)) });
  }

  /** Those of `rows` that have no icon at all. */
  withoutIcon(rows: Locator): Locator {
    return rows.filter({ hasNot: this.page.locator('.custom-view-tree-node-item-icon.codicon') });
  }

  description(row: Locator): Locator {
    return row.locator('.label-description');
  }

  /** Those of `rows` whose description (the status first) matches `pattern`. */
  withDescription(rows: Locator, pattern: RegExp): Locator {
    return rows.filter({ has: this.page.locator('.label-description', { hasText: pattern }) });
  }

  /**
   * Clicks one of the buttons a row shows at its right end, such as the "+" of a category, by its tooltip.
   * They only show while the pointer is over the row (or it is selected), so the pointer goes there first.
   */
  async clickInlineAction(row: Locator, title: string): Promise<void> {
    await row.hover();
    const button = this.inlineAction(row, title);
    await expectVisible(button, `the "${title}" button on the row`);
    await button.click();
  }

  /** One of the buttons at a row's right end by its tooltip, whether or not it shows at the moment. */
  inlineAction(row: Locator, title: string): Locator {
    return row.locator(`.actions .action-label[aria-label="${title}"]`);
  }

  /** The tooltips of the buttons at a row's right end, hovering it first so that they show. */
  async inlineActionTitles(row: Locator): Promise<string[]> {
    await row.hover();
    return row.locator('.actions .action-label').evaluateAll(ariaLabels);
  }

  /** A row's position in the tree, counted from the top of everything expanded (its data-index). */
  async rowPosition(row: Locator, what: string): Promise<number> {
    const index = Number(await row.getAttribute('data-index'));
    if (!Number.isInteger(index)) throw new NotSeen(`a position (data-index) on ${what}`);
    return index;
  }

  /** The rows of the view's tree that are selected (highlighted), whether or not the tree has the focus. */
  get selectedTreeRows(): Locator {
    return this.container.locator('.monaco-list-row[role="treeitem"][aria-selected="true"]');
  }

  /** The labels of the selected rows, top to bottom. */
  async selectedLabels(): Promise<string[]> {
    return (await this.selectedTreeRows.locator('.label-name').allInnerTexts()).map((text) => text.trim());
  }

  /**
   * Ctrl+clicks `row` (Cmd+click on a Mac) to add it to the selection, as a person selects several items, and waits
   * until it shows as selected.
   */
  async addToSelection(row: Locator, what: string): Promise<void> {
    await row.click({ modifiers: ['ControlOrMeta'] });
    await expectVisible(row.and(this.selectedTreeRows), `${what} selected after Ctrl+click`);
  }

  /**
   * Clicks a collapsed row's twistie, as a person does, and waits until it shows as expanded. The twistie, not the
   * row: a click on a resource row opens its details, as rows that open something do in VS Code's other trees.
   */
  async expand(label: string, level: number): Promise<Locator> {
    const row = this.treeRow(label, level);
    await expectVisible(row, `the tree item "${label}"`);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    await expectVisible(row.and(this.page.locator('[aria-expanded="true"]')), `"${label}" expanded`);
    return row;
  }

  /** Clicks an expanded row's twistie closed and waits until it shows as collapsed. */
  async collapse(label: string, level: number): Promise<void> {
    const row = this.treeRow(label, level);
    await expectVisible(row, `the tree item "${label}"`);
    if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
    await expectVisible(row.and(this.page.locator('[aria-expanded="false"]')), `"${label}" collapsed`);
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  get quickInputBox(): Locator {
    return this.quickInput.locator('input.input');
  }

  /** Waits for the input box whose prompt contains `prompt`, then types `value` and presses Enter. */
  async answerInputBox(prompt: string, value: string): Promise<void> {
    await expectVisible(this.quickInput.locator('.quick-input-message', { hasText: prompt }), `an input box asking "${prompt}"`);
    await this.quickInputBox.fill(value);
    await this.quickInputBox.press('Enter');
  }

  quickPickItem(label: string): Locator {
    return this.quickInput.locator('.monaco-list-row[role="option"]').filter({
      has: this.page.locator('.label-name', { hasText: exactly(label) }),
    });
  }

  /** A notification toast in any state, also while it fades in or out. */
  toast(text: string): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  /** A notification toast's message once it has faded in, so a screenshot shows it clearly. */
  notification(text: string): Locator {
    return this.page.locator('.notifications-toasts .notification-toast.notification-fade-in-done .notification-list-item-message', {
      hasText: text,
    });
  }

  async openContextMenu(row: Locator): Promise<void> {
    await row.click({ button: 'right' });
    await expectVisible(this.page.locator('.context-view .monaco-menu'), 'a context menu');
  }

  contextMenuItem(label: string): Locator {
    return this.page.locator('.context-view .monaco-menu .action-label', { hasText: exactly(label) });
  }

  /**
   * Clicks a context menu item. VS Code's menu items ignore the mouse for their first 100 ms (so that the mouse-up
   * of the right-click that opened the menu does not choose an item): a click that leaves the menu open is repeated.
   */
  async chooseContextMenuItem(label: string): Promise<void> {
    const menu = this.page.locator('.context-view .monaco-menu');
    for (let attempt = 1; attempt <= 5; attempt++) {
      // On a busy machine the menu a click chose from may close late: it is not clicked again then.
      if (attempt > 1 && !(await menu.isVisible())) return;
      await this.contextMenuItem(label).click();
      if (await menu.waitFor({ state: 'hidden', timeout: 1000 }).then(() => true, () => false)) return;
    }
    throw new NotSeen(`the context menu stayed open after clicking "${label}"`);
  }

  get dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  dialogButton(label: string): Locator {
    return this.dialog.locator('.dialog-buttons .monaco-button', { hasText: exactly(label) });
  }

  /** An editor tab whose file name starts with `prefix` and ends with `suffix`. */
  editorTab(prefix: string, suffix: string): Locator {
    const name = (operator: string, value: string): string => `[data-resource-name${operator}${JSON.stringify(value)}]`;
    return this.page.locator(`.part.editor .tabs-container .tab${name('^=', prefix)}${name('$=', suffix)}`);
  }

  /** An editor tab by its whole title, e.g. a webview panel's. */
  editorTabTitled(title: string): Locator {
    return this.page.locator('.part.editor .tabs-container .tab').filter({ has: this.page.locator('.label-name', { hasText: exactly(title) }) });
  }

  /** The text lines the active editor renders (only those scrolled into view). */
  get activeEditorLines(): Locator {
    return this.page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines');
  }

  /**
   * Drags the side bar's right border so that the side bar is `width` pixels wide, as a person does to read deep tree
   * items whose descriptions it cuts off.
   */
  async resizeSideBar(width: number): Promise<void> {
    const sideBar = this.page.locator('.part.sidebar');
    const edges = async () => (await sideBar.evaluateAll(sideBarEdges))[0];
    const before = await edges();
    if (!before) throw new NotSeen('the side bar');
    // The sash sits on the border between the side bar and the editor area.
    const { mouse } = this.page;
    await mouse.move(before.right, before.middle);
    await mouse.down();
    await mouse.move(before.left + width, before.middle);
    await mouse.up();
    // The sash lays the workbench out as the pointer moves.
    const after = await edges();
    if (!after || Math.abs(after.right - after.left - width) > 2) {
      throw new NotSeen(`the side bar ${width} px wide after dragging its border (it is ${after ? after.right - after.left : 0} px)`);
    }
  }

  /**
   * Moves the pointer to the editor area, where nothing shows a hover, and waits for any tooltip to go:
   * after a menu closes, the pointer rests on whatever tree item was under it, whose tooltip would cover a screenshot.
   */
  async parkPointer(): Promise<void> {
    const { width, height } = this.page.viewportSize() ?? { width: 1280, height: 800 };
    await this.page.mouse.move(Math.round(width * 0.6), Math.round(height * 0.85));
    await expectGone(this.page.locator('.monaco-hover:visible'), 'a tooltip');
  }

  /** A short account of what is on screen, for a failure report. */
  async describe(): Promise<string> {
    const visibleTexts = (locator: Locator): Promise<string[]> => locator.filter({ visible: true }).allInnerTexts();
    const parts: Array<[string, () => Promise<string[]>]> = [
      ['side bar title', () => visibleTexts(this.sideBarTitle)],
      ['welcome text', () => visibleTexts(this.welcome)],
      // A row's text runs label and description together; its aria-label keeps them apart.
      ['tree', () => this.container.locator('.monaco-list-row[role="treeitem"]').evaluateAll(ariaLabels)],
      ['selected in the tree', () => this.selectedTreeRows.evaluateAll(ariaLabels)],
      ['quick input', () => visibleTexts(this.quickInput.locator('.quick-input-title, .quick-input-message'))],
      ['notifications', () => visibleTexts(this.page.locator('.notifications-toasts .notification-list-item-message'))],
      ['dialog', () => visibleTexts(this.dialog.locator('.dialog-message-text, .dialog-message-detail'))],
      ['context menu', () => visibleTexts(this.page.locator('.context-view .monaco-menu .action-label'))],
      ['editor tabs', () => this.page.locator('.part.editor .tab').evaluateAll(ariaLabels)],
    ];
    const lines: string[] = [];
    for (const [name, read] of parts) {
      const texts = (await read().catch(() => [])).map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
      const text = texts.join(' | ');
      if (text) lines.push(`      ${name}: ${text.length > 600 ? `${text.slice(0, 600)}…` : text}`);
    }
    return lines.length > 0 ? lines.join('\n') : '      (nothing recognisable)';
  }
}

/** Runs in the page. */
function sideBarEdges(elements: Element[]): Array<{ left: number; right: number; middle: number }> {
  return elements.map((element) => {
    const box = element.getBoundingClientRect();
    return { left: box.left, right: box.right, middle: Math.round(box.top + box.height / 2) };
  });
}

function statusIconSelector(codicon: string): string {
  return `.custom-view-tree-node-item-icon.codicon-${codicon}`;
}

/** Runs in the page. */
function ariaLabels(elements: Element[]): string[] {
  return elements.map((element) => (element.getAttribute('aria-label') ?? '').replace(/, has actions$/, ''));
}

/** Thrown when what a step expected did not appear; the message says what was expected. */
export class NotSeen extends Error {}

/** Waits until `locator` is visible, or fails naming `what`. */
export async function expectVisible(locator: Locator, what: string, timeoutMs?: number): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new NotSeen(`did not see ${what}`);
  }
}

/** Waits until `locator` is gone, or fails naming `what`. */
export async function expectGone(locator: Locator, what: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden' });
  } catch {
    throw new NotSeen(`${what} did not go away`);
  }
}
