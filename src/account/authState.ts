import * as vscode from 'vscode';
import type { ModelArtsError } from '../services/errors';

/** What the profile's status bar item warns of: a key being checked, or a request the cloud refused as unauthenticated. */
export type AuthProblem =
  | { readonly kind: 'checking'; readonly profile: string }
  | { readonly kind: 'failed'; readonly profile: string; readonly error: ModelArtsError };

/**
 * The authentication state of the profile in use. Every request of the signed client reports here (the one place an
 * answer becomes an `auth` error), whichever feature sent it; a later success clears a failure.
 */
export class AuthState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AuthProblem | undefined>();
  readonly onDidChange = this.changed.event;
  private problem: AuthProblem | undefined;

  get current(): AuthProblem | undefined {
    return this.problem;
  }

  /** A key is being checked until the returned function is called. */
  checking(profile: string): () => void {
    const marker: AuthProblem = { kind: 'checking', profile };
    const before = this.problem;
    this.set(marker);
    return () => {
      if (this.problem === marker) {
        this.set(before);
      }
    };
  }

  failed(profile: string, error: ModelArtsError): void {
    this.set({ kind: 'failed', profile, error });
  }

  succeeded(profile: string): void {
    if (this.problem?.kind === 'failed' && this.problem.profile === profile) {
      this.set(undefined);
    }
  }

  /** Another profile is in use: what was said of the last one no longer holds. */
  reset(): void {
    if (this.problem?.kind === 'failed') {
      this.set(undefined);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }

  private set(problem: AuthProblem | undefined): void {
    this.problem = problem;
    this.changed.fire(problem);
  }
}
