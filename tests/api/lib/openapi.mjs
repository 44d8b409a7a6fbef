// docs/openapi.yaml as a checker of real responses (DESIGN.md §4: the spec is
// kept true by a test). The harness's HTTP client calls checkResponse() for
// every answer it gets, so that every scenario also checks that what rosterd
// answered is what the spec says:
//
//   - the operation is found by method and path template (of the templates
//     matching a path, the one with a literal segment where the others have
//     a parameter decides, for every method, as the router does);
//   - the status must be one the operation documents, or one that any request
//     may receive (read from the table "Errors that any request may receive"
//     at the top of the spec); a request that matches no operation may only get
//     the table's answers (404, 405, …);
//   - a JSON body must validate against the response's schema (JSON Schema
//     2020-12, the dialect of OpenAPI 3.1, with the formats checked) and name
//     no field the schema does not document, and an error's `code` must be
//     named (as `code`) in the response's description or in that table;
//   - a response documented without content must have an empty body; headers
//     marked required must be present, and documented headers must match
//     their schemas.
//
// A request that must not be checked (a malformed one sent on purpose whose
// answer the spec cannot describe) passes { validate: false } to api().req.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const SPEC_FILE = fileURLToPath(new URL('../../../docs/openapi.yaml', import.meta.url));
export const spec = parse(readFileSync(SPEC_FILE, 'utf8'));

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// The statuses and codes that any request may receive, read from the table
// "Errors that any request may receive" in the spec's description, so that the
// check follows the table: { "414": ["uri_too_long"], … }.
function anyRequestErrors() {
	const text = String(spec.info?.description ?? '');
	const start = text.indexOf('## Errors that any request may receive');
	if (start < 0) throw new Error('docs/openapi.yaml: info.description has no "## Errors that any request may receive" table');
	const out = {};
	let inTable = false;
	for (const line of text.slice(start).split('\n').slice(1)) {
		const row = /^\|\s*(\d{3})\s*\|\s*`([a-z_]+)`/.exec(line.trim());
		if (row) {
			(out[row[1]] ??= []).push(row[2]);
			inTable = true;
		} else if (inTable && !line.trim().startsWith('|')) {
			break;
		}
	}
	if (Object.keys(out).length === 0) throw new Error('docs/openapi.yaml: the table "Errors that any request may receive" has no rows');
	return out;
}
const TABLE = anyRequestErrors();

// Any request may receive the table's answers (404: no route has the path, and
// 405: the path exists with other methods, only when no operation matches), and
// 413 for a body over 1 MiB, which is refused before the request is routed (the
// sentence after the table of the JSON operations' errors).
const ANY_REQUEST = {
	...Object.fromEntries(Object.entries(TABLE).filter(([st]) => st !== '404' && st !== '405')),
	413: ['payload_too_large'],
};
const NO_OPERATION = { ...TABLE, ...ANY_REQUEST };

// ---- JSON pointers and $ref ---------------------------------------------------

/** Follows a local JSON pointer ("#/a/b~1c"); undefined when it leads nowhere. */
export function resolvePointer(ref, doc = spec) {
	if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
	const frag = decodeURIComponent(ref.slice(1));
	if (frag === '') return doc;
	if (!frag.startsWith('/')) return undefined;
	let node = doc;
	for (const raw of frag.slice(1).split('/')) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
		node = node[key];
	}
	return node;
}

/** Follows $ref chains (of responses, parameters, headers) to the object they name. */
export function deref(node) {
	for (let i = 0; node && typeof node === 'object' && typeof node.$ref === 'string'; i++) {
		if (i >= 20) throw new Error('a $ref chain loops');
		node = resolvePointer(node.$ref);
	}
	return node;
}

// ---- the schema validator ---------------------------------------------------

const ROOT_ID = 'urn:roster:openapi';
const SCHEMA_PREFIX = '#/components/schemas/';

/** A copy of a schema whose references to components point into the root schema ajv knows. */
function rebase(node) {
	if (Array.isArray(node)) return node.map(rebase);
	if (!node || typeof node !== 'object') return node;
	const out = {};
	for (const [k, v] of Object.entries(node)) {
		if (k === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_PREFIX)) out[k] = `${ROOT_ID}#/$defs/${v.slice(SCHEMA_PREFIX.length)}`;
		else out[k] = rebase(v);
	}
	return out;
}

