// The few playwright-core calls the runners use: it lives in .tools, outside node_modules, so its types are not visible.
import { chromiumPath, playwrightCore } from './tools';

/** Debian's chromium as a container allows it: no sandbox, no GPU, no background traffic to Google. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface Chromium {
  launch(options: {
    executablePath: string;
    args: string[];
    env: NodeJS.ProcessEnv;
    handleSIGINT: boolean;
    handleSIGTERM: boolean;
    handleSIGHUP: boolean;
  }): Promise<Browser>;
}

export interface Browser {
  /** A page in a fresh browser context: no cookies, storage or (in code-server) secrets from an earlier page. */
  newPage(options?: { viewport: Size }): Promise<Page>;
  close(): Promise<void>;
  on(event: 'disconnected', listener: () => void): void;
}

export interface Page {
  exposeFunction(name: string, callback: (...args: never[]) => unknown): Promise<void>;
  goto(url: string): Promise<unknown>;
  url(): string;
  locator(selector: string, options?: LocatorOptions): Locator;
  /** `animations: 'disabled'` shows fading menus and notifications as they end up. */
  screenshot(options: { path: string; animations: 'disabled' }): Promise<unknown>;
  setDefaultTimeout(timeoutMs: number): void;
  /** For `goto` only; takes precedence over setDefaultTimeout. */
  setDefaultNavigationTimeout(timeoutMs: number): void;
  viewportSize(): Size | null;
  readonly mouse: Mouse;
  readonly keyboard: Keyboard;
}

/** Keys pressed where the focus is, as a person types into an editor. */
export interface Keyboard {
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
}

/** The pointer: moved, or its (left) button pressed and released, as a drag does. */
export interface Mouse {
  move(x: number, y: number): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

/** Keys held during a click; ControlOrMeta is Cmd on a Mac and Ctrl elsewhere. */
export type Modifier = 'Alt' | 'Control' | 'ControlOrMeta' | 'Meta' | 'Shift';

export interface ClickOptions {
  button?: 'left' | 'right';
  modifiers?: Modifier[];
  timeout?: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface LocatorOptions {
  hasText?: string | RegExp;
  hasNotText?: string | RegExp;
  has?: Locator;
  hasNot?: Locator;
  visible?: boolean;
}

export interface Locator {
  locator(selector: string, options?: LocatorOptions): Locator;
  filter(options: LocatorOptions): Locator;
  /** Elements matching both. */
  and(locator: Locator): Locator;
  /** Elements matching either. */
  or(locator: Locator): Locator;
  first(): Locator;
  count(): Promise<number>;
  waitFor(options: { state: 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  click(options?: ClickOptions): Promise<void>;
  dblclick(): Promise<void>;
  hover(): Promise<void>;
  fill(value: string): Promise<void>;
  scrollIntoViewIfNeeded(): Promise<void>;
  /** The value of an <input> or <textarea>. */
  inputValue(): Promise<string>;
  press(key: string): Promise<void>;
  getAttribute(name: string): Promise<string | null>;
  innerText(): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  evaluate<R>(pageFunction: (element: Element) => R): Promise<R>;
  evaluateAll<R>(pageFunction: (elements: Element[]) => R): Promise<R>;
  isVisible(): Promise<boolean>;
  /** The document of the <iframe> this locator finds. */
  contentFrame(): FrameLocator;
}

/** A frame's document, found again on every use (a webview reloads its frames). */
export interface FrameLocator {
  locator(selector: string, options?: LocatorOptions): Locator;
}

/**
 * Launches Debian's chromium. Signals are left to the caller, which stops its servers too, not only the browser.
 * Playwright-core is pinned to this chromium's version by install-tools.sh.
 */
export function launchChromium(env: NodeJS.ProcessEnv): Promise<Browser> {
  const { chromium } = require(playwrightCore) as { chromium: Chromium };
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    env,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
