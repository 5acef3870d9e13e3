// The API reference, drawn on the server from the same OpenAPI document /api/v1/openapi.json
// serves: plain HTML with no script of its own, so it is light and works offline.
import { Markdown } from "./markdown";
import { FieldLine, SchemaView, type Schema } from "./schema-view";

interface ParameterDoc {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Schema;
}

interface ResponseDoc {
  description: string;
  content?: Record<string, { schema: Schema }>;
  "x-error-codes"?: string[];
}

interface OperationDoc {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters: ParameterDoc[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, ResponseDoc>;
}

export interface ApiDocument {
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Schema> };
}

const METHOD_LOOK: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-900",
  post: "bg-brand-100 text-brand-700",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-rose-100 text-rose-900",
};

function authText(security: OperationDoc["security"]) {
  if (security.length === 0) return "None: anyone may call it.";
  if (security.some((s) => "cronSecret" in s)) return "Bearer CRON_SECRET (the scheduler).";
  const scope = security.find((s) => "bearerToken" in s)?.bearerToken?.[0];
  return scope ? `The browser session, or an access token with the ${scope} scope.` : "The browser session only.";
}

function MethodBadge({ method }: { method: string }) {
  return <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_LOOK[method] ?? ""}`}>{method}</span>;
}

function OperationView({ path, method, operation, refs }: { path: string; method: string; operation: OperationDoc; refs: Record<string, Schema> }) {
  const body = operation.requestBody?.content["application/json"]?.schema;
  return (
    <section id={operation.operationId} aria-labelledby={`${operation.operationId}-title`} className="scroll-mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={`${operation.operationId}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <MethodBadge method={method} />
        <code className="break-all text-slate-900">{path}</code>
      </h3>
      <p className="font-medium text-slate-900">{operation.summary}</p>
      {operation.description && <Markdown text={operation.description} />}
      <p className="text-sm text-slate-700">
        <span className="font-semibold">Authentication:</span> {authText(operation.security)}
      </p>
      {operation.parameters.length > 0 && (
        <div>
          <h4 className="text-sm font-semibold text-slate-900">Parameters</h4>
          <ul className="mt-1 space-y-2">
            {operation.parameters.map((parameter) => (
              <li key={`${parameter.in}-${parameter.name}`}>
                <FieldLine name={parameter.name} schema={{ ...parameter.schema, description: parameter.description }} required={parameter.required} />
                <p className="text-xs text-slate-600">in {parameter.in}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
      {body && (
        <div>
          <h4 className="text-sm font-semibold text-slate-900">Request body (JSON)</h4>
          <SchemaView schema={body} refs={refs} />
        </div>
      )}
      <div>
        <h4 className="text-sm font-semibold text-slate-900">Responses</h4>
        <ul className="mt-1 space-y-1">
          {Object.entries(operation.responses).map(([status, response]) => (
            <ResponseView key={status} status={status} response={response} refs={refs} />
          ))}
        </ul>
      </div>
    </section>
  );
}

function ResponseView({ status, response, refs }: { status: string; response: ResponseDoc; refs: Record<string, Schema> }) {
  const codes = response["x-error-codes"];
  const schema = codes ? undefined : response.content?.["application/json"]?.schema;
  const line = (
    <>
      <code className={`font-bold ${status.startsWith("2") ? "text-emerald-800" : "text-rose-800"}`}>{status}</code>{" "}
      {codes ? (
        <span className="text-slate-700">
          problem+json with code {codes.map((code, i) => <span key={code}>{i > 0 && ", "}<code>{code}</code></span>)}
        </span>
      ) : (
        <span className="text-slate-700">{response.description}</span>
      )}
    </>
  );
  return (
    <li className="text-sm">
      {schema ? (
        <details>
          <summary className="cursor-pointer">{line}</summary>
          <div className="mt-2">
            <SchemaView schema={schema} refs={refs} />
          </div>
        </details>
      ) : (
        line
      )}
    </li>
  );
}

export function ApiDocs({ document }: { document: ApiDocument }) {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation as OperationDoc })),
  );
  const byTag = document.tags
    .map(({ name }) => ({ name, operations: operations.filter((o) => o.operation.tags.includes(name)) }))
    .filter((tag) => tag.operations.length > 0);
  const anchor = (tag: string) => `tag-${tag.toLowerCase().replace(/\W+/g, "-")}`;
  const refs = document.components.schemas;

  return (
    // The reference is in English whatever the site's language.
    <div lang="en" className="lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-8">
      <nav aria-label="API sections" className="mb-6 lg:sticky lg:top-4 lg:mb-0 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <ul className="flex flex-wrap gap-2 text-sm lg:block lg:space-y-1">
          <li>
            <a href="#first-booking" className="text-brand-700 underline-offset-2 hover:underline">
              First booking
            </a>
          </li>
          {byTag.map((tag) => (
            <li key={tag.name}>
              <a href={`#${anchor(tag.name)}`} className="text-brand-700 underline-offset-2 hover:underline">
                {tag.name}
              </a>
            </li>
          ))}
          <li>
            <a href="/api/v1/openapi.json" className="text-brand-700 underline-offset-2 hover:underline">
              openapi.json
            </a>
          </li>
        </ul>
      </nav>
      <div className="min-w-0 space-y-10">
        <header id="first-booking" className="space-y-3">
          <h1 className="text-2xl font-bold tracking-tight">
            {document.info.title} <span className="text-base font-normal text-slate-600">version {document.info.version}</span>
          </h1>
          <Markdown text={document.info.description} />
        </header>
        {byTag.map((tag) => (
          <section key={tag.name} id={anchor(tag.name)} aria-labelledby={`${anchor(tag.name)}-title`} className="scroll-mt-4 space-y-4">
            <h2 id={`${anchor(tag.name)}-title`} className="text-xl font-bold tracking-tight">
              {tag.name}
            </h2>
            {tag.operations.map(({ path, method, operation }) => (
              <OperationView key={operation.operationId} path={path} method={method} operation={operation} refs={refs} />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
