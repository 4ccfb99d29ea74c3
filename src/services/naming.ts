/** ModelArts names: 1–64 letters, digits, hyphens and underscores (notebooks §1; training jobs use the same rule, uncertain). */
const RESOURCE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function resourceNameProblem(name: string): string | undefined {
  return RESOURCE_NAME.test(name) ? undefined : 'Use 1 to 64 letters, digits, hyphens (-) or underscores (_).';
}
