import * as vscode from 'vscode';
import { asLongOperation } from '../activity/activityScope';
import type { CommandContext } from '../commands/commandContext';
import { pickSwrImage } from '../commands/companionPickers';
import { confirmAction } from '../commands/confirm';
import { locationUri, pickObsLocation } from '../commands/obsPickers';
import { withProgress } from '../commands/progress';
import { announceCreated } from '../commands/nextSteps';
import { requireServices, ResourceReference } from '../commands/resourceTarget';
import type { ModelArtsServices } from '../services';
import { isCancellation, LocalErrorCode } from '../services/errors';
import type { WorkspaceScope } from '../services/workspaces';
import type { ResourceKind } from '../views/resourceKind';
import { answerCompanionChoices } from './companionChoices';
import type { FieldErrors } from './formRules';
import type { ErrorInfo, FormReload, FormScope, HostMessage, ObsBrowseSelect, WebviewApp, WebviewMessage } from './protocol';
import { errorInfo, WebviewController } from './webviewController';

/**
 * What differs between the forms: their messages, options and rules. The panel
 * around them is the same for all.
 */
export interface ResourceForm<Values> {
  readonly app: WebviewApp;
  readonly title: string;
  formMessage(scope: FormScope, values: Values): HostMessage;
  /** The form's values when the message is this form's submit, else undefined. */
  submittedValues(message: WebviewMessage): Values | undefined;
  /** The choices the form offers; absent for a form that has none to load. */
  loadOptions?(services: ModelArtsServices, region: string, signal?: AbortSignal): Promise<HostMessage>;
  validate(values: Values): FieldErrors;
  /** Checks that need the cloud, made after `validate` passes and before the request (the chosen VPC is still there). */
  check?(services: ModelArtsServices, region: string, values: Values, signal?: AbortSignal): Promise<FieldErrors>;
  /**
   * Choices that depend on earlier ones (a Lite Server flavor's images): the answer to one of the
   * form's own requests, failures included; undefined for messages that are not such a request.
   */
  answer?(services: ModelArtsServices, region: string, message: WebviewMessage, describe: (error: unknown) => ErrorInfo): Promise<HostMessage> | undefined;
  /** Passwords that must never be shown, even inside an error text (a login password): no character of them. */
  secrets?(values: Values): string[];
}

/** A question asked before a request that will probably fail, which the user may still send. */
export interface Caution {
  readonly question: string;
  readonly detail: string;
  readonly button: string;
}

/** A form that creates a resource. */
export interface CreateForm<Values, T> extends ResourceForm<Values> {
  readonly kind: ResourceKind<T>;
  /** The question to ask before sending what the loaded choices say will likely fail (an image that does not suit the flavor). */
  caution?(values: Values, options: HostMessage | undefined): Caution | undefined;
  create(services: ModelArtsServices, scope: WorkspaceScope, values: Values, signal: AbortSignal): Promise<T>;
  /** What to reveal once created, when it is not the answer itself (an HPS server's hyperinstance). */
  revealed?(created: T): { readonly kind: ResourceKind<unknown>; readonly id: string; readonly name: string } | undefined;
}

/**
 * A form in a panel. A failed submit keeps the form as typed and shows the error
 * next to it; a successful one closes the panel. Subclasses make the request and
 * say what follows it. Every form may ask for the account's VPCs, subnets,
 * security groups and key pairs, and have an SWR image or an OBS path picked in a quick pick.
 */
export abstract class ResourceFormPanel<Values extends { readonly workspaceId: string; readonly name: string }, T> extends WebviewController {
  private formScope: FormScope | undefined;
  /** The choices last sent to the form. */
  protected loadedOptions: HostMessage | undefined;

  constructor(
    protected readonly context: CommandContext,
    protected readonly form: ResourceForm<Values>,
    protected readonly region: string,
    private readonly initialValues: Values,
    title: string = form.title,
    restored?: vscode.WebviewPanel,
  ) {
    super({ extensionUri: context.extensionUri, log: context.log }, form.app, title, restored);
  }