function makeAjv() {
	const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
	addFormats(ajv);
	// OpenAPI's own annotation keywords of the Schema Object.
	ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example']);
	ajv.addSchema({ $id: ROOT_ID, $defs: rebase(spec.components?.schemas ?? {}) });
	return ajv;
}

let ajvInstance;
const compiled = new WeakMap();

/** A validate function for a schema of the spec (inline or a $ref). */
export function schemaValidator(schema) {
	if (compiled.has(schema)) return compiled.get(schema);
	ajvInstance ??= makeAjv();
	const fn = ajvInstance.compile(rebase(schema));
	compiled.set(schema, fn);
	return fn;
}

/** The schema errors as lines "/pointer: message". */
export function formatErrors(errors) {
	return (errors ?? []).map((e) => {
		const where = e.instancePath || '(the body)';
		const extra = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
		return `${where}: ${e.message}${extra}`;
	});
}

/** Validates a value against a schema of the spec; the problems, or [] when it matches. */
export function validateValue(schema, value) {
	const fn = schemaValidator(schema);
	return fn(value) ? [] : formatErrors(fn.errors);
}

// ---- fields the spec does not name ---------------------------------------------

function schemaAt(node) {
	for (let i = 0; node && typeof node === 'object' && typeof node.$ref === 'string' && i < 20; i++) node = resolvePointer(node.$ref);
	return node;
}

/** The object shape a schema allows: { props: {name: [schemas]}, items: [schemas], open }, through $ref and allOf/anyOf/oneOf. */
function shape(schema, acc = { props: {}, items: [], open: false, any: false }, depth = 0) {
	const s = schemaAt(schema);
	if (!s || typeof s !== 'object' || depth > 20) return acc;
	if (s.properties) {
		acc.any = true;
		for (const [k, v] of Object.entries(s.properties)) (acc.props[k] ??= []).push(v);
	}
	if (s.additionalProperties !== undefined && s.additionalProperties !== false) acc.open = true;
	if (s.patternProperties) acc.open = true;
	if (s.items && typeof s.items === 'object') acc.items.push(s.items);
	for (const k of ['allOf', 'anyOf', 'oneOf']) for (const sub of s[k] ?? []) shape(sub, acc, depth + 1);
	return acc;
}

/**
 * Fields of a (valid) value that the schema never names: a response with a
 * field the spec is silent about is not what the spec says, even when the
 * schema would allow it. Objects documented without properties (free-form,
 * such as settings) are not looked into.
 */
export function undocumentedFields(schema, value, where = '') {
	const out = [];
	const sh = shape(schema);
	if (Array.isArray(value)) {
		if (sh.items.length) value.forEach((v, i) => out.push(...undocumentedFields({ anyOf: sh.items }, v, `${where}/${i}`)));
	} else if (value && typeof value === 'object') {
		if (!sh.any || sh.open) return out;
		for (const [k, v] of Object.entries(value)) {
			if (!sh.props[k]) out.push(`${where}/${k}: a field the spec does not document`);
			else out.push(...undocumentedFields({ anyOf: sh.props[k] }, v, `${where}/${k}`));
		}
	}
	return out;
}

// ---- operations by method and path ------------------------------------------------

const templates = Object.entries(spec.paths ?? {}).map(([template, item]) => {
	const segs = template.split('/').slice(1);
	const re = new RegExp(
		`^/${segs.map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`,
	);
	return { template, item, re, params: segs.map((s) => s.startsWith('{')) };
});
// As the router decides: of the templates that match a path, the one with a
// literal segment at the first position where they differ, for every method.
function literalFirst(a, b) {
	for (let i = 0; i < Math.min(a.params.length, b.params.length); i++)
		if (a.params[i] !== b.params[i]) return a.params[i] ? 1 : -1;
	return 0;
}
templates.sort(literalFirst);

/** { template, op } for a request; op is undefined when no operation has this method and path (pathKnown: some has the path). */
export function findOperation(method, path) {
	const p = path.split('?')[0].split('#')[0];
	const m = method.toLowerCase();
	const decides = templates.find((t) => t.re.test(p));
	if (decides && decides.item[m]) return { template: decides.template, op: decides.item[m], pathItem: decides.item };
	return { template: null, op: undefined, pathKnown: Boolean(decides) };
}

// ---- checking one response ------------------------------------------------------------

function mediaTypeOf(contentType) {
	return String(contentType || '').split(';')[0].trim().toLowerCase();
}

