import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUMMARY_SCHEMA_VERSION, summarySchema } from '../../harness/report/index.ts';

// docs/SUMMARY-SCHEMA.md documents summary.json field by field; this keeps it in step with
// the zod schema, the contract.
interface ZodDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, { readonly _zod: { readonly def: ZodDef } }>>;
  readonly innerType?: { readonly _zod: { readonly def: ZodDef } };
  readonly element?: { readonly _zod: { readonly def: ZodDef } };
  readonly valueType?: { readonly _zod: { readonly def: ZodDef } };
}

/** Dotted paths of every field: arrays as `name[].field`, records as `name.<key>.field`. */
function fieldPaths(def: ZodDef, path = ''): string[] {
  if (def.type === 'nullable' || def.type === 'optional')
    return def.innerType ? fieldPaths(def.innerType._zod.def, path) : [];
  const paths = path ? [path] : [];
  if (def.type === 'object' && def.shape) {
    for (const [key, value] of Object.entries(def.shape))
      paths.push(...fieldPaths(value._zod.def, path ? `${path}.${key}` : key));
  } else if (def.type === 'array' && def.element) {
    paths.push(...fieldPaths(def.element._zod.def, `${path}[]`).filter((inner) => inner !== `${path}[]`));
  } else if (def.type === 'record' && def.valueType) {
    paths.push(...fieldPaths(def.valueType._zod.def, `${path}.<key>`));
  }
  return paths;
}

describe('docs/SUMMARY-SCHEMA.md', () => {
  it('has a table row for every field of summarySchema, and none for fields it lacks', () => {
    const doc = readFileSync(new URL('../../docs/SUMMARY-SCHEMA.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    const schema = fieldPaths((summarySchema as unknown as { _zod: { def: ZodDef } })._zod.def);
    expect(schema.length).toBeGreaterThan(100);
    expect(schema.filter((path) => !documented.includes(path))).toEqual([]);
    expect(documented.filter((path) => path !== undefined && !schema.includes(path))).toEqual([]);
  });

  it('documents the current schema version and the load engine that replaced k6 in version 2', () => {
    const doc = readFileSync(new URL('../../docs/SUMMARY-SCHEMA.md', import.meta.url), 'utf8');
    expect(SUMMARY_SCHEMA_VERSION).toBe(2);
    expect(doc).toMatch(new RegExp(`^\\| \`schemaVersion\` \\| \`${SUMMARY_SCHEMA_VERSION}\` \\|`, 'm'));
    expect(doc).toMatch(/^\| `stock\.unitsSoldSource` \| `shop` \\\| `caller` \\\| `engine` \|/m);
    expect(doc).not.toMatch(/^\| `k6[.`]/m);
  });
});
