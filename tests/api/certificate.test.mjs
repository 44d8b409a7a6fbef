// Offline license certificates (docs/licensing.md) and the two verifiers of
// examples/ (verify_license.c with libsodium, verify_license.mjs with WebCrypto).
//
// 1. Without a server: a certificate built here in the exact format, signed
//    with an Ed25519 key made here, is accepted by both verifiers, and refused
//    once one byte of its payload or signature changes, with a wrong key, with
//    a non-canonical or padded encoding, and past valid_until.
// 2. Against a real rosterd (on the engine under test): a device activated by
//    a member holding a seat gets a certificate from GET /api/v1/device/license
//    whose payload says who and what it covers, signed by a key that
//    GET /api/v1/license-key lists; valid_until is min(now + offline_days,
//    ends_at); both verifiers accept it and refuse it once one byte changes;
//    a rotated key stays listed with retired_at, and what it signed still
//    verifies; rosterctl license verify agrees.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeDb, migrate, createUser, startRosterd, rosterctl, api, email, tempDir } from './lib/harness.mjs';
import { spec } from './lib/openapi.mjs';

const run = promisify(execFile);
const C_SOURCE = fileURLToPath(new URL('../../examples/verify_license.c', import.meta.url));
const JS_VERIFIER = fileURLToPath(new URL('../../examples/verify_license.mjs', import.meta.url));
const DOC = fileURLToPath(new URL('../../docs/licensing.md', import.meta.url));
const PW = 'correct horse battery';
const DAY = 86400;
const now = () => Math.floor(Date.now() / 1000);
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');

// An Ed25519 key pair: {privateKey, publicKey: base64url of the 32 raw bytes}.
function keyPair() {
	const { privateKey, publicKey } = generateKeyPairSync('ed25519');
	return { privateKey, publicKey: publicKey.export({ format: 'jwk' }).x };
}

// A certificate in the format roster-license-1 over payloadText (a string or
// an object, serialised as JSON), signed with privateKey.
function certify(payloadText, privateKey, keyId = 'lk_test') {
	const text = typeof payloadText === 'string' ? payloadText : JSON.stringify(payloadText);
	const bytes = Buffer.from(text, 'utf8');
	return { format: 'roster-license-1', key_id: keyId, payload: b64url(bytes), signature: b64url(sign(null, bytes, privateKey)) };
}

function claims(over = {}) {
	const t = now();
	return {
		v: 1,
		key_id: 'lk_test',
		device_id: 'dev_01jdevice',
		device_code: 'LAPTOP-0001',
		user_id: 'usr_01juser',
		org_id: 'org_01jorg',
		license_id: 'lic_01jlicense',
		product: 'Roster Pro',
		plan: 'team',
		unit: 'user',
		ends_at: t + 365 * DAY,
		issued_at: t,
		valid_until: t + 7 * DAY,
		...over,
	};
}

// The base64url text with the byte at index (of the decoded bytes) changed.
function flipByte(text, index) {
	const bytes = Buffer.from(text, 'base64url');
	const i = index < 0 ? bytes.length + index : index;
	bytes[i] ^= 0x01;
	return b64url(bytes);
}

// The text with its character at index replaced by another base64url character.
function changeChar(text, index) {
	const i = index < 0 ? text.length + index : index;
	const c = text[i] === 'B' ? 'C' : 'B';
	return text.slice(0, i) + c + text.slice(i + 1);
}

// The base64url text with the unused low bits of its last character set: the
// same bytes to a lenient decoder, not base64url to a strict one. (null when
// the text has no unused bits, its length a multiple of 4.)
function setUnusedBits(text) {
	const unused = { 2: 4, 3: 2 }[text.length % 4];
	if (!unused) return null;
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	const last = alphabet.indexOf(text.at(-1));
	return text.slice(0, -1) + alphabet[last | 1];
}

let work; // a temporary directory: the compiled C verifier and the certificate files
let cBin;
let files = 0;

// Runs one verifier ('c' or 'js') on cert (an object, or a string written as is).
async function verify(which, cert, publicKey) {
	const file = join(work, `cert-${files++}.json`);
	writeFileSync(file, typeof cert === 'string' ? cert : JSON.stringify(cert));
	const [cmd, args] = which === 'c' ? [cBin, [file, publicKey]] : [process.execPath, [JS_VERIFIER, file, publicKey]];
	try {
		const { stdout, stderr } = await run(cmd, args, { timeout: 15000 });
		return { code: 0, stdout, stderr };
	} catch (err) {
		if (typeof err.code !== 'number') throw err;
		return { code: err.code, stdout: err.stdout, stderr: err.stderr };
	}
}

