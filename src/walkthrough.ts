import * as vscode from 'vscode';
import type { ExtensionLog } from './logging';

/** The walkthrough's id in package.json `contributes.walkthroughs`. */
const WALKTHROUGH_ID = 'gettingStarted';

/**
 * The walkthrough's steps whose "done" is more than their button's command having run (that command may be
 * cancelled or fail), each with the context key its completion event waits for.
 */
const MILESTONES = {
  signedIn: { step: 'signIn', contextKey: 'modelarts.signedIn' },
  notebookConnected: { step: 'notebook', contextKey: 'modelarts.walkthrough.notebookConnected' },
  trainingJobRun: { step: 'trainingJob', contextKey: 'modelarts.walkthrough.trainingJobRun' },
  chatAnswered: { step: 'chat', contextKey: 'modelarts.walkthrough.chatAnswered' },
} as const;

export type WalkthroughMilestone = keyof typeof MILESTONES;

/** The context keys of the steps' `onContext` completion events, by milestone. */
export const WALKTHROUGH_CONTEXT_KEYS = Object.fromEntries(Object.entries(MILESTONES).map(([milestone, { contextKey }]) => [milestone, contextKey])) as {
  readonly [milestone in WalkthroughMilestone]: string;
};

/**
 * Marks walkthrough steps done when the thing itself happened. The context key alone is not enough: VS Code creates
 * its walkthrough service lazily, and a key already true when it does is never counted (the service only records it
 * as seen this session), so a user who signed in before first opening the walkthrough would see that step open
 * forever. The step is therefore also ticked directly with the workbench's `welcome.markStepComplete`, which keeps
 * the step done across windows, and the key covers a walkthrough already open.
 */
export class WalkthroughProgress implements vscode.Disposable {
  private readonly reached = new vscode.EventEmitter<WalkthroughMilestone>();
  readonly onDidReach = this.reached.event;
  private readonly ticked = new Set<WalkthroughMilestone>();

  constructor(
    private readonly extensionId: string,
    private readonly log: ExtensionLog,
  ) {}

  reach(milestone: WalkthroughMilestone): void {
    const { step, contextKey } = MILESTONES[milestone];
    if (milestone !== 'signedIn') void vscode.commands.executeCommand('setContext', contextKey, true);
    if (!this.ticked.has(milestone)) {
      this.ticked.add(milestone);
      // The workbench stores the step as done before it looks the step up, and the lookup fails while the walkthrough
      // service is still registering the steps (the first time it is created, e.g. by this very call): the step
      // stays done all the same, so that failure is only logged.
      void vscode.commands.executeCommand('welcome.markStepComplete', `${this.extensionId}#${WALKTHROUGH_ID}#${step}`).then(undefined, (error: unknown) => {
        this.log.info(`Walkthrough step ${step} marked done; the workbench said: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    this.reached.fire(milestone);
  }

  dispose(): void {
    this.reached.dispose();
  }
}
