// Keeps docs/openapi.yaml true (DESIGN.md §4): the documented paths and methods are
// exactly the routes that rosterd serves (`rosterd --routes`), every operation documents a
// success response, every $ref points at something, `redocly lint` (the recommended rules,
// redocly.yaml) finds no problem, every 2xx JSON answer has an example, and every example
// validates against its own schema. The scenarios check rosterd's real answers against the
// spec as they run (tests/api/lib/openapi.mjs, called by the harness's HTTP client).
//
// Run: node --test tests/api/openapi.test.mjs   (ROSTER_BIN overrides build/rosterd)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { validateValue, responseProblems } from './lib/openapi.mjs';

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

// ---- redocly lint ---------------------------------------------------------------

const REDOCLY = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
const REDOCLY_CONFIG = fileURLToPath(new URL('../../redocly.yaml', import.meta.url));

test('redocly lint (recommended rules) reports no error and no warning', () => {
	assert.ok(existsSync(REDOCLY), `${REDOCLY} is missing: run "npm ci" (make deps-test does)`);
	// Nothing leaves the machine: no usage data, no update check, no notices.
	const env = {
		...process.env,
		REDOCLY_TELEMETRY: 'off',
		REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
		REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
		NO_COLOR: '1',
	};
	const r = spawnSync(process.execPath, [REDOCLY, 'lint', SPEC_FILE, '--config', REDOCLY_CONFIG, '--format=json'], {
		cwd: ROOT,
		env,
		encoding: 'utf8',
		timeout: 60_000,
	});
	assert.ok(!r.error, `redocly did not run: ${r.error}`);
	let report;
	try {
		report = JSON.parse(r.stdout);
	} catch {
		assert.fail(`redocly lint printed no JSON report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
	}
	const problems = (report.problems ?? []).map((p) => {
		const loc = p.location?.[0];
		const at = loc?.start ? `${loc.start.line}:${loc.start.col}` : (loc?.pointer ?? '');
		return `docs/openapi.yaml:${at} ${p.severity} ${p.ruleId}: ${p.message}`;
	});
	assert.deepEqual(problems, [], `redocly lint:\n  ${problems.join('\n  ')}`);
	assert.equal(report.totals?.errors, 0);
	assert.equal(report.totals?.warnings, 0);
	assert.equal(r.status, 0, `redocly lint exited ${r.status}: ${r.stderr}`);
});

// ---- examples ---------------------------------------------------------------------

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];

/** Calls fn(schema, where) for a schema and each of its subschemas (not through $ref). */
function eachSchema(schema, where, fn) {
	if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
	fn(schema, where);
	for (const k of SUBSCHEMA_MAPS) for (const [n, sub] of Object.entries(schema[k] ?? {})) eachSchema(sub, `${where}/${k}/${n}`, fn);
	for (const k of SUBSCHEMA_LISTS) (schema[k] ?? []).forEach((sub, i) => eachSchema(sub, `${where}/${k}/${i}`, fn));
	for (const k of SUBSCHEMA_ONE) eachSchema(schema[k], `${where}/${k}`, fn);
}

/**
 * Every example of the document with the schema it must match:
 * media types, parameters and headers (`example`, `examples.*.value`) and schemas (`examples`).
 */
function allExamples() {
	const out = [];
	const walk = (node, where) => {
		if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${where}/${i}`));
		if (!node || typeof node !== 'object') return;
		if (node.schema && typeof node.schema === 'object') {
			if ('example' in node) out.push({ schema: node.schema, value: node.example, where: `${where}/example` });
			for (const [name, ex] of Object.entries(node.examples ?? {})) {
				const e = deref(ex);
				if (e && 'value' in e) out.push({ schema: node.schema, value: e.value, where: `${where}/examples/${name}` });
			}
			eachSchema(node.schema, `${where}/schema`, (s, w) => {
				if (Array.isArray(s.examples)) s.examples.forEach((v, i) => out.push({ schema: s, value: v, where: `${w}/examples/${i}` }));
			});
		}
		for (const [k, v] of Object.entries(node)) {
			if (k !== 'schema' && k !== 'example' && k !== 'examples') walk(v, `${where}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
		}
	};
	walk(spec.paths, '#/paths');
	for (const k of ['responses', 'parameters', 'headers', 'requestBodies']) walk(spec.components?.[k], `#/components/${k}`);
	for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
		eachSchema(schema, `#/components/schemas/${name}`, (s, w) => {
			if (Array.isArray(s.examples)) s.examples.forEach((v, i) => out.push({ schema: s, value: v, where: `${w}/examples/${i}` }));
		});
	}
	return out;
}

test('every example in the spec validates against its own schema', () => {
	const examples = allExamples();
	assert.ok(examples.length >= 40, `only ${examples.length} examples found`);
	const bad = [];
	for (const { schema, value, where } of examples) {
		const problems = validateValue(schema, value);
		if (problems.length) bad.push(`${where}:\n      ${problems.join('\n      ')}`);
	}
	assert.deepEqual(bad, [], `examples that do not match their schema:\n  ${bad.join('\n  ')}`);
});

test('every 2xx JSON response has an example', () => {
	const without = [];
	for (const { route, op } of operations()) {
		for (const [status, resp] of Object.entries(op.responses ?? {})) {
			if (!/^2/.test(status)) continue;
			const media = deref(resp)?.content?.['application/json'];
			if (media && !('example' in media) && Object.keys(media.examples ?? {}).length === 0) without.push(`${route} ${status}`);
		}
	}
	assert.deepEqual(without, [], `2xx JSON responses without an example: ${without.join(', ')}`);
});

// ---- the check of real answers (tests/api/lib/openapi.mjs) ------------------------

test('the answer check refuses what the spec does not say, and accepts what it says', () => {
	const JSON_CT = { 'content-type': 'application/json', 'x-request-id': 'req_0123456789ab' };
	const err = (code) => JSON.stringify({ error: { code, message: 'm' } });
	const health = { method: 'GET', path: '/healthz', status: 200, headers: JSON_CT, text: '{"status":"ok"}' };
	const ok = (r) => assert.deepEqual(responseProblems(r), [], JSON.stringify(r));
	const bad = (r, re) => {
		const p = responseProblems(r);
		assert.ok(p.some((x) => re.test(x)), `expected a problem matching ${re} for ${JSON.stringify(r)}, got ${JSON.stringify(p)}`);
	};
	ok(health);
	ok({ ...health, path: '/api/v1/nope', status: 404, text: err('not_found') });
	ok({ ...health, method: 'DELETE', path: '/api/v1/me', status: 405, text: err('method_not_allowed') });
	ok({ ...health, path: '/api/v1/orgs/org_x/members/usr_y?x=1', status: 404, text: err('not_found') });
	bad({ ...health, status: 418 }, /not documented for healthz/);
	bad({ ...health, text: '{"status":"fine"}' }, /must be equal to constant/);
	bad({ ...health, text: '{"status":"ok","extra":1}' }, /\/extra: a field the spec does not document/);
	bad({ ...health, text: 'ok' }, /not JSON/);
	bad({ ...health, headers: { 'content-type': 'text/html', 'x-request-id': 'req_1' } }, /Content-Type/);
	bad({ ...health, headers: { 'content-type': 'application/json' } }, /X-Request-Id is missing/);
	bad({ ...health, path: '/api/v1/me', status: 401, text: err('no_such_code') }, /no_such_code.*not named/);
	bad({ ...health, path: '/api/v1/nope', status: 403, text: err('forbidden') }, /no operation has GET/);
	bad({ method: 'POST', path: '/api/v1/auth/password/reset', status: 204, headers: JSON_CT, text: '{}' }, /without a body/);
});