// Both verifiers accept cert; each prints the payload.
async function accepted(cert, publicKey, what) {
	const payload = Buffer.from(cert.payload, 'base64url').toString('utf8');
	for (const which of ['c', 'js']) {
		const r = await verify(which, cert, publicKey);
		assert.equal(r.code, 0, `${which} verifier accepts ${what}: ${r.stderr}`);
		assert.equal(r.stdout, `${payload}\n`, `${which} verifier prints the payload`);
		assert.match(r.stderr, /^valid until \d+/, `${which} verifier says until when`);
	}
}

// Both verifiers refuse cert, exit 1, say why (matching why when given), and print no payload.
async function refused(cert, publicKey, what, why = /./) {
	for (const which of ['c', 'js']) {
		const r = await verify(which, cert, publicKey);
		assert.equal(r.code, 1, `${which} verifier refuses ${what} (stdout ${r.stdout}, stderr ${r.stderr})`);
		assert.match(r.stderr, /^invalid: /, `${which} verifier says it is invalid`);
		assert.match(r.stderr, why, `${which} verifier says why: ${what}`);
		assert.equal(r.stdout, '', `${which} verifier prints nothing of a refused certificate`);
	}
}

// One byte of the payload or of the signature changed, anywhere: refused.
async function refusedOnceChanged(cert, publicKey) {
	const len = Buffer.from(cert.payload, 'base64url').length;
	for (const i of [0, 1, Math.floor(len / 2), len - 1]) {
		await refused({ ...cert, payload: flipByte(cert.payload, i) }, publicKey, `payload byte ${i} changed`, /signature/);
	}
	for (const i of [0, 31, 32, 63]) {
		await refused({ ...cert, signature: flipByte(cert.signature, i) }, publicKey, `signature byte ${i} changed`, /signature/);
	}
	// One character of the text changed, the last one included.
	for (const i of [0, -1]) {
		await refused({ ...cert, payload: changeChar(cert.payload, i) }, publicKey, `payload character ${i} changed`);
		await refused({ ...cert, signature: changeChar(cert.signature, i) }, publicKey, `signature character ${i} changed`);
	}
	// The same bytes, but a last character whose unused bits are not zero
	// (which a lenient decoder ignores): not base64url, refused.
	await refused({ ...cert, signature: setUnusedBits(cert.signature) }, publicKey, 'the signature with its unused bits set', /base64url/);
	const payload = setUnusedBits(cert.payload) ?? setUnusedBits(b64url(Buffer.concat([Buffer.from(cert.payload, 'base64url'), Buffer.from(' ')])));
	await refused({ ...cert, payload }, publicKey, 'the payload with its unused bits set', /base64url/);
}

before(async () => {
	work = tempDir('roster-certificate-');
	cBin = join(work, 'verify_license');
	await run('cc', ['-std=c17', '-Wall', '-Wextra', '-Werror', '-O2', C_SOURCE, '-lsodium', '-o', cBin], { timeout: 60000 });
});

