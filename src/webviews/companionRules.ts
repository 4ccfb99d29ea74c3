/**
 * The rules for a VPC, subnet, security group or key pair chosen in a form, shared by the browser
 * (against the lists it was given) and the host (against the lists loaded again before the request).
 * No `vscode` import: bundled into the browser apps.
 */
import type { CompanionChoice, CompanionList } from './protocol';
import * as l10n from '@vscode/l10n';

/** The lists a choice is judged by; a list not given (not loaded yet) judges nothing but emptiness. */
export type CompanionLists = Partial<Record<CompanionList, readonly CompanionChoice[]>>;

/** Why `id` cannot be sent: nothing chosen, not in the list, or listed but unusable; undefined when it can. */
export function choiceProblem(id: string, choices: readonly CompanionChoice[] | undefined, what: string): string | undefined {
  if (!id) {
    return l10n.t('Choose a {0}.', what);
  }
  if (!choices) {
    return undefined;
  }
  const chosen = choices.find((choice) => choice.id === id);
  if (!chosen) {
    return l10n.t('Choose a {0} from the list.', what);
  }
  return chosen.unusable ? l10n.t('{0} is {1}: choose another {2}.', chosen.name, chosen.unusable, what) : undefined;
}

/** A subnet in a zone serves only servers of that zone; one without a zone serves all. */
export function subnetServesZone(subnet: CompanionChoice, zone: string): boolean {
  return !zone || !subnet.availabilityZone || subnet.availabilityZone === zone;
}
