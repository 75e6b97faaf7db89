const REFERENCE = /"#\/components\/schemas\/([^"]+)"/g;

function references(value: unknown): string[] {
  return [...(JSON.stringify(value) ?? '').matchAll(REFERENCE)].map((match) => match[1]!);
}

/**
 * Keeps only the component schemas the paths refer to, directly or through
 * other components: zod's global registry (and so jsonSchemaTransformObject)
 * also yields an unused `…Input` twin of every schema, and any schema with an
 * id that other code in the process registered.
 */
export function pruneComponents<
  Document extends { paths?: unknown; components?: { schemas?: Record<string, unknown> } },
>(document: Document): Document {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const kept = new Set<string>();
  const pending = references(document.paths);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (kept.has(name) || !(name in schemas)) continue;
    kept.add(name);
    pending.push(...references(schemas[name]));
  }
  return {
    ...document,
    components: {
      ...document.components,
      schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => kept.has(name))),
    },
  };
}
