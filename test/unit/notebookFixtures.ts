import assert from 'node:assert/strict';
import type { EmulatorSession } from './emulatorSession';

export const NOTEBOOKS = '/v1/{project_id}/notebooks';
export const PYTORCH_IMAGE = 'e1a07296-22a8-4f05-8bc8-e936c8e54090';

/** A create body the SDK's model accepts, and a notebook brought to RUNNING, for one test file's session. */
export function notebookFixtures<Notebook extends { id: string; status: string }>(session: EmulatorSession) {
  const createBody = (name: string) => ({ name, flavor: 'modelarts.vm.cpu.2u', image_id: PYTORCH_IMAGE, volume: { category: 'EVS', ownership: 'MANAGED' } });
  /** A new notebook, running after one transition. */
  const running = async (name: string, extra: Record<string, unknown> = {}): Promise<Notebook> => {
    const created = await session.api<Notebook>('POST', NOTEBOOKS, { body: { ...createBody(name), ...extra } });
    assert.equal(created.status, 201, created.text);
    session.advance();
    assert.equal((await session.api<Notebook>('GET', `${NOTEBOOKS}/${created.body.id}`)).body.status, 'RUNNING');
    return created.body;
  };
  return { createBody, running };
}
