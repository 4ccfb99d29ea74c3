// The extension's webview panels (create forms, details) as a person sees and fills them.
// VS Code shows a webview's page two iframes deep; the page is built from @vscode-elements web components,
// whose open shadow roots Playwright's CSS locators pierce, so `vscode-textfield#name input` finds the input box.
import type { FrameLocator, Locator, Page } from '../vscode-host/playwright';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

/** How often, and how long each time, a select's list is opened to click a choice. */
const LIST_ATTEMPTS = 3;
const LIST_ATTEMPT_MS = 4_000;

/** The id a flavor's label ends with, "2 vCPU · 8 GB · CN¥1.05/h (modelarts.vm.cpu.2u)": the value the form sends. */
export function idInLabel(label: string): string {
  return /\(([^()\s]+)\)$/.exec(label)?.[1] ?? label;
}

export class WebviewPanel {
  constructor(private readonly page: Page) {}

  /** The page of the webview in view: the workbench's iframe holds VS Code's host page, whose #active-frame holds the app. */
  get content(): FrameLocator {
    return this.page.locator('iframe.webview.ready').filter({ visible: true }).contentFrame().locator('#active-frame').contentFrame();
  }

  get heading(): Locator {
    return this.content.locator('h1');
  }

  /** "Loading…" and "Loading choices…": the form or its flavors, images and engines are not there yet. */
  get loading(): Locator {
    return this.content.locator('.loading[role="status"]');
  }

  /** The box a failed request shows at the top of the panel. */
  get errorBox(): Locator {
    return this.content.locator('.error-box');
  }

  button(label: string): Locator {
    return this.content.locator('vscode-button', { hasText: exactly(label) });
  }

  /** A form field's control (text field, text area, select, radio group) by its id, as the form names the value. */
  control(id: string): Locator {
    return this.content.locator(`#${id}`);
  }

  /** The line under a field while the field is marked invalid: its error (otherwise the line holds helper text). */
  fieldError(id: string): Locator {
    return this.content.locator(`.field.invalid #${id}-message`);
  }

  /** A text field while it has the keyboard focus. */
  focused(id: string): Locator {
    return this.content.locator(`#${id}[focused]`);
  }

  /** A details panel's status, next to the name. */
  get statusBadge(): Locator {
    return this.content.locator('.details-header .status');
  }

  /** The text box inside a text field, text area or combobox, where typing goes. */
  textBox(id: string): Locator {
    return this.control(id).locator('input, textarea');
  }

  /** A cell's text box in a name/value table, by its accessible name such as "Hyperparameter 1 name". */
  tableCell(accessibleName: string): Locator {
    return this.content.locator(`input[aria-label="${accessibleName}"]`);
  }

  radio(groupId: string, value: string): Locator {
    return this.content.locator(`vscode-radio-group#${groupId} vscode-radio[value="${value}"]`);
  }

  /** A collapsible section, such as a name/value table, by its heading; its header opens and closes it. */
  section(heading: string): Locator {
    return this.content.locator('vscode-collapsible', { has: this.content.locator('.collapsible-header .title', { hasText: heading }) });
  }

  async typeInto(id: string, value: string): Promise<void> {
    await this.textBox(id).fill(value);
  }

  /** A choice in a select's list (seen while the list is open), greyed out or not. */
  option(id: string, text: string, state: 'enabled' | 'disabled'): Locator {
    return this.control(id).locator(state === 'enabled' ? 'li.option:not(.disabled)' : 'li.option.disabled', { hasText: text });
  }

  /** Opens a select's list, unless it is open. */
  async openList(id: string): Promise<void> {
    if (!(await this.control(id).locator('.dropdown.open').isVisible())) {
      // Its text box rather than its chevron: a notification toast may cover the right end of the form.
      await this.textBox(id).click();
    }
  }

  /** Opens a select's list and clicks the first choice that is not greyed out; resolves with its label. */
  async chooseFirst(id: string, what: string): Promise<string> {
    return this.choose(id, what, this.control(id).locator('li.option:not(.disabled)').first());
  }

  /** Opens a select's list and clicks the choice showing `text`; resolves with its whole label. */
  async chooseNamed(id: string, what: string, text: string): Promise<string> {
    return this.choose(id, what, this.option(id, text, 'enabled').first());
  }

  private async choose(id: string, what: string, choice: Locator): Promise<string> {
    const select = this.control(id);
    // The select closes its list when the page scrolls under it, and a click scrolls to a choice below the fold; with the
    // select at the top of the page its list fits below it. A list that closed anyway (that scroll, a late re-render
    // moving the page) is opened again.
    await select.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    let label = '';
    for (let attempt = 1; ; attempt++) {
      try {
        await this.openList(id);
        await expectVisible(choice, `a choice in the ${what} list`, LIST_ATTEMPT_MS);
        label = (await choice.innerText()).trim();
        await choice.click({ timeout: LIST_ATTEMPT_MS });
        break;
      } catch (error) {
        if (attempt === LIST_ATTEMPTS) throw error;
      }
    }
    await expectGone(select.locator('.dropdown.open'), `the ${what} list`);
    const shown = await this.textBox(id).inputValue();
    if (shown !== label) throw new NotSeen(`the ${what} box shows "${shown}" after choosing "${label}"`);
    return label;
  }

  /** A short account of the panel, for a failure report: its heading, what is loading, errors. */
  async describe(): Promise<string> {
    const texts = async (locator: Locator): Promise<string> =>
      (await locator.allInnerTexts().catch(() => [])).map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ');
    const parts: Array<[string, Locator]> = [
      ['panel heading', this.heading],
      ['panel loading', this.loading],
      ['panel error box', this.errorBox],
      ['panel field errors', this.content.locator('.field.invalid .message')],
      ['panel buttons', this.content.locator('vscode-button')],
    ];
    const lines: string[] = [];
    for (const [name, locator] of parts) {
      const text = await texts(locator);
      if (text) lines.push(`      ${name}: ${text}`);
    }
    return lines.join('\n');
  }
}
