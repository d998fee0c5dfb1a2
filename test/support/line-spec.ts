/**
 * Validation of request and webhook bodies against LINE's official OpenAPI specs
 * (`shared/line-openapi/messaging-api.yml` and `webhook.yml`).
 *
 * The specs model subtypes by inheritance: a base (`Message`, `FlexComponent`, `Action`,
 * `Event`...) carries `discriminator.mapping` and each subtype is `allOf: [$ref base, {...}]`.
 * A JSON-schema validator ignores `discriminator`, so it would accept a flex message without
 * `altText` or a bubble holding `{ "type": "nonsense" }`. This module converts the components
 * into JSON Schema for ajv and resolves every discriminator:
 *
 * - each base `B` is split into `B__core` (its own properties, no discriminator) and `B`,
 *   which requires the discriminator property, restricts it to the mapped values and
 *   dispatches with `if { type: const k } then { $ref subtype }`;
 * - each subtype's `allOf` points at `B__core` instead of `B` (no infinite recursion), and a
 *   subtype mapped from exactly one value also pins the property to that value, so that a
 *   direct `$ref` to a subtype (a carousel's `contents` are `FlexBubble`s) is checked too;
 * - OpenAPI-only keywords (`example`, `externalDocs`, `discriminator`, `x-*`) are stripped,
 *   the formats `int32`, `int64` and `double` are defined here, `uri` and `date-time` come
 *   from ajv-formats;
 * - a few requirements documented by LINE but missing from the specs are added
 *   ({@link specSupplements}).
 *
 * Validators are compiled once per schema name and worker: lazily, or up front with
 * {@link compileValidators} (the fake Messaging API does so before it listens: the first compile
 * takes about a second, several on a busy machine, and must not delay a reply past a client's timeout).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { parse } from 'yaml';

/** The directory holding the official specs, beside the repository. */
export const lineOpenApiDir = new URL('../../../shared/line-openapi/', import.meta.url);

/** The two specs this module validates against. */
export type LineSpec = 'messaging-api' | 'webhook';

/** One reason a body does not match a schema. */
export interface SpecViolation {
  /** JSON pointer into the body, `''` for the body itself (e.g. `/messages/0/altText`). */
  readonly instancePath: string;
  /** What is wrong there, in ajv's words (e.g. `must have required property 'altText'`). */
  readonly message: string;
}

type JsonSchema = Record<string, unknown>;

/**
 * Requirements that LINE documents but the specs leave out, merged into the named schemas
 * with `allOf`. Without them a postback action without `data` would pass.
 */
export const specSupplements: Readonly<Record<LineSpec, Readonly<Record<string, JsonSchema>>>> = {
  'messaging-api': {
    // https://developers.line.biz/en/reference/messaging-api/#postback-action: data is required.
    PostbackAction: { required: ['data'] },
    // https://developers.line.biz/en/reference/messaging-api/#message-action: text is required.
    MessageAction: { required: ['text'] },
    // https://developers.line.biz/en/reference/messaging-api/#uri-action: uri is required.
    URIAction: { required: ['uri'] },
    // https://developers.line.biz/en/reference/messaging-api/#datetime-picker-action
    DatetimePickerAction: { required: ['data', 'mode'] },
    // https://developers.line.biz/en/reference/messaging-api/#items-object: type "action" and action are required.
    QuickReplyItem: { required: ['type', 'action'], properties: { type: { const: 'action' } } },
  },
  webhook: {},
};

const specFiles: Record<LineSpec, string> = {
  'messaging-api': 'messaging-api.yml',
  webhook: 'webhook.yml',
};

const openApiOnlyKeywords = new Set(['example', 'externalDocs', 'discriminator', 'xml']);

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function defRef(name: string): string {
  return `#/$defs/${name}`;
}

function coreName(base: string): string {
  return `${base}__core`;
}

/**
 * Rewrites one OpenAPI schema object into JSON Schema: `#/components/schemas/X` refs become
 * `#/$defs/X` and OpenAPI-only keywords are dropped. Property names are left untouched.
 */
function convertSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(convertSchema);
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (openApiOnlyKeywords.has(keyword) || keyword.startsWith('x-')) continue;
    if (keyword === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', '#/$defs/');
    } else if (keyword === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, convertSchema(sub)]));
    } else if (['items', 'additionalProperties', 'not'].includes(keyword)) {
      out[keyword] = convertSchema(value);
    } else if (['allOf', 'anyOf', 'oneOf'].includes(keyword) && Array.isArray(value)) {
      out[keyword] = value.map(convertSchema);
    } else {
      out[keyword] = value;
    }
  }
  return out;
}

interface Discriminator {
  propertyName: string;
  mapping: Record<string, string>;
}

function readDiscriminator(schema: JsonSchema, name: string): Discriminator | undefined {
  const discriminator = schema.discriminator;
  if (discriminator === undefined) return undefined;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string' || !isObject(discriminator.mapping)) {
    throw new Error(`${name}: discriminator without propertyName and mapping is not supported`);
  }
  const mapping: Record<string, string> = {};
  for (const [value, ref] of Object.entries(discriminator.mapping)) {
    if (typeof ref !== 'string') throw new Error(`${name}: discriminator.mapping.${value} is not a $ref string`);
    mapping[value] = ref.replace('#/components/schemas/', '');
  }
  return { propertyName: discriminator.propertyName, mapping };
}

/** Builds the `$defs` of one spec, with every discriminator resolved. */
export function specToJsonSchemaDefs(
  schemas: Record<string, unknown>,
  supplements: Readonly<Record<string, JsonSchema>> = {},
): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  const bases = new Map<string, Discriminator>();
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema)) throw new Error(`components.schemas.${name} is not an object`);
    const discriminator = readDiscriminator(schema, name);
    if (discriminator !== undefined) bases.set(name, discriminator);
    defs[name] = convertSchema(schema);
  }

  for (const [base, { propertyName, mapping }] of bases) {
    const values = Object.keys(mapping);
    defs[coreName(base)] = defs[base];
    defs[base] = {
      allOf: [
        { $ref: defRef(coreName(base)) },
        ...values.map((value) => ({
          if: { properties: { [propertyName]: { const: value } }, required: [propertyName] },
          then: { $ref: defRef(mapping[value] as string) },
        })),
      ],
      required: [propertyName],
      properties: { [propertyName]: { enum: values } },
    };

    const valuesBySubtype = new Map<string, string[]>();
    for (const [value, subtype] of Object.entries(mapping)) {
      valuesBySubtype.set(subtype, [...(valuesBySubtype.get(subtype) ?? []), value]);
    }
    for (const [subtype, subtypeValues] of valuesBySubtype) {
      const schema = defs[subtype];
      if (!isObject(schema) || !Array.isArray(schema.allOf)) {
        throw new Error(`${base}: mapped subtype ${subtype} has no allOf pointing at its base`);
      }
      const allOf = schema.allOf.map((part: unknown) =>
        isObject(part) && part.$ref === defRef(base) ? { ...part, $ref: defRef(coreName(base)) } : part,
      );
      if (subtypeValues.length === 1) {
        allOf.push({ properties: { [propertyName]: { const: subtypeValues[0] } } });
      }
      defs[subtype] = { ...schema, allOf };
    }
  }

  for (const [name, supplement] of Object.entries(supplements)) {
    const schema = defs[name];
    if (!isObject(schema)) throw new Error(`supplement for unknown schema ${name}`);
    defs[name] = {
      ...schema,
      allOf: [...(Array.isArray(schema.allOf) ? (schema.allOf as unknown[]) : []), supplement],
    };
  }
  return defs;
}

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function createAjv(): Ajv {
  // strictTypes and strictRequired are off: the specs split `type`, `properties` and `required`
  // of one object across allOf parts, which is valid but trips those two lint-like checks.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  // ajv-formats is CommonJS; under NodeNext its default import is the module object.
  const addFormats = ajvFormats as unknown as typeof ajvFormats.default;
  addFormats(ajv, ['uri', 'date-time']);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= int32.min && n <= int32.max,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  return ajv;
}

