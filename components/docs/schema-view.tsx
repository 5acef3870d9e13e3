// A JSON Schema (as our OpenAPI document carries it) drawn as nested lists of fields, on the server.

export type Schema = { [key: string]: unknown };

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

const asSchema = (value: unknown): Schema | undefined => (value && typeof value === "object" ? (value as Schema) : undefined);
const variantsOf = (schema: Schema) => ((schema.anyOf ?? schema.oneOf) as Schema[] | undefined) ?? [];

/** A short type name: `string (uuid)`, `array of object`, `"ACTIVE" | "PAID"`, `integer or null`. */
export function typeLabel(schema: Schema): string {
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop()!;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  const variants = variantsOf(schema);
  if (variants.length) return variants.map(typeLabel).join(" or ");
  if (schema.type === "array") return `array of ${typeLabel(asSchema(schema.items) ?? {})}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : typeof schema.type === "string" ? schema.type : "any";
  return typeof schema.format === "string" ? `${type} (${schema.format})` : type;
}

/** Limits worth telling a caller; the safe-integer bounds zod adds to every integer are not. */
export function constraintsOf(schema: Schema): string[] {
  const notes: string[] = [];
  const range = (min: unknown, max: unknown, unit: string) => {
    const lo = typeof min === "number" && min > -SAFE_INTEGER ? min : undefined;
    const hi = typeof max === "number" && max < SAFE_INTEGER ? max : undefined;
    if (lo !== undefined && hi !== undefined) notes.push(`${lo}–${hi}${unit}`);
    else if (lo !== undefined) notes.push(`≥ ${lo}${unit}`);
    else if (hi !== undefined) notes.push(`≤ ${hi}${unit}`);
  };
  range(schema.minLength, schema.maxLength, " characters");
  range(schema.minItems, schema.maxItems, " items");
  range(schema.minimum, schema.maximum, "");
  if (typeof schema.exclusiveMinimum === "number") notes.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.pattern === "string" && typeof schema.format !== "string") notes.push(`matches ${schema.pattern}`);
  if ("default" in schema) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
}

/** The object whose fields a schema shows: itself, an array's items, or a nullable object. */
function objectOf(schema: Schema, refs: Record<string, Schema>): Schema | undefined {
  if (typeof schema.$ref === "string") return objectOf(refs[schema.$ref.split("/").pop()!] ?? {}, refs);
  if (schema.type === "object" && asSchema(schema.properties)) return schema;
  if (schema.type === "array") return objectOf(asSchema(schema.items) ?? {}, refs);
  const objects = variantsOf(schema).map((v) => objectOf(v, refs)).filter(Boolean);
  return objects.length === 1 ? objects[0] : undefined;
}

function Fields({ object, refs }: { object: Schema; refs: Record<string, Schema> }) {
  const required = new Set((object.required as string[] | undefined) ?? []);
  return (
    <ul className="space-y-2 border-l-2 border-slate-200 pl-3">
      {Object.entries(object.properties as Record<string, Schema>).map(([name, field]) => (
        <li key={name}>
          <FieldLine name={name} schema={field} required={required.has(name)} />
          <Nested schema={field} refs={refs} />
        </li>
      ))}
    </ul>
  );
}

export function FieldLine({ name, schema, required }: { name: string; schema: Schema; required: boolean }) {
  const notes = constraintsOf(schema);
  return (
    <div className="text-sm">
      <code className="font-semibold text-slate-900">{name}</code> <span className="text-slate-600">{typeLabel(schema)}</span>
      {required && <span className="ml-2 text-xs font-semibold uppercase text-rose-700">required</span>}
      {notes.length > 0 && <span className="ml-2 text-xs text-slate-600">{notes.join(" · ")}</span>}
      {typeof schema.description === "string" && <p className="text-slate-700">{schema.description}</p>}
    </div>
  );
}

function Nested({ schema, refs }: { schema: Schema; refs: Record<string, Schema> }) {
  const object = objectOf(schema, refs);
  return object ? (
    <div className="mt-2">
      <Fields object={object} refs={refs} />
    </div>
  ) : null;
}

/** A request or response body: its type, then its fields. */
export function SchemaView({ schema, refs }: { schema: Schema; refs: Record<string, Schema> }) {
  const object = objectOf(schema, refs);
  return (
    <div className="space-y-2">
      {schema.type !== "object" && <p className="text-sm text-slate-600">{typeLabel(schema)}</p>}
      {typeof schema.description === "string" && <p className="text-sm text-slate-700">{schema.description}</p>}
      {object && <Fields object={object} refs={refs} />}
    </div>
  );
}
