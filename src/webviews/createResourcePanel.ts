import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { pickSwrImage } from '../commands/companionPickers';
import { withProgress } from '../commands/progress';
import { requireServices } from '../commands/resourceTarget';
import type { ModelArtsServices } from '../services';
import { isCancellation, LocalErrorCode } from '../services/errors';
import type { WorkspaceScope } from '../services/workspaces';
import type { ResourceKind } from '../views/resourceKind';
import { answerCompanionChoices } from './companionChoices';
import type { FieldErrors } from './formRules';
import type { ErrorInfo, FormScope, HostMessage, WebviewApp, WebviewMessage } from './protocol';
import { errorInfo, WebviewController } from './webviewController';

/**
 * What differs between the create forms: the messages of the form, its options,
 * its rules and the request it makes. The panel around it is the same for all.
 */
export interface CreateForm<Values, T> {
  readonly app: WebviewApp;
  readonly kind: ResourceKind<T>;
  readonly title: string;
  formMessage(scope: FormScope, values: Values): HostMessage;
  /** The form's values when the message is this form's submit, else undefined. */
  submittedValues(message: WebviewMessage): Values | undefined;
  loadOptions(services: ModelArtsServices, region: string, signal?: AbortSignal): Promise<HostMessage>;
  validate(values: Values): FieldErrors;
  /** Checks that need the cloud, made after `validate` passes and before the request (the chosen VPC is still there). */
  check?(services: ModelArtsServices, region: string, values: Values, signal?: AbortSignal): Promise<FieldErrors>;
  create(services: ModelArtsServices, scope: WorkspaceScope, values: Values, signal: AbortSignal): Promise<T>;
  /**
   * Choices that depend on earlier ones (a Lite Server flavor's images): the answer to one of the
   * form's own requests, failures included; undefined for messages that are not such a request.
   */
  answer?(services: ModelArtsServices, region: string, message: WebviewMessage, describe: (error: unknown) => ErrorInfo): Promise<HostMessage> | undefined;
  /** Values that must never be shown, even inside an error text (a login password). */
  secrets?(values: Values): string[];
  /** What to reveal once created, when it is not the answer itself (an HPS server's hyperinstance). */
  revealed?(created: T): { readonly kind: ResourceKind<unknown>; readonly id: string; readonly name: string } | undefined;
}

/**
 * A create form in a panel. A failed submit keeps the form as typed and shows the
 * error next to it; a successful one closes the panel and reveals the new
 * resource in the explorer. Every form may ask for the account's VPCs, subnets,
 * security groups and key pairs, and have an SWR image picked in a quick pick.
 */
export class CreateResourcePanel<Values extends { readonly workspaceId: string; readonly name: string }, T> extends WebviewController {
  private formScope: FormScope | undefined;

  constructor(
    private readonly context: CommandContext,
    private readonly form: CreateForm<Values, T>,
    private readonly region: string,
    private readonly initialValues: Values,
  ) {
    super({ extensionUri: context.extensionUri, log: context.log }, form.app, form.title);
  }

  protected async onMessage(message: WebviewMessage): Promise<void> {
    const submitted = this.form.submittedValues(message);
    if (submitted) {
      await this.submit(submitted);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.post(this.form.formMessage(await this.scope(), this.initialValues));
        await this.loadOptions();
        return;
      case 'reloadOptions':
        await this.loadOptions();
        return;
      case 'cancel':
        this.dispose();
        return;
      case 'browseSwrImage':
        this.post(await this.browseSwrImage());
        return;
      default: {
        const services = requireServices(this.context);
        const describe = (error: unknown): ErrorInfo => errorInfo(error, this.dependencies.log);
        const answer = answerCompanionChoices(services, this.region, message, describe) ?? this.form.answer?.(services, this.region, message, describe);
        if (answer) {
          this.post(await answer);
          return;
        }
        this.dependencies.log.warn(`${this.form.app} webview: "${message.type}" is not for this form`);
      }
    }
  }

  private async scope(): Promise<FormScope> {
    if (!this.formScope) {
      const workspaces = await requireServices(this.context).workspaces.list(this.region);
      this.formScope = { region: this.region, workspaces: workspaces.map((workspace) => ({ id: workspace.id, name: workspace.name })) };
    }
    return this.formScope;
  }

  private async loadOptions(): Promise<void> {
    try {
      this.post(await this.form.loadOptions(requireServices(this.context), this.region));
    } catch (error) {
      this.post({ type: 'optionsFailed', error: errorInfo(error, this.dependencies.log) });
    }
  }

  /** The image picked, or why none could be (dismissing the pick is no error). */
  private async browseSwrImage(): Promise<HostMessage> {
    try {
      const image = await pickSwrImage(this.context, this.region, { title: vscode.l10n.t('Select the SWR repository of the image') });
      return { type: 'swrImageBrowsed', path: image.path };
    } catch (error) {
      return isCancellation(error) ? { type: 'swrImageBrowsed' } : { type: 'swrImageBrowsed', error: errorInfo(error, this.dependencies.log) };
    }
  }

  /** Posts the fields' errors; false when there are none. */
  private refused(fieldErrors: FieldErrors): boolean {
    if (Object.keys(fieldErrors).length === 0) {
      return false;
    }
    this.post({
      type: 'submitFailed',
      error: { errorCode: LocalErrorCode.invalidInput, message: vscode.l10n.t('Some fields need attention.') },
      fieldErrors,
    });
    return true;
  }

  private async submit(values: Values): Promise<void> {
    // The browser checks as the user types; the host checks again, as it would any input.
    if (this.refused(this.form.validate(values))) {
      return;
    }
    this.dependencies.log.redactor.add(...(this.form.secrets?.(values) ?? []));
    this.post({ type: 'submitting' });
    const scope = { region: this.region, workspaceId: values.workspaceId };
    let created: T;
    try {
      const services = requireServices(this.context);
      if (this.refused((await this.form.check?.(services, this.region, values)) ?? {})) {
        return;
      }
      created = await withProgress(vscode.l10n.t('Creating {0} "{1}"…', this.form.kind.label, values.name), (signal) =>
        this.form.create(services, scope, values, signal),
      );
    } catch (error) {
      this.post({ type: 'submitFailed', error: errorInfo(error, this.dependencies.log), fieldErrors: {} });
      return;
    }
    this.dispose();
    const { kind, id, name } = this.form.revealed?.(created) ?? { kind: this.form.kind, id: this.form.kind.id(created), name: this.form.kind.name(created) };
    const node = await this.context.explorer.findNewResource(scope.region, scope.workspaceId, kind.contextValue, id);
    if (node) {
      await this.context.treeView.reveal(node, { select: true, focus: false });
    }
    void this.context.ui.showInformationMessage(vscode.l10n.t('Created {0} "{1}".', kind.label, name));
  }
}