  /** How a window reload brings the form back (see panelSerializers); undefined: it closes. */
  protected get reloadAs(): FormReload | undefined {
    return undefined;
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
      case 'browseObs':
        this.post(await this.browseObs(message.field, message.select, message.start));
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

  /** The request, under the progress titled `progressTitle`. */
  protected abstract send(services: ModelArtsServices, values: Values, signal: AbortSignal): Promise<T>;
  protected abstract progressTitle(values: Values): string;
  /** After the request succeeded and the panel closed. */
  protected abstract succeeded(result: T, values: Values): Promise<void>;

  /** Refuses values before any request: the field errors shown next to the fields, under a message saying why. */
  protected refuse(message: string, fieldErrors: FieldErrors): void {
    this.post({ type: 'submitFailed', error: { errorCode: LocalErrorCode.invalidInput, message }, fieldErrors });
  }

  protected async submit(values: Values): Promise<void> {
    // The browser checks as the user types; the host checks again, as it would any input.
    this.dependencies.log.redactor.addPassword(...(this.form.secrets?.(values) ?? []));
    const fieldErrors = this.form.validate(values);
    if (Object.keys(fieldErrors).length > 0) {
      this.refuse(vscode.l10n.t('Some fields need attention.'), fieldErrors);
      return;
    }
    this.post({ type: 'submitting' });
    let result: T;
    try {
      const services = requireServices(this.context);
      const cloudErrors = (await this.form.check?.(services, this.region, values)) ?? {};
      if (Object.keys(cloudErrors).length > 0) {
        this.refuse(vscode.l10n.t('Some fields need attention.'), cloudErrors);
        return;
      }
      result = await asLongOperation(this.context.activity, () => withProgress(this.progressTitle(values), (signal) => this.send(services, values, signal)));
    } catch (error) {
      this.post({ type: 'submitFailed', error: errorInfo(error, this.dependencies.log), fieldErrors: {} });
      return;
    }
    this.dispose();
    await this.succeeded(result, values);
  }

  /**
   * The obs:// path picked in the bucket tree for a field, starting in the folder `start` when the form gives one
   * (the boot file's code folder), or why none could be (dismissing the pick is no error).
   */
  private async browseObs(field: string, select: ObsBrowseSelect, start: string | undefined): Promise<HostMessage> {
    try {
      const title = select === 'object' ? vscode.l10n.t('Select an OBS object') : select === 'folder' ? vscode.l10n.t('Select an OBS folder') : vscode.l10n.t('Select an OBS folder or object');
      const location = await pickObsLocation(this.context, this.region, { title, select, start });
      return { type: 'obsBrowsed', field, uri: locationUri(location) };
    } catch (error) {
      return isCancellation(error) ? { type: 'obsBrowsed', field } : { type: 'obsBrowsed', field, error: errorInfo(error, this.dependencies.log) };
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

  private async scope(): Promise<FormScope> {
    if (!this.formScope) {
      const workspaces = await requireServices(this.context).workspaces.list(this.region);
      this.formScope = { region: this.region, workspaces: workspaces.map((workspace) => ({ id: workspace.id, name: workspace.name })), reloadAs: this.reloadAs };
    }
    return this.formScope;
  }

  private async loadOptions(): Promise<void> {
    if (!this.form.loadOptions) {
      return;
    }
    try {
      this.loadedOptions = await this.form.loadOptions(requireServices(this.context), this.region);
      this.post(this.loadedOptions);
    } catch (error) {
      this.post({ type: 'optionsFailed', error: errorInfo(error, this.dependencies.log) });
    }
  }
}

/** A create form: success reveals the new resource in the explorer. */
export class CreateResourcePanel<Values extends { readonly workspaceId: string; readonly name: string }, T> extends ResourceFormPanel<Values, T> {
  constructor(
    context: CommandContext,
    private readonly createForm: CreateForm<Values, T>,
    region: string,
    initialValues: Values,
    restored?: vscode.WebviewPanel,
  ) {
    super(context, createForm, region, initialValues, createForm.title, restored);
  }

  protected override get reloadAs(): FormReload | undefined {
    return { form: 'create' };
  }

  /** Valid values the loaded choices say will likely fail are sent only once the user says so; declining keeps the form. */
  protected override async submit(values: Values): Promise<void> {
    const caution = Object.keys(this.form.validate(values)).length === 0 ? this.createForm.caution?.(values, this.loadedOptions) : undefined;
    if (caution && !(await confirmAction(this.context.ui, caution.question, caution.detail, caution.button))) {
      this.post({ type: 'submitCancelled' });
      return;
    }
    await super.submit(values);
  }

  protected progressTitle(values: Values): string {
    return vscode.l10n.t('Creating {0} "{1}"…', this.createForm.kind.label, values.name);
  }

  protected send(services: ModelArtsServices, values: Values, signal: AbortSignal): Promise<T> {
    return this.createForm.create(services, { region: this.region, workspaceId: values.workspaceId }, values, signal);
  }

  protected async succeeded(created: T, values: Values): Promise<void> {
    this.context.states.created(this.createForm.kind, { region: this.region, workspaceId: values.workspaceId }, created);
    const { kind, id, name } = this.createForm.revealed?.(created) ?? { kind: this.createForm.kind, id: this.createForm.kind.id(created), name: this.createForm.kind.name(created) };
    const node = await this.context.explorer.findNewResource(this.region, values.workspaceId, kind.contextValue, id);
    if (node) {
      await this.context.treeView.reveal(node, { select: true, focus: false });
    }
    // The created resource itself (not another one revealed for it) may have a next step: a training job's log.
    const itself = this.createForm.revealed?.(created) ? undefined : new ResourceReference(this.createForm.kind, { region: this.region, workspaceId: values.workspaceId }, created);
    void announceCreated(this.context, vscode.l10n.t('Created {0} "{1}".', kind.label, name), itself);
  }
}
