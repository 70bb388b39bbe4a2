import fc from 'fast-check';
import { stringify } from 'yaml';
import { answersJsonSchema } from '../../../src/schema/answers-json-schema.js';
import type { JsonSchemaNode } from '../../../src/schema/json-schema-node.js';
import { extremeNumber } from './extreme-number.js';
import { type FuzzCase, fuzzCase } from './fuzz-case.js';
import { oddText } from './odd-text.js';

/** A value the JSON Schema allows, biased to its bounds (fast-check's integers already favour the ends). */
function allowed(node: JsonSchemaNode): fc.Arbitrary<unknown> {
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum !== undefined) return fc.constantFrom(...node.enum);
  switch (node.type) {
    case 'integer': {
      const min = node.minimum ?? -1e6;
      const max = node.maximum ?? 1e6;
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
    }
    case 'number': {
      const max = node.maximum ?? 1e12;
      if (node.exclusiveMinimum !== undefined) {
        // A bound the value must stay above (a positive rate): the bound itself is not a value at the bound.
        const min = node.exclusiveMinimum;
        return fc.oneof(
          fc.constant(max),
          fc.double({ min, max, minExcluded: true, noNaN: true, noDefaultInfinity: true }),
          fc.integer({ min: Math.floor(min) + 1, max: Math.floor(Math.min(max, 2 ** 31)) }),
        );
      }
      const min = node.minimum ?? -1e12;
      return fc.oneof(
        fc.constantFrom(min, max, -0),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31)) }),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (node.pattern !== undefined) {
        // The one patterned field is a date: mostly real ones, from year 0 to 9999, so that cases reach the engine;
        // the rest impossible (Feb 30) or off the calendar (month 13, day 0).
        const real = fc
          .date({
            min: new Date('0000-01-01T00:00:00Z'),
            max: new Date('9999-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString().slice(0, 10));
        const any = fc
          .tuple(
            fc.integer({ min: 0, max: 9999 }),
            fc.integer({ min: 0, max: 13 }),
            fc.integer({ min: 0, max: 32 }),
          )
          .map(
            ([y, m, d]) =>
              `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
          );
        return fc.oneof({ arbitrary: real, weight: 3 }, { arbitrary: any, weight: 1 });
      }
      return fc.oneof(
        fc.string({ minLength: node.minLength ?? 0, maxLength: node.maxLength ?? 40 }),
        oddText(),
      );
    case 'array':
      return fc.uniqueArray(node.items === undefined ? fc.string() : allowed(node.items), {
        minLength: node.minItems ?? 0,
        maxLength: node.maxItems ?? 4,
      });
    case 'object': {
      const properties = node.properties ?? {};
      const spec = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, allowed(v)]));
      return fc.record(spec, { requiredKeys: [...(node.required ?? [])] });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

interface Shaped {
  cluster?: { nodes?: number; podsPerNode?: number };
  mesh?: { current?: string; sidecars?: number };
  stakeholders?: { name?: unknown; priorities?: Record<string, unknown> }[];
}

/**
 * Stakeholders as the schema allows them in number, but named plainly and apart, as a consultant names them,
 * and with some weight on one criterion at least (all-zero priorities are refused, as under priorities).
 */
function keepStakeholderNames(doc: Shaped): Shaped {
  if (doc.stakeholders === undefined) return doc;
  const stakeholders = doc.stakeholders.slice(0, 3).map((s, i) => {
    const weights = Object.values(s.priorities ?? {}).filter((w): w is number => typeof w === 'number');
    const zero = s.priorities !== undefined && weights.length === 4 && weights.every((w) => w === 0);
    return {
      ...s,
      name: `Stakeholder ${i + 1}`,
      ...(zero ? { priorities: { ...s.priorities, cost: 1 } } : {}),
    };
  });
  return { ...doc, stakeholders };
}

/**
 * The two rules across sections that random values break most of the time (sidecars need a mesh, and no
 * more sidecars than pods), kept, so the case reaches the engine.
 */
function keepCrossFieldRules(doc: Shaped): Shaped {
  const sidecars = doc.mesh?.sidecars;
  if (doc.mesh === undefined || sidecars === undefined) return doc;
  const pods = (doc.cluster?.nodes ?? 10) * (doc.cluster?.podsPerNode ?? 30);
  const allowedSidecars = (doc.mesh.current ?? 'none') === 'none' ? 0 : Math.min(sidecars, pods);
  return { ...doc, mesh: { ...doc.mesh, sidecars: allowedSidecars } };
}

/** One value somewhere in the document replaced by an extreme number or odd text. */
function withOneWrongValue(doc: unknown, at: number, wrong: unknown): unknown {
  const leaves: { parent: Record<string, unknown>; key: string }[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    for (const [key, v] of Object.entries(node)) {
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) walk(v);
      else leaves.push({ parent: node as Record<string, unknown>, key });
    }
  };
  const copy = structuredClone(doc);
  walk(copy);
  const leaf = leaves[at % Math.max(1, leaves.length)];
  if (leaf) leaf.parent[leaf.key] = wrong;
  return copy;
}

/**
 * Whole answers documents shaped by the JSON Schema: every section and key may appear, values sit inside
 * their ranges and at their bounds. Most keep the cross-field rules and reach the decision engine with
 * extreme but valid inputs; some break those rules (sidecars versus pods, calendar dates); some carry one
 * extreme number or odd text in place of a value.
 */
export function schemaShapedAnswers(): fc.Arbitrary<FuzzCase> {
  const shaped = allowed(answersJsonSchema()).map((doc) => keepStakeholderNames(doc as Shaped));
  const write = (doc: unknown, kind: string) => fuzzCase(stringify(doc, { lineWidth: 0 }), [kind]);
  const oneWrong = fc
    .tuple(shaped, fc.nat(), fc.oneof(extremeNumber(), oddText()))
    .map(([doc, at, wrong]) =>
      write(withOneWrongValue(keepCrossFieldRules(doc), at, wrong), 'schema-one-wrong'),
    );
  return fc.oneof(
    { arbitrary: shaped.map((doc) => write(keepCrossFieldRules(doc), 'schema-valid')), weight: 3 },
    { arbitrary: shaped.map((doc) => write(doc, 'schema-raw')), weight: 1 },
    { arbitrary: oneWrong, weight: 1 },
  );
}
