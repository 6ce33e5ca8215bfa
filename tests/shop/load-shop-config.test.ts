import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyShopOverrides, loadShopConfigFile, parseShopConfig } from '../../harness/shop/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { rejectionOf } from '../helpers/thrown.ts';

const dir = useTempDir('shop-config');

async function writeConfig(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('loadShopConfigFile', () => {
  it('returns the partial configuration the file holds, defaults not filled in', async () => {
    const path = await writeConfig('ok.json', '{ "stock": 50, "defences": { "perAddressLimit": false } }');
    expect(await loadShopConfigFile(path)).toEqual({ stock: 50, defences: { perAddressLimit: false } });
  });

  it('names the file when it cannot be read', async () => {
    const missing = join(dir, 'missing.json');
    const error = await rejectionOf(() => loadShopConfigFile(missing));
    expect(error.code).toBe('shop.shop-config-unreadable');
    expect(error.message).toContain(missing);
    expect(error.message).toContain('ENOENT');
  });

  it('names the file when it is not valid JSON', async () => {
    const path = await writeConfig('broken.json', '{ "stock": 50, }');
    const error = await rejectionOf(() => loadShopConfigFile(path));
    expect(error.code).toBe('shop.shop-config-invalid-json');
    expect(error.message).toContain(path);
  });

  it('names the file and the field when a value is out of range', async () => {
    const path = await writeConfig('bad.json', '{ "service": { "workers": 0 } }');
    const error = await rejectionOf(() => loadShopConfigFile(path));
    expect(error.code).toBe('shop.bad-shop-config');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/\(got 0\) → at service\.workers/);
  });

  it('refuses a file holding a JSON array', async () => {
    const path = await writeConfig('array.json', '[1, 2]');
    const error = await rejectionOf(() => loadShopConfigFile(path));
    expect(error.message).toContain('must hold a JSON object');
  });
});

describe('applyShopOverrides', () => {
  it('reads values as JSON: numbers, booleans, arrays; anything else as a string', () => {
    const result = applyShopOverrides({ stock: 50 }, [
      'defences.perAddressLimit=false',
      'perPersonLimit=2',
      'faults.slowdowns=[{"fromMs":0,"toMs":5000,"factor":3}]',
      'secret=a-secret-of-enough-length',
    ]);
    expect(result).toEqual({
      stock: 50,
      perPersonLimit: 2,
      defences: { perAddressLimit: false },
      faults: { slowdowns: [{ fromMs: 0, toMs: 5000, factor: 3 }] },
      secret: 'a-secret-of-enough-length',
    });
    expect(parseShopConfig(result).defences.requireAdmissionToken).toBe(true);
  });

  it('merges into a nested group from the base instead of replacing it', () => {
    const result = applyShopOverrides({ service: { s0Ms: 20, sigma: 0.1 } }, ['service.kappa=0.01']);
    expect(result.service).toEqual({ s0Ms: 20, sigma: 0.1, kappa: 0.01 });
  });

  it('does not change the base object', () => {
    const base = { defences: { ticketCap: true } };
    applyShopOverrides(base, ['defences.ticketCap=false']);
    expect(base.defences.ticketCap).toBe(true);
  });

  it('refuses an unknown key, naming it and listing the allowed ones', () => {
    expect(() => applyShopOverrides({}, ['stok=5'])).toThrow(
      /unknown field "stok"; allowed: .*\bstock\b.*defences\.ticketCap/,
    );
  });

  it('refuses an override without "="', () => {
    expect(() => applyShopOverrides({}, ['stock'])).toThrow(/--set stock: expected key=value/);
  });

  it('refuses a value of the wrong type, naming the flag and the field', () => {
    expect(() => applyShopOverrides({}, ['defences.ticketCap=maybe'])).toThrow(
      /--set defences\.ticketCap=maybe:\n✖ Invalid input: expected boolean, received string \(got "maybe"\) → at defences\.ticketCap/,
    );
  });
});
