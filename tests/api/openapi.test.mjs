// Keeps docs/openapi.yaml true (DESIGN.md §4): the documented paths and methods are
// exactly the routes that rosterd serves (`rosterd --routes`), every operation documents a
// success response, and every $ref points at something.
//
// Run: node --test tests/api/openapi.test.mjs   (ROSTER_BIN overrides build/rosterd)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SPEC_FILE = fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url));
const BIN = process.env.ROSTER_BIN || fileURLToPath(new URL('../../build/rosterd', import.meta.url));

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const spec = parse(readFileSync(SPEC_FILE, 'utf8'));

/** "METHOD /path" for every operation in the document. */
function documentedRoutes() {
  const out = new Set();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const m of METHODS) if (item && item[m]) out.add(`${m.toUpperCase()} ${path}`);
  }
  return out;
}

/** Every operation as { route, op, pathItem }. */
function operations() {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const m of METHODS) {
      if (item && item[m]) out.push({ route: `${m.toUpperCase()} ${path}`, op: item[m], pathItem: item });
    }
  }
  return out;
}

/** The routes the binary serves, from `rosterd --routes`. */
function binaryRoutes() {
  assert.ok(existsSync(BIN), `${BIN} does not exist: build it with "make all" (or set ROSTER_BIN)`);
  // Options and variables rosterd would read must not make --routes fail or differ.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('ROSTER_')) delete env[k];
  let out;
  try {
    out = execFileSync(BIN, ['--routes'], { cwd: ROOT, env, encoding: 'utf8', timeout: 10_000 });
  } catch (e) {
    assert.fail(`${BIN} --routes failed (exit ${e.status}): ${e.stderr || e.message}`);
  }
  const routes = new Set();
  for (const line of out.split('\n')) {
    const l = line.trim();
    if (!l) continue;
    const m = /^([A-Z]+) (\/\S*)$/.exec(l);
    assert.ok(m, `unexpected line in --routes output: ${JSON.stringify(line)}`);
    routes.add(`${m[1]} ${m[2]}`);
  }
  assert.ok(routes.size > 0, '--routes printed no route');
  return routes;
}

/** Follows a local JSON pointer ("#/a/b~1c"); undefined when it leads nowhere. */
function resolvePointer(ref) {
  if (!ref.startsWith('#')) return undefined;
  const frag = decodeURIComponent(ref.slice(1));
  if (frag === '') return spec;
  if (!frag.startsWith('/')) return undefined;
  let node = spec;
  for (const raw of frag.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Every $ref in the document with where it was found. */
function allRefs() {
  const out = [];
  const walk = (node, where) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${where}/${i}`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') out.push({ ref: v, where });
        else walk(v, `${where}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  };
  walk(spec, '#');
  return out;
}

/** Follows $ref chains to the object they name. */
function deref(node) {
  for (let i = 0; node && typeof node === 'object' && typeof node.$ref === 'string'; i++) {
    assert.ok(i < 20, 'a $ref chain loops');
    node = resolvePointer(node.$ref);
  }
  return node;
}

test('docs/openapi.yaml is an OpenAPI 3.1 document with paths', () => {
  assert.match(String(spec.openapi), /^3\.1\.\d+$/);
  assert.ok(spec.info?.title && spec.info?.version, 'info.title and info.version are required');
  assert.ok(spec.paths && Object.keys(spec.paths).length > 0, 'no paths');
});

test('every route of rosterd is documented with its method', () => {
  const documented = documentedRoutes();
  const missing = [...binaryRoutes()].filter((r) => !documented.has(r)).sort();
  assert.deepEqual(missing, [], `routes served by rosterd but missing from docs/openapi.yaml:\n  ${missing.join('\n  ')}`);
});

test('every documented path and method exists in rosterd', () => {
  const served = binaryRoutes();
  const extra = [...documentedRoutes()].filter((r) => !served.has(r)).sort();
  assert.deepEqual(extra, [], `operations in docs/openapi.yaml that rosterd does not serve:\n  ${extra.join('\n  ')}`);
});

test('every operation documents at least one 2xx response', () => {
  const without = operations()
    .filter(({ op }) => !Object.keys(op.responses ?? {}).some((s) => /^2(\d\d|XX)$/.test(s)))
    .map(({ route }) => route);
  assert.deepEqual(without, [], `operations without a 2xx response: ${without.join(', ')}`);
});

test('every documented response carries X-Request-Id', () => {
  const without = [];
  for (const { route, op } of operations()) {
    for (const [status, resp] of Object.entries(op.responses ?? {})) {
      const headers = deref(resp)?.headers ?? {};
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'x-request-id')) without.push(`${route} ${status}`);
    }
  }
  assert.deepEqual(without, [], `responses without the X-Request-Id header: ${without.join(', ')}`);
});

test('every 429 response documents Retry-After', () => {
  const without = [];
  for (const { route, op } of operations()) {
    const resp = op.responses?.['429'];
    if (!resp) continue;
    const headers = deref(resp)?.headers ?? {};
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'retry-after')) without.push(route);
  }
  assert.deepEqual(without, [], `429 responses without Retry-After: ${without.join(', ')}`);
});

test('every path template parameter is declared as a path parameter', () => {
  const problems = [];
  for (const { route, op, pathItem } of operations()) {
    const path = route.slice(route.indexOf(' ') + 1);
    const declared = new Set(
      [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]
        .map(deref)
        .filter((p) => p && p.in === 'path')
        .map((p) => p.name),
    );
    for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
      if (!declared.has(name)) problems.push(`${route}: {${name}}`);
    }
  }
  assert.deepEqual(problems, [], `undeclared path parameters: ${problems.join(', ')}`);
});

test('request bodies reject unknown fields (additionalProperties: false)', () => {
  const open = [];
  for (const { route, op } of operations()) {
    const body = deref(op.requestBody);
    const schema = deref(body?.content?.['application/json']?.schema);
    if (schema && schema.type === 'object' && schema.additionalProperties !== false) open.push(route);
  }
  assert.deepEqual(open, [], `request bodies that allow unknown fields: ${open.join(', ')}`);
});

test('every operation has a unique operationId', () => {
  const seen = new Map();
  for (const { route, op } of operations()) {
    assert.ok(op.operationId, `${route} has no operationId`);
    assert.ok(!seen.has(op.operationId), `operationId ${op.operationId} used by ${seen.get(op.operationId)} and ${route}`);
    seen.set(op.operationId, route);
  }
});

test('every $ref resolves', () => {
  const refs = allRefs();
  assert.ok(refs.length > 0);
  const broken = refs.filter(({ ref }) => resolvePointer(ref) === undefined).map(({ ref, where }) => `${where}: ${ref}`);
  assert.deepEqual(broken, [], `unresolved $ref:\n  ${broken.join('\n  ')}`);
});

test('security requirements name declared schemes', () => {
  const schemes = new Set(Object.keys(spec.components?.securitySchemes ?? {}));
  const reqs = [...(spec.security ?? []).map((r) => ['(global)', r])];
  for (const { route, op } of operations()) for (const r of op.security ?? []) reqs.push([route, r]);
  const unknown = [];
  for (const [where, r] of reqs) for (const name of Object.keys(r)) if (!schemes.has(name)) unknown.push(`${where}: ${name}`);
  assert.deepEqual(unknown, [], `unknown security schemes: ${unknown.join(', ')}`);
});
