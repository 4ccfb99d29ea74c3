import * as vscode from 'vscode';

/**
 * The walkthrough's steps whose "done" is more than their button's command having run (that command may be
 * cancelled or fail): each completes on a context key set here once the thing itself happened. VS Code keeps a
 * step's completion once seen, so the keys need not outlive the window.
 */
export const WALKTHROUGH_CONTEXT_KEYS = {
  notebookConnected: 'modelarts.walkthrough.notebookConnected',
  trainingJobRun: 'modelarts.walkthrough.trainingJobRun',
  chatAnswered: 'modelarts.walkthrough.chatAnswered',
} as const;

export type WalkthroughMilestone = keyof typeof WALKTHROUGH_CONTEXT_KEYS;

/** Sets a milestone's context key each time it is reached; tests see each reach through `onDidReach`. */
export class WalkthroughProgress implements vscode.Disposable {
  private readonly reached = new vscode.EventEmitter<WalkthroughMilestone>();
  readonly onDidReach = this.reached.event;

  reach(milestone: WalkthroughMilestone): void {
    void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT_KEYS[milestone], true);
    this.reached.fire(milestone);
  }

  dispose(): void {
    this.reached.dispose();
  }
}
