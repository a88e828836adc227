import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FactoryRefusedError, IntegrityError } from '../../../src/core/errors.js';
import { rejectionOf, useStandin } from './standin-fixture.js';

const yamlText = 'customization:\n    extraKernelArgs:\n        - net.ifnames=0\n';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('factory client: schematics', () => {
  const start = useStandin();

  it('creates a schematic and returns the stored text and the Server header', async () => {
    const { client, standin } = await start({ serverVersion: 'v1.5.0' });
    const created = await client.createSchematic(yamlText);
    expect(created.id).toBe(sha256(created.schematic));
    expect(created.schematic).toBe(yamlText);
    expect(created.server).toBe('Image Factory v1.5.0');
    expect(standin.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /schematics']);
  });

  it('fetches the schematic when an older factory answers with the ID only', async () => {
    const { client, standin } = await start({ schematicResponse: 'id-only' });
    const created = await client.createSchematic(yamlText);
    expect(created.schematic).toBe(yamlText);
    expect(standin.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /schematics',
      `GET /schematics/${created.id}`,
    ]);
  });

  it('gets a stored schematic by ID', async () => {
    const { client } = await start();
    const { id } = await client.createSchematic(
      '{"customization": {"extraKernelArgs": ["net.ifnames=0"]}}',
    );
    expect(await client.getSchematic(id)).toBe(yamlText);
  });

  it('reports an unknown schematic as a 404 refusal', async () => {
    const { client } = await start();
    const error = await rejectionOf(client.getSchematic('0'.repeat(64)));
    expect(error).toBeInstanceOf(FactoryRefusedError);
    expect((error as FactoryRefusedError).status).toBe(404);
    expect((error as FactoryRefusedError).factoryMessage).toBe('schematic not found');
    expect((error as FactoryRefusedError).message).toContain('unknown schematic');
  });

  it('reports an invalid schematic as a 400 refusal carrying the factory message, without retrying', async () => {
    const { client, standin } = await start();
    const error = await rejectionOf(client.createSchematic('customization:\n  something: 1\n'));
    expect(error).toBeInstanceOf(FactoryRefusedError);
    const refused = error as FactoryRefusedError;
    expect(refused.status).toBe(400);
    expect(refused.factoryMessage).toContain('something');
    expect(refused.message).toContain('invalid schematic');
    expect(standin.requests).toHaveLength(1);
  });

  it('refuses a stored schematic whose text does not hash to the ID', async () => {
    const { client, standin } = await start();
    const { id } = await client.createSchematic(yamlText);
    standin.addFault({
      match: { path: `/schematics/${id}`, method: 'GET' },
      fault: { kind: 'status', status: 200, body: 'customization: {}\n' },
    });
    const error = await rejectionOf(client.getSchematic(id));
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).message).toContain(id);
  });
});
