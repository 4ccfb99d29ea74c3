import type { ExtensionLog } from '../logging';
import { asModelArtsError } from '../services/errors';
import type { PollableNode, PollResult } from './nodes/explorerNode';

/**
 * Refreshes resources in transitional states (starting, stopping, creating…)
 * while the explorer is visible. It runs only while such a resource is shown:
 * with nothing transitional, no timer exists and no request is sent.
 */
export class TransitionPoller {
  private readonly tracked = new Map<string, PollableNode>();
  private timer: NodeJS.Timeout | undefined;
  private visible = false;
  private inFlight: AbortController | undefined;
  private ticking = false;

  constructor(
    private readonly intervalMs: () => number,
    private readonly onResult: (node: PollableNode, result: PollResult) => void,
    private readonly log: ExtensionLog,
  ) {}

  /** How many resources are being watched; 0 means polling has stopped. */
  get trackedCount(): number {
    return this.tracked.size;
  }

  get isPolling(): boolean {
    return this.timer !== undefined || this.ticking;
  }

  track(node: PollableNode): void {
    this.tracked.set(node.id, node);
    this.schedule();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.schedule();
  }

  /** Forget everything, e.g. when the whole tree is rebuilt. */
  clear(): void {
    this.tracked.clear();
    this.inFlight?.abort();
    this.schedule();
  }

  dispose(): void {
    this.clear();
    this.visible = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.ticking) {
      return; // the running tick schedules the next one when it ends
    }
    const shouldRun = this.visible && this.tracked.size > 0;
    if (shouldRun && !this.timer) {
      this.timer = setTimeout(() => void this.tick(), this.intervalMs());
    } else if (!shouldRun && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    this.timer = undefined;
    const controller = new AbortController();
    this.inFlight = controller;
    const nodes = [...this.tracked.values()];
    await Promise.all(
      nodes.map(async (node) => {
        try {
          const result = await node.poll(controller.signal);
          if (controller.signal.aborted) {
            return;
          }
          if (result === 'gone' || !node.isTransitional()) {
            this.tracked.delete(node.id);
          }
          if (result !== 'unchanged') {
            this.onResult(node, result);
          }
        } catch (error) {
          // Keep watching: a passing failure should not freeze a spinner forever, and is not worth a pop-up.
          this.log.warn(`Could not refresh ${node.id}: ${asModelArtsError(error).toDisplayString()}`);
        }
      }),
    );
    if (this.inFlight === controller) {
      this.inFlight = undefined;
    }
    this.ticking = false;
    this.schedule();
  }
}
