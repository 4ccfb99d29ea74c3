import type { ModelArtsServices } from '../../services';
import { LocalErrorCode, ModelArtsError } from '../../services/errors';
import { createDevServerForm } from '../../webviews/createDevServerForm';
import { createNotebookForm, createServiceV1Form, createTrainingJobForm } from '../../webviews/createForms';
import { createServiceV2Form } from '../../webviews/createServiceV2Form';
import type { HostMessage } from '../../webviews/protocol';
import { errorInfo } from '../../webviews/webviewController';
import { ModelArtsTool } from '../modelArtsTool';
import { tablesResult } from '../toolResult';
import type { ScopeInput, ToolScope } from '../toolScope';

interface CreationOptionsInput extends ScopeInput {
  readonly resourceType: 'notebook' | 'training_job' | 'realtime_service' | 'realtime_service_v2' | 'lite_server';
  readonly flavor?: string;
  readonly filter?: string;
}

/** The create forms, whose choices are loaded as the forms load them. */
const FORMS = {
  notebook: createNotebookForm,
  training_job: createTrainingJobForm,
  realtime_service: createServiceV1Form,
  realtime_service_v2: createServiceV2Form,
  lite_server: createDevServerForm,
} as const;

export class GetCreationOptionsTool extends ModelArtsTool<CreationOptionsInput> {
  readonly name = 'modelarts_get_creation_options';
  protected override readonly perRegion = true;

  protected async run(input: CreationOptionsInput, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const options = await FORMS[input.resourceType].loadOptions?.(services, scope.region, signal);
    const images = options?.type === 'devServerOptions' && input.flavor ? await this.liteServerImages(services, scope.region, options.flavors, input.flavor) : undefined;
    const lists = { ...choiceLists(options), ...choiceLists(images) };
    const narrowed = input.filter === undefined ? lists : narrowLists(lists, input.filter);
    const filtered = input.filter === undefined ? '' : ` (those mentioning "${input.filter}")`;
    return tablesResult(`Choices for a new ${input.resourceType.replaceAll('_', ' ')} in ${scope.region}${filtered}:`, narrowed);
  }

  /** A Lite Server flavor's images, asked for as the form asks once a flavor is chosen. */
  private async liteServerImages(services: ModelArtsServices, region: string, flavors: readonly { flavor: string; serverType: 'BMS' | 'ECS' | 'HPS' }[], flavor: string): Promise<HostMessage | undefined> {
    const chosen = flavors.find((candidate) => candidate.flavor === flavor);
    if (!chosen) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, `No Lite Server flavor "${flavor}" in ${region}; the flavors are listed without the flavor input.`, 'config');
    }
    const message = { type: 'loadDevServerImages', serverType: chosen.serverType, flavor } as const;
    return createDevServerForm.answer?.(services, region, message, (error) => errorInfo(error, this.context.log));
  }
}

/** The lists of a form's options message, by their names (flavors, images…); a failure as the error it was. */
function choiceLists(message: HostMessage | undefined): Record<string, readonly object[]> {
  if (message && 'error' in message && message.error) {
    throw new ModelArtsError(message.error.errorCode, message.error.message, 'service', message.error.requestId);
  }
  return Object.fromEntries(Object.entries(message ?? {}).filter((entry): entry is [string, readonly object[]] => Array.isArray(entry[1])));
}

/** Only the choices with a text field containing `filter`, any case: an account's images can be hundreds. */
function narrowLists(lists: Record<string, readonly object[]>, filter: string): Record<string, readonly object[]> {
  const wanted = filter.toLowerCase();
  const mentions = (item: object) => Object.values(item).some((value) => typeof value === 'string' && value.toLowerCase().includes(wanted));
  return Object.fromEntries(Object.entries(lists).map(([name, items]) => [name, items.filter(mentions)]));
}
