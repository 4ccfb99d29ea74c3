/**
 * A resource as a tool result may show it: environment variables by name only, as the details
 * panel shows them, and no password, token or secret value at all. The redactor knows only the
 * account's own credentials; these are anyone's (a job's database password in its environment).
 * No `vscode` import.
 */

/**
 * Fields holding environment variables: `algorithm.environments` of a training job (a map, or a
 * list of maps), `envs` of a service's config or unit, `task_env`, and the forms' `environment`.
 */
const ENVIRONMENT_FIELD = /^(environments?|envs?|task_env)$/i;

/**
 * Fields holding a secret themselves: a login password (`admin_pass`), a notebook's JupyterLab
 * `token`, a DEW secret's `secret_value`, cloud-init `user_data` (which may set a password).
 * Names and types of secrets (`secret_name`, `dew_secret_name`) stay.
 */
const SECRET_ENDINGS = ['pass', 'passwd', 'password', 'pwd', 'token', 'secretvalue', 'secretkey', 'privatekey', 'accesskey', 'userdata', 'credential', 'credentials'];

/** `admin_pass`, `adminPass` and `ADMIN_PASS` alike. */
export function isSecretField(key: string): boolean {
  const plain = key.toLowerCase().replaceAll('_', '');
  return SECRET_ENDINGS.some((ending) => plain.endsWith(ending));
}

const HIDDEN = '(hidden)';

/** `value` with every environment variable's value left out and every secret field hidden, at any depth. */
export function withoutSecretValues(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutSecretValues);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (ENVIRONMENT_FIELD.test(key)) {
        return [key, variableNames(item)];
      }
      if (isSecretField(key) && typeof item !== 'boolean') {
        return [key, item === undefined || item === null || item === '' ? item : HIDDEN];
      }
      return [key, withoutSecretValues(item)];
    }),
  );
}

/** The names of the variables in a map, a list of maps, or a list of `{name, value}` rows; anything else hidden. */
function variableNames(value: unknown): unknown {
  if (value === undefined || value === null) {
    return value;
  }
  const parts: readonly unknown[] = Array.isArray(value) ? value : [value];
  const names = parts.flatMap((part) => {
    if (typeof part !== 'object' || part === null || Array.isArray(part)) {
      return [HIDDEN];
    }
    const row = part as Record<string, unknown>;
    return Object.hasOwn(row, 'name') && Object.hasOwn(row, 'value') && typeof row.name === 'string' ? [row.name] : Object.keys(row);
  });
  return names.length > 0 ? { names, values: 'not shown' } : [];
}
