// Copies the official SDK's operations and models (../shared/sdk-contract or the folder given) into
// emulator/contract/sdk/, keeping only what the conformance check reads: methods, paths, parameter and field
// types, what is required. The SDK's descriptions stay behind.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = process.argv[2] ?? '../shared/sdk-contract';
const target = 'emulator/contract/sdk';
const files = ['modelarts-v1', 'iam-v3', 'kps-v3', 'swr-v2', 'vpc-v2', 'vpc-v3', 'bss-v2'];

const fieldsOf = (fields) =>
  Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.required ? { type: field.type, required: true } : { type: field.type }]));

for (const file of files) {
  const contract = JSON.parse(readFileSync(join(source, `${file}.json`), 'utf8'));
  const operations = contract.operations.map((operation) => ({
    operation: operation.operation,
    method: operation.method,
    path: operation.path,
    ...(operation.query ? { query: fieldsOf(operation.query) } : {}),
    ...(operation.body ? { body: operation.body } : {}),
    ...(operation.body_required ? { body_required: true } : {}),
    response: operation.response,
  }));
  const models = Object.fromEntries(Object.entries(contract.models).map(([name, fields]) => [name, fieldsOf(fields)]));
  // One operation or model a line, so that a new SDK version shows as a readable diff.
  const lines = [
    '{',
    `"service": ${JSON.stringify(contract.service)},`,
    `"sdk_version_dir": ${JSON.stringify(contract.sdk_version_dir)},`,
    '"operations": [',
    operations.map((operation) => JSON.stringify(operation)).join(',\n'),
    '],',
    '"models": {',
    Object.entries(models).map(([name, fields]) => `${JSON.stringify(name)}: ${JSON.stringify(fields)}`).join(',\n'),
    '}',
    '}',
  ];
  writeFileSync(join(target, `${file}.json`), `${lines.join('\n')}\n`);
  console.log(`${file}: ${operations.length} operations, ${Object.keys(models).length} models`);
}