function headerValue(headers, name) {
	const v = headers[name.toLowerCase()];
	return Array.isArray(v) ? v.join(', ') : v;
}

/** The problems with one response, [] when it is what the spec says. */
export function responseProblems({ method, path, status, headers = {}, text = '' }) {
	const problems = [];
	const found = findOperation(method, path);
	const st = String(status);
	let resp;
	let where;
	let codes; // for generic answers: the codes they may carry
	if (found.op && found.op.responses?.[st]) {
		resp = deref(found.op.responses[st]);
		where = `${found.op.operationId ?? found.template}, responses."${st}"`;
	} else if (found.op && found.op.responses?.[`${st[0]}XX`]) {
		resp = deref(found.op.responses[`${st[0]}XX`]);
		where = `${found.op.operationId}, responses."${st[0]}XX"`;
	} else if (ANY_REQUEST[st] || (!found.op && NO_OPERATION[st])) {
		codes = ANY_REQUEST[st] || NO_OPERATION[st];
		where = 'the errors that any request may receive';
	} else if (found.op) {
		const documented = Object.keys(found.op.responses ?? {}).join(', ');
		return [`status ${st} is not documented for ${found.op.operationId} (${method} ${found.template}); it documents ${documented}`];
	} else {
		return [`no operation has ${method} ${path.split('?')[0]}, and ${st} is not an answer to such a request (404 for an unknown path, 405 for a known path with another method)`];
	}

	const type = mediaTypeOf(headerValue(headers, 'content-type'));
	let schema;
	const described = resp?.description ?? '';
	if (codes) {
		schema = { $ref: '#/components/schemas/Error' };
		resp = { headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } } };
	} else {
		const content = resp.content ?? {};
		const types = Object.keys(content);
		if (types.length === 0) {
			if (text.length) problems.push(`documented without a body, but the body is ${JSON.stringify(text.slice(0, 200))}`);
		} else if (!types.some((t) => mediaTypeOf(t) === type)) {
			problems.push(`Content-Type ${JSON.stringify(headerValue(headers, 'content-type') ?? null)} is not one of ${types.join(', ')}`);
		} else {
			schema = content[types.find((t) => mediaTypeOf(t) === type)].schema;
		}
	}
	// Documented headers: present when required, and of their schema's shape.
	for (const [name, h0] of Object.entries(resp.headers ?? {})) {
		const h = deref(h0);
		const v = headerValue(headers, name);
		if (v === undefined) {
			if (h.required) problems.push(`the required header ${name} is missing`);
			continue;
		}
		if (h.schema && name.toLowerCase() !== 'set-cookie') {
			const t = deref(h.schema)?.type;
			const value = t === 'integer' || t === 'number' ? (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v) : v;
			for (const p of validateValue(h.schema, value)) problems.push(`header ${name}: ${p.replace('(the body)', JSON.stringify(v))}`);
		}
	}

	// An answer to HEAD has the headers of the answer to GET and never a body (RFC 9110 §9.3.2).
	if (schema && method.toUpperCase() !== 'HEAD') {
		if (type === 'application/json' || codes) {
			let json;
			try {
				json = JSON.parse(text);
			} catch {
				problems.push(`the body is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
			}
			if (json !== undefined) {
				const invalid = validateValue(schema, json);
				problems.push(...invalid);
				if (invalid.length === 0) problems.push(...undocumentedFields(schema, json));
				const code = json?.error?.code;
				if (typeof code === 'string') {
					// Named in the response's description, or a code of the same status that any request may receive.
					const known = codes ? codes.includes(code) : described.includes(`\`${code}\``) || (TABLE[st] ?? []).includes(code);
					if (!known) problems.push(`the error code ${JSON.stringify(code)} is not named in the description of ${where}`);
				}
			}
		} else {
			problems.push(...validateValue(schema, text));
		}
	}
	return problems.map((p) => `${p}   [${where}]`);
}

/** Throws an AssertionError naming the method, path, status and every problem, when there is one. */
export function checkResponse(res) {
	const problems = responseProblems(res);
	if (problems.length === 0) return;
	const body = res.text.length > 600 ? `${res.text.slice(0, 600)}…` : res.text;
	throw new assert.AssertionError({
		message:
			`${res.method} ${res.path} → ${res.status}: the answer does not match docs/openapi.yaml\n` +
			problems.map((p) => `  - ${p}`).join('\n') +
			`\n  body: ${body}\n  (a request malformed on purpose may pass { validate: false })`,
	});
}