interface LoadedSpec {
  readonly ajv: Ajv;
  readonly schemaNames: ReadonlySet<string>;
  readonly validators: Map<string, ValidateFunction>;
}

const loaded = new Map<LineSpec, LoadedSpec>();

function loadSpec(spec: LineSpec): LoadedSpec {
  const cached = loaded.get(spec);
  if (cached !== undefined) return cached;
  const file = new URL(specFiles[spec], lineOpenApiDir);
  const document: unknown = parse(readFileSync(file, 'utf8'));
  if (!isObject(document) || !isObject(document.components) || !isObject(document.components.schemas)) {
    throw new Error(`${file.pathname}: no components.schemas`);
  }
  const schemas = document.components.schemas;
  const ajv = createAjv();
  ajv.addSchema({ $id: spec, $defs: specToJsonSchemaDefs(schemas, specSupplements[spec]) });
  const result: LoadedSpec = { ajv, schemaNames: new Set(Object.keys(schemas)), validators: new Map() };
  loaded.set(spec, result);
  return result;
}

function validatorFor(spec: LineSpec, schemaName: string): ValidateFunction {
  const { ajv, schemaNames, validators } = loadSpec(spec);
  const cached = validators.get(schemaName);
  if (cached !== undefined) return cached;
  if (!schemaNames.has(schemaName)) {
    throw new Error(`${specFiles[spec]} has no schema named ${schemaName} (see components.schemas)`);
  }
  const validate = ajv.compile({ $ref: `${spec}#/$defs/${schemaName}` });
  validators.set(schemaName, validate);
  return validate;
}

/**
 * Compiles the validators of these schemas now, so that no later validation pays for it.
 * Throws when a schema name does not exist.
 */
export function compileValidators(spec: LineSpec, schemaNames: readonly string[]): void {
  for (const schemaName of schemaNames) validatorFor(spec, schemaName);
}

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `${error.message ?? 'is invalid'}: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (error.keyword === 'const') return `${error.message ?? 'is invalid'}: ${JSON.stringify(params.allowedValue)}`;
  return error.message ?? `fails ${error.keyword}`;
}

/**
 * Validates `body` against `components.schemas[schemaName]` of a spec and returns the
 * violations (empty when valid). Throws when the schema name does not exist.
 */
export function checkAgainstSpec(spec: LineSpec, schemaName: string, body: unknown): SpecViolation[] {
  const validate = validatorFor(spec, schemaName);
  if (validate(body)) return [];
  const seen = new Set<string>();
  const violations: SpecViolation[] = [];
  for (const error of validate.errors ?? []) {
    // "must match "then" schema" only repeats what the dispatched subtype already reported.
    if (error.keyword === 'if') continue;
    const violation = { instancePath: error.instancePath, message: describeError(error) };
    const key = `${violation.instancePath} ${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations;
}

function asLines(violations: readonly SpecViolation[]): string[] {
  return violations.map(({ instancePath, message }) => `${instancePath === '' ? '(body)' : instancePath} ${message}`);
}

/**
 * Validates a Messaging API request body (`ReplyMessageRequest`, `PushMessageRequest`,
 * `RichMenuRequest`, `ShowLoadingAnimationRequest`, `Message`, `FlexContainer`...) and returns
 * readable errors such as `/messages/0 must have required property 'altText'`, or `[]`.
 */
export function validateMessagingApi(schemaName: string, body: unknown): string[] {
  return asLines(checkAgainstSpec('messaging-api', schemaName, body));
}

/**
 * Validates a webhook payload (`CallbackRequest`, `Event`, `MessageEvent`...) against
 * webhook.yml and returns readable errors, or `[]`.
 */
export function validateWebhook(schemaName: string, body: unknown): string[] {
  return asLines(checkAgainstSpec('webhook', schemaName, body));
}
