import { escapeHtml } from '../oidc/pages.js';

interface OpenApiOperation {
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
}

interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

function schemaBlock(schema: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`;
}

function renderOperation(method: string, path: string, operation: OpenApiOperation): string {
  const parameters = (operation.parameters ?? [])
    .map(
      (parameter) =>
        `<li><code>${escapeHtml(parameter.name)}</code> (${escapeHtml(parameter.in)}${parameter.required ? ', required' : ''})${
          parameter.description ? ` \u2014 ${escapeHtml(parameter.description)}` : ''
        }</li>`,
    )
    .join('');
  const body = operation.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(operation.responses ?? {})
    .map(([status, response]) => {
      const schema = response.content?.['application/json']?.schema;
      return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(response.description ?? '')}${schema ? schemaBlock(schema) : ''}</li>`;
    })
    .join('');
  const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-');
  return `<section id="${escapeHtml(id)}">
<h2><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>
${operation.summary ? `<p>${escapeHtml(operation.summary)}</p>` : ''}
${operation.description ? `<p>${escapeHtml(operation.description)}</p>` : ''}
${parameters ? `<h3>Parameters</h3><ul>${parameters}</ul>` : ''}
${body ? `<h3>Request body</h3>${schemaBlock(body)}` : ''}
<h3>Responses</h3><ul>${responses}</ul>
</section>`;
}

/** Renders a readable reference page from the OpenAPI document the routes generate. */
export function renderApiReference(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    methods
      .filter((method) => item[method])
      .map((method) => ({ method, path, operation: item[method] as OpenApiOperation })),
  );
  const index = operations
    .map(({ method, path, operation }) => {
      const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-');
      return `<li><a href="#${escapeHtml(id)}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></a> ${escapeHtml(operation.summary ?? '')}</li>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} reference</title>
<link rel="stylesheet" href="/assets/docs.css">
</head>
<body>
<main>
<h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
${document.info.description ? `<p>${escapeHtml(document.info.description)}</p>` : ''}
<p>Machine-readable document: <a href="/v1/auth/openapi.json">/v1/auth/openapi.json</a> (OpenAPI 3.1).</p>
<nav><ul>${index}</ul></nav>
${operations.map(({ method, path, operation }) => renderOperation(method, path, operation)).join('\n')}
</main>
</body>
</html>`;
}
