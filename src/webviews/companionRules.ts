/**
 * The rules for a VPC, subnet, security group or key pair chosen in a form, shared by the browser
 * (against the lists it was given) and the host (against the lists loaded again before the request).
 * No `vscode` import: bundled into the browser apps.
 */
import type { CompanionChoice, CompanionList } from './protocol';

/** The lists a choice is judged by; a list not given (not loaded yet) judges nothing but emptiness. */
export type CompanionLists = Partial<Record<CompanionList, readonly CompanionChoice[]>>;

/** Why `id` cannot be sent: nothing chosen, not in the list, or listed but unusable; undefined when it can. */
export function choiceProblem(id: string, choices: readonly CompanionChoice[] | undefined, what: string): string | undefined {
  if (!id) {
    return `Choose a ${what}.`;
  }
  if (!choices) {
    return undefined;
  }
  const chosen = choices.find((choice) => choice.id === id);
  if (!chosen) {
    return `Choose a ${what} from the list.`;
  }
  return chosen.unusable ? `${chosen.name} is ${chosen.unusable}: choose another ${what}.` : undefined;
}

/** A subnet in a zone serves only servers of that zone; one without a zone serves all. */
export function subnetServesZone(subnet: CompanionChoice, zone: string): boolean {
  return !zone || !subnet.availabilityZone || subnet.availabilityZone === zone;
}