describe('1. the verifiers, on certificates made here', { timeout: 120000 }, () => {
	const k = keyPair();

	test('step 1.1: a certificate in the format is accepted by both, which print its payload', async () => {
		await accepted(certify(claims(), k.privateKey), k.publicKey, 'a fresh certificate');
		// the payload is UTF-8 JSON: any spacing, any character
		const spaced = JSON.stringify(claims({ device_code: 'Büro-Ä “7”', plan: '' }), null, 2).replace(/":/g, '" :');
		await accepted(certify(spaced, k.privateKey), k.publicKey, 'a payload with spaces and non-ASCII text');
		await accepted(certify(claims({ valid_until: now() + 120 }), k.privateKey), k.publicKey, 'a certificate valid two more minutes');
		// a value that reads like the key valid_until is no key
		await accepted(certify(claims({ device_code: '"valid_until', plan: '\\"valid_until' }), k.privateKey), k.publicKey, 'a device code ending in "valid_until');
	});

	test('step 1.2: one byte of the payload or of the signature changed → refused by both', async () => {
		await refusedOnceChanged(certify(claims(), k.privateKey), k.publicKey);
	});

	test('step 1.3: another key, or a key that is not 32 bytes of base64url → refused by both', async () => {
		const cert = certify(claims(), k.privateKey);
		await refused(cert, keyPair().publicKey, 'another key', /signature/);
		await refused(cert, k.publicKey.slice(0, -2), 'a short key', /public key/);
		await refused(cert, `${k.publicKey}AA`, 'a long key', /public key/);
		await refused(cert, `${k.publicKey}=`, 'a padded key', /public key/);
		await refused(cert, `+${k.publicKey.slice(1)}`, 'a key in the standard alphabet', /public key/);
	});

	test('step 1.4: past valid_until (or without one) → refused by both', async () => {
		await refused(certify(claims({ valid_until: now() - 1 }), k.privateKey), k.publicKey, 'a second past valid_until', /valid_until/);
		await refused(certify(claims({ issued_at: now() - 30 * DAY, valid_until: now() - 23 * DAY }), k.privateKey), k.publicKey, 'a month-old certificate', /valid_until/);
		// ends_at still ahead does not matter: valid_until is the end
		await refused(certify(claims({ valid_until: now() - 60, ends_at: now() + DAY }), k.privateKey), k.publicKey, 'past valid_until before ends_at', /valid_until/);
		const { valid_until: _, ...without } = claims();
		await refused(certify(without, k.privateKey), k.publicKey, 'no valid_until', /valid_until/);
		await refused(certify(claims({ valid_until: String(now() + DAY) }), k.privateKey), k.publicKey, 'valid_until a string', /valid_until/);
		// a device code that looks like a later valid_until does not stand for it
		const sly = claims({ device_code: `x","valid_until":${now() + 100 * DAY},"y":"`, valid_until: now() - 5 });
		await refused(certify(sly, k.privateKey), k.publicKey, 'a device code imitating valid_until', /valid_until/);
	});

	test('step 1.5: bad encodings and other formats → refused by both', async () => {
		const cert = certify(claims(), k.privateKey);
		const std = (s) => Buffer.from(s, 'base64url').toString('base64');
		await refused({ ...cert, payload: `${std(cert.payload)}` }, k.publicKey, 'the payload in standard base64 with padding');
		await refused({ ...cert, signature: std(cert.signature) }, k.publicKey, 'the signature in standard base64 with padding');
		await refused({ ...cert, payload: `${cert.payload}=` }, k.publicKey, 'a padded payload');
		await refused({ ...cert, payload: `${cert.payload.slice(0, 10)} ${cert.payload.slice(10)}` }, k.publicKey, 'a space in the payload');
		await refused({ ...cert, signature: cert.signature.slice(0, -3) }, k.publicKey, 'a short signature');
		await refused({ ...cert, signature: `${cert.signature}AAAA` }, k.publicKey, 'a long signature');
		await refused({ ...cert, signature: '' }, k.publicKey, 'an empty signature');
		await refused({ ...cert, format: 'roster-license-2' }, k.publicKey, 'format roster-license-2', /format|roster-license-1/);
		const { format: _, ...noFormat } = cert;
		await refused(noFormat, k.publicKey, 'no format', /roster-license-1/);
		const { payload: __, ...noPayload } = cert;
		await refused(noPayload, k.publicKey, 'no payload');
		await refused('', k.publicKey, 'an empty file');
		await refused('not json', k.publicKey, 'a file that is not JSON');
	});

	test('step 1.6: docs/licensing.md shows the two verifiers as they are in examples/', () => {
		const doc = readFileSync(DOC, 'utf8');
		const blocks = (lang) => [...doc.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1]);
		assert.ok(blocks('c').includes(readFileSync(C_SOURCE, 'utf8')), 'a c block is examples/verify_license.c');
		assert.ok(blocks('js').includes(readFileSync(JS_VERIFIER, 'utf8')), 'a js block is examples/verify_license.mjs');
	});
});

// ---- 2. against rosterd ---------------------------------------------------------------------

describe('2. the certificates rosterd issues', { timeout: 180000 }, () => {
	let db, srv, c, op;
	let keys; // the answer of GET /api/v1/license-key
	let org;
	let pool; // a per-user pool of org, 3 offline days
	let holder; // a member of org with a seat of pool
	let device; // {token, code, device, certificate} of holder's device

	// The spec checks an answer only once it documents the path.
	const validate = (path) => Boolean(spec.paths?.[path]);
	const licenseKey = () => c.get('/api/v1/license-key', { validate: validate('/api/v1/license-key') });
	const activate = (body) => c.post('/api/v1/devices/activate', body, { validate: validate('/api/v1/devices/activate') });
	const deviceLicense = (token) => c.get('/api/v1/device/license', { token, validate: validate('/api/v1/device/license') });
	const keyOf = (cert) => {
		const k = keys.keys.find((x) => x.id === cert.key_id);
		assert.ok(k, `the key ${cert.key_id} is listed by GET /api/v1/license-key: ${JSON.stringify(keys)}`);
		return k.public_key;
	};
	const decode = (cert) => JSON.parse(Buffer.from(cert.payload, 'base64url').toString('utf8'));

	async function login(mail) {
		const res = await c.login(mail, PW);
		assert.equal(res.status, 200, `login ${mail}: ${res.text}`);
		return res.json.token;
	}

	// A new organization with a member who has a password; {org, member: {id, email}}.
	async function orgWithMember(name) {
		const o = await c.post('/api/v1/orgs', { name, type: 'enterprise', admin: { email: email('adm') } }, { token: op });
		assert.equal(o.status, 201, o.text);
		const mail = email('holder');
		const m = await c.post(`/api/v1/orgs/${o.json.id}/members`, { email: mail, role: 'member', password: PW }, { token: op });
		assert.equal(m.status, 201, m.text);
		return { org: o.json.id, member: { id: m.json.id, email: mail } };
	}

	async function grantSeat(orgId, body, userId) {
		const p = await c.post(`/api/v1/orgs/${orgId}/licenses`, { product: 'Roster Field', seats: 2, unit: 'user', ...body }, { token: op });
		assert.equal(p.status, 201, p.text);
		const s = await c.post(`/api/v1/orgs/${orgId}/licenses/${p.json.id}/seats`, { user_id: userId }, { token: op });
		assert.equal(s.status, 201, s.text);
		return p.json;
	}

	// Activates a device of member and reads its license with the device token.
	async function activateDevice(member, code) {
		const a = await activate({ email: member.email, password: PW, device_code: code, name: `Device ${code}`, platform: 'linux' });
		assert.equal(a.status, 201, a.text);
		assert.match(a.json.token, /^[A-Za-z0-9_-]{43}$/);
		const l = await deviceLicense(a.json.token);
		assert.equal(l.status, 200, l.text);
		return { token: a.json.token, code, activated: a.json, license: l.json, certificate: l.json.certificate };
	}

	before(async () => {
		db = makeDb('certificate');
		await migrate(db);
		const opMail = email('operator');
		await createUser(db, opMail, PW);
		srv = await startRosterd({ db });
		c = api(srv.base);
		op = await login(opMail);
		const k = await licenseKey();
		assert.equal(k.status, 200, k.text);
		keys = k.json;
		({ org, member: holder } = await orgWithMember('Certified'));
		pool = await grantSeat(org, { plan: 'team', offline_days: 3 }, holder.id);
	});

	after(async () => {
		if (srv) {
			const code = await srv.stop();
			if (code !== 0) console.error(`rosterd ended with ${code}; last log lines:\n${srv.logs().split('\n').slice(-6).join('\n')}`);
		}
	});

	test('step 2.1: GET /api/v1/license-key lists the current Ed25519 key, 32 bytes in base64url', async () => {
		assert.equal(keys.algorithm, 'Ed25519');
		assert.match(keys.current, /^lk_/);
		const cur = keys.keys.filter((x) => x.id === keys.current);
		assert.equal(cur.length, 1, `the current key is listed once: ${JSON.stringify(keys)}`);
		assert.match(cur[0].public_key, /^[A-Za-z0-9_-]{43}$/);
		assert.equal(Buffer.from(cur[0].public_key, 'base64url').length, 32);
		assert.equal(cur[0].retired_at, null);
		assert.ok(!Number.isNaN(Date.parse(cur[0].created_at)), `created_at ${cur[0].created_at}`);
		// public: the same with a session, and again
		assert.deepEqual((await c.get('/api/v1/license-key', { token: op, validate: validate('/api/v1/license-key') })).json, keys);
	});

	test('step 2.2: a device of a seat holder gets a certificate of who and what it covers; valid_until = now + offline_days', async () => {
		const t0 = now();
		device = await activateDevice(holder, `LAPTOP-${process.pid}`);
		const t1 = now();
		const { activated, license, certificate: cert } = device;
		assert.equal(activated.licensed, true, JSON.stringify(activated));
		assert.equal(license.licensed, true, JSON.stringify(license));
		assert.equal(license.user.id, holder.id);
		assert.equal(license.license.id, pool.id);
		assert.ok(cert, `a certificate: ${JSON.stringify(license)}`);
		assert.deepEqual(Object.keys(cert).sort(), ['format', 'key_id', 'payload', 'signature']);
		assert.equal(cert.format, 'roster-license-1');
		assert.equal(cert.key_id, keys.current);
		assert.match(cert.payload, /^[A-Za-z0-9_-]+$/);
		assert.match(cert.signature, /^[A-Za-z0-9_-]{86}$/, 'a 64-byte signature in base64url without padding');
		const p = decode(cert);
		assert.deepEqual(Object.keys(p).sort(), ['device_code', 'device_id', 'ends_at', 'issued_at', 'key_id', 'license_id', 'org_id', 'plan', 'product', 'unit', 'user_id', 'v', 'valid_until'].sort());
		assert.equal(p.v, 1);
		assert.equal(p.key_id, cert.key_id);
		assert.equal(p.device_id, license.device.id);
		assert.equal(p.device_code, device.code);
		assert.equal(p.user_id, holder.id);
		assert.equal(p.org_id, org);
		assert.equal(p.license_id, pool.id);
		assert.equal(p.product, 'Roster Field');
		assert.equal(p.plan, 'team');
		assert.equal(p.unit, 'user');
		assert.equal(p.ends_at, Math.floor(Date.parse(pool.ends_at) / 1000));
		assert.ok(p.issued_at >= t0 - 1 && p.issued_at <= t1 + 1, `issued_at ${p.issued_at} is now (${t0}..${t1})`);
		assert.equal(p.valid_until, p.issued_at + 3 * DAY, 'valid_until = issued_at + 3 offline days');
		// the certificate of the activation is one of the same device
		assert.ok(activated.certificate, 'the activation answer has a certificate too');
		assert.equal(decode(activated.certificate).device_code, device.code);
	});

	test('step 2.3: both verifiers accept it with the listed key, and refuse it once one byte changes', async () => {
		const key = keyOf(device.certificate);
		await accepted(device.certificate, key, 'the certificate of GET /api/v1/device/license');
		await accepted(device.activated.certificate, key, 'the certificate of the activation');
		await refusedOnceChanged(device.certificate, key);
		await refused(device.certificate, keyPair().publicKey, 'another key', /signature/);
	});

	test('step 2.4: a pool ending sooner than the offline days → valid_until = ends_at', async () => {
		const { org: o, member } = await orgWithMember('Ending soon');
		const ends = new Date((now() + 2 * DAY) * 1000).toISOString();
		const p = await grantSeat(o, { offline_days: 30, ends_at: ends }, member.id);
		const d = await activateDevice(member, `SHORT-${process.pid}`);
		assert.ok(d.certificate, JSON.stringify(d.license));
		const claimsOf = decode(d.certificate);
		assert.equal(claimsOf.license_id, p.id);
		assert.equal(claimsOf.ends_at, Date.parse(ends) / 1000);
		assert.equal(claimsOf.valid_until, claimsOf.ends_at, 'valid_until is ends_at, sooner than now + 30 days');
		await accepted(d.certificate, keyOf(d.certificate), 'a certificate ending with its pool');
	});

	test('step 2.5: a device of a member without a seat → licensed false, no certificate', async () => {
		const { member } = await orgWithMember('Unlicensed');
		const a = await activate({ email: member.email, password: PW, device_code: `BARE-${process.pid}` });
		assert.equal(a.status, 201, a.text);
		assert.equal(a.json.licensed, false);
		assert.equal(a.json.certificate, null);
		const l = await deviceLicense(a.json.token);
		assert.equal(l.status, 200, l.text);
		assert.equal(l.json.licensed, false);
		assert.equal(l.json.license, null);
		assert.equal(l.json.certificate, null);
	});

	test('step 2.5b: a seat of a cancelled pool → licensed false, the pool and its state, no certificate', async () => {
		const { org: o, member } = await orgWithMember('Cancelled');
		const p = await grantSeat(o, {}, member.id);
		const d = await activateDevice(member, `GONE-${process.pid}`);
		assert.ok(d.certificate, JSON.stringify(d.license));
		const x = await c.patch(`/api/v1/orgs/${o}/licenses/${p.id}`, { state: 'cancelled' }, { token: op });
		assert.equal(x.status, 200, x.text);
		const l = await deviceLicense(d.token);
		assert.equal(l.status, 200, l.text);
		assert.equal(l.json.licensed, false);
		assert.equal(l.json.license?.id, p.id, JSON.stringify(l.json));
		assert.equal(l.json.license.state, 'cancelled');
		assert.equal(l.json.certificate, null);
	});

	test('step 2.6: rosterctl license verify FILE prints the payload and valid (exit 0), or invalid and why (exit 1)', async () => {
		const cert = device.certificate;
		const payload = Buffer.from(cert.payload, 'base64url').toString('utf8');
		const ctl = async (c, args = []) => {
			const file = join(work, `ctl-${files++}.json`);
			writeFileSync(file, typeof c === 'string' ? c : JSON.stringify(c));
			return rosterctl(['license', 'verify', ...(args.length ? args : [file])], { db, input: typeof c === 'string' ? c : JSON.stringify(c) });
		};
		const ok = await ctl(cert);
		assert.equal(ok.code, 0, `${ok.stdout}\n${ok.stderr}`);
		assert.equal(ok.stdout, `${payload}\nvalid\n`);
		// - reads the certificate from stdin
		const stdin = await ctl(cert, ['-']);
		assert.equal(stdin.code, 0, `${stdin.stdout}\n${stdin.stderr}`);
		assert.equal(stdin.stdout, `${payload}\nvalid\n`);
		// one byte changed, or a bad encoding: invalid, and why
		for (const [what, bad, why] of [
			['a payload byte changed', { ...cert, payload: flipByte(cert.payload, 5) }, /signature/],
			['a signature byte changed', { ...cert, signature: flipByte(cert.signature, 40) }, /signature/],
			['the signature with its unused bits set', { ...cert, signature: setUnusedBits(cert.signature) }, /signature/],
			['a padded payload', { ...cert, payload: `${cert.payload}=` }, /payload/],
			['another format', { ...cert, format: 'roster-license-2' }, /format/],
			['not JSON', 'no certificate', /JSON/],
		]) {
			const no = await ctl(bad);
			assert.equal(no.code, 1, `${what}: ${no.stdout}\n${no.stderr}`);
			assert.match(no.stdout, /^invalid: /m, `${what}: says invalid`);
			assert.match(no.stdout, why, `${what}: says why`);
			assert.doesNotMatch(no.stdout, /^valid$/m, what);
		}
		// a key this server does not have
		const mine = keyPair();
		const foreign = await ctl(certify(decode(cert), mine.privateKey, 'lk_someoneelse'));
		assert.equal(foreign.code, 1, foreign.stdout);
		assert.match(foreign.stdout, /^invalid: .*lk_someoneelse/m);
	});

	test('step 2.7: rosterctl license-key rotate → a new current key signs; the old one stays listed, retired, and its certificates still verify', async () => {
		const before = keys;
		const r = await rosterctl(['license-key', 'rotate'], { db });
		assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
		const k = await licenseKey();
		assert.equal(k.status, 200, k.text);
		keys = k.json;
		assert.notEqual(keys.current, before.current, 'a new current key');
		const old = keys.keys.find((x) => x.id === before.current);
		assert.ok(old, `the old key is still listed: ${JSON.stringify(keys)}`);
		assert.equal(old.public_key, before.keys.find((x) => x.id === before.current).public_key);
		assert.ok(old.retired_at && !Number.isNaN(Date.parse(old.retired_at)), `the old key has retired_at: ${JSON.stringify(old)}`);
		assert.equal(keys.keys.find((x) => x.id === keys.current).retired_at, null);
		// what the old key signed still verifies with it
		await accepted(device.certificate, keyOf(device.certificate), 'a certificate signed before the rotation');
		// a new certificate is signed with the new key, and only verifies with it
		const l = await deviceLicense(device.token);
		assert.equal(l.status, 200, l.text);
		assert.equal(l.json.certificate.key_id, keys.current);
		assert.equal(decode(l.json.certificate).key_id, keys.current);
		await accepted(l.json.certificate, keyOf(l.json.certificate), 'a certificate signed after the rotation');
		await refused(l.json.certificate, old.public_key, 'the new certificate with the retired key', /signature/);
	});
});
