// Password reset: the mail (language, link, headers), single use, races,
// voiding of older tokens, password rules.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	makeDb,
	migrate,
	createUser,
	startRosterd,
	startSmtp,
	api,
	assertError,
	email,
	linkToken,
	metricValue,
	poll,
	PUBLIC_URL,
	TOKEN_RE,
} from './lib/harness.mjs';

const SUBJECT = {
	en: 'Reset your roster password',
	fr: 'Réinitialisation de votre mot de passe roster',
	de: 'Ihr roster-Passwort zurücksetzen',
};

describe('password reset scenario', { timeout: 90000 }, () => {
	const PW = 'original password 1';
	const users = {
		fr: email('francoise'),
		de: email('dieter'),
		en: email('emma'),
		race: email('racer'),
		twice: email('twice'),
		rules: email('a-rather-long-address'),
	};
	let sink;
	let srv;
	let c;

	before(async () => {
		sink = await startSmtp();
		const db = makeDb('reset');
		await migrate(db);
		for (const u of Object.values(users)) await createUser(db, u, PW);
		srv = await startRosterd({ db, smtpPort: sink.port, args: ['--mail-from', 'Roster Test <noreply@roster.test>'] });
		c = api(srv.base);
	});

	after(async () => {
		if (srv) await srv.stop();
		if (sink) await sink.close();
	});

	async function login(user, pw = PW) {
		const res = await c.login(user, pw);
		assert.equal(res.status, 200, `login ${user}: ${res.text}`);
		return res.json.token;
	}

	async function forgotAndTake(user, opts) {
		const res = await c.forgot(user, opts);
		assert.equal(res.status, 202, res.text);
		const mail = await sink.take((m) => m.to === user);
		return { res, mail, token: linkToken(mail) };
	}

	test('step 1: a fr user (language set with PATCH /me) asks with Host and X-Forwarded-Host evil.example → 202, a French mail whose link uses the configured public URL', async () => {
		const t = await login(users.fr);
		const p = await c.patch('/api/v1/me', { language: 'fr' }, { token: t });
		assert.equal(p.status, 200, p.text);

		const res = await c.forgot(users.fr, { headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' } });
		assert.equal(res.status, 202, res.text);
		assert.equal(typeof res.json.message, 'string');
		const mail = await sink.take((m) => m.to === users.fr);

		assert.equal(mail.subject, SUBJECT.fr);
		assert.match(mail.raw, /^Subject: =\?UTF-8\?[BQ]\?/im, 'Subject is RFC 2047-encoded');
		assert.deepEqual(mail.envelopeTo, [users.fr]);
		assert.equal(mail.from.address, 'noreply@roster.test', 'From is --mail-from');
		assert.equal(mail.from.name, 'Roster Test');
		assert.match(mail.messageId, /^<[^<>@\s]+@roster>$/, `Message-ID ${mail.messageId}`);
		assert.match(mail.parsed.headers.get('content-type').value, /^multipart\/alternative$/i);
		assert.ok(mail.text.length > 0 && mail.html.length > 0, 'text and html parts');
		// Both parts: UTF-8, base64.
		assert.match(mail.raw, /Content-Type: text\/plain;\s*charset="?utf-8"?/i);
		assert.match(mail.raw, /Content-Type: text\/html;\s*charset="?utf-8"?/i);
		assert.equal((mail.raw.match(/^Content-Transfer-Encoding: base64\r?$/gim) || []).length, 2, 'two base64 parts');

		const link = `${PUBLIC_URL}/reset-password?token=`;
		assert.ok(mail.text.includes(link), `text part has ${link}…:\n${mail.text}`);
		assert.ok(mail.html.includes(link), `html part has ${link}…`);
		const token = linkToken(mail);
		assert.match(token, TOKEN_RE);
		assert.ok(mail.html.includes(token), 'html part carries the same token');
		assert.ok(!mail.raw.includes('evil.example'), 'nothing from the Host / X-Forwarded-Host headers in the mail');
	});

	test('step 2: a de user → the German subject; an en user → the English one', async () => {
		const t = await login(users.de);
		assert.equal((await c.patch('/api/v1/me', { language: 'de' }, { token: t })).status, 200);
		const de = await forgotAndTake(users.de);
		assert.equal(de.mail.subject, SUBJECT.de);
		const en = await forgotAndTake(users.en);
		assert.equal(en.mail.subject, SUBJECT.en);
	});

	test('step 3: forgot for an unknown email → 202 with the same body as for a known one, and no mail is sent', async () => {
		const ghost = email('ghost');
		const unknown = await c.forgot(ghost);
		assert.equal(unknown.status, 202, unknown.text);
		const known = await c.forgot(users.de);
		assert.equal(known.status, 202);
		assert.deepEqual(unknown.json, known.json, 'same body either way');
		// Once the known user's mail is out and the outbox is empty, nothing went to the ghost.
		await sink.take((m) => m.to === users.de);
		await poll(async () => metricValue((await c.get('/metrics')).text, 'roster_outbox_depth') === 0, { what: 'an empty outbox' });
		assert.equal(sink.messages.filter((m) => m.envelopeTo.includes(ghost) || m.to === ghost).length, 0, 'no mail to an unknown address');
	});

	test('step 4: reset with the mailed token → 204; old sessions die (401), the new password signs in, the old one does not; the token cannot be used again (400 invalid_token)', async () => {
		const s1 = await login(users.en);
		const s2 = await login(users.en);
		const { token } = await forgotAndTake(users.en);
		const NEW = 'brand new password 4';
		const res = await c.reset(token, NEW);
		assert.equal(res.status, 204, res.text);
		assertError(await c.me(s1), 401, 'unauthenticated');
		assertError(await c.me(s2), 401, 'unauthenticated');
		assertError(await c.login(users.en, PW), 401, 'invalid_credentials');
		assert.equal((await c.login(users.en, NEW)).status, 200);
		assertError(await c.reset(token, 'yet another password'), 400, 'invalid_token', 'token');
		assert.equal((await c.login(users.en, NEW)).status, 200, 'the reused token changed nothing');
	});

	test('step 5: a made-up token → 400 invalid_token (field token)', async () => {
		assertError(await c.reset('A'.repeat(43), 'whatever password'), 400, 'invalid_token', 'token');
		assertError(await c.reset('short', 'whatever password'), 400, 'invalid_token', 'token');
	});

	test('step 6: 20 parallel resets with one token → exactly one 204 and 19 × 400 invalid_token; the winner\'s password is the one that works', async () => {
		const { token } = await forgotAndTake(users.race);
		const pws = Array.from({ length: 20 }, (_, i) => `racing password ${String(i).padStart(2, '0')}`);
		const results = await Promise.all(pws.map((pw) => c.reset(token, pw)));
		const ok = results.map((r, i) => [r, i]).filter(([r]) => r.status === 204);
		const bad = results.filter((r) => r.status === 400);
		assert.equal(ok.length, 1, `statuses: ${results.map((r) => r.status).join(',')}`);
		assert.equal(bad.length, 19);
		for (const r of bad) assertError(r, 400, 'invalid_token', 'token');
		const winner = pws[ok[0][1]];
		assert.equal((await c.login(users.race, winner)).status, 200);
		const loser = pws[(ok[0][1] + 1) % 20];
		assertError(await c.login(users.race, loser), 401, 'invalid_credentials');
	});

	test('step 7: two forgot requests → the first token is invalid (400), the second works (204)', async () => {
		const first = await forgotAndTake(users.twice);
		const second = await forgotAndTake(users.twice);
		assert.notEqual(first.token, second.token);
		assertError(await c.reset(first.token, 'password from token one'), 400, 'invalid_token', 'token');
		assert.equal((await c.reset(second.token, 'password from token two')).status, 204);
		assert.equal((await c.login(users.twice, 'password from token two')).status, 200);
	});

	test('step 8: after a completed reset no outstanding token of that user works, old or new', async () => {
		const a = await forgotAndTake(users.twice);
		const b = await forgotAndTake(users.twice);
		assert.equal((await c.reset(b.token, 'password from token b')).status, 204);
		assertError(await c.reset(a.token, 'password from token a'), 400, 'invalid_token', 'token');
		assertError(await c.reset(b.token, 'password from token b again'), 400, 'invalid_token', 'token');
		assert.equal((await c.login(users.twice, 'password from token b')).status, 200);
	});

	test('step 9: password rules → 422 with field password (too short, over 1024 bytes, equal to the email) and the token survives them', async () => {
		const { token } = await forgotAndTake(users.rules);
		assertError(await c.reset(token, '123456789'), 422, 'password_too_short', 'password');
		// 513 two-byte characters: under 1024 characters but 1026 bytes.
		assertError(await c.reset(token, 'é'.repeat(513)), 422, 'password_too_long', 'password');
		assertError(await c.reset(token, 'x'.repeat(1025)), 422, 'password_too_long', 'password');
		assertError(await c.reset(token, users.rules), 422, 'password_is_email', 'password');
		assertError(await c.reset(token, ''), 422, 'password_too_short', 'password');
		// None of that used the token; exactly 1024 bytes is allowed.
		const longest = 'é'.repeat(512);
		const res = await c.reset(token, longest);
		assert.equal(res.status, 204, res.text);
		assert.equal((await c.login(users.rules, longest)).status, 200);
	});

	test('step 10: reset request with missing or mistyped fields → 400 missing_field / wrong_type', async () => {
		assertError(await c.post('/api/v1/auth/password/reset', { password: 'long enough password' }), 400, 'missing_field', 'token');
		assertError(await c.post('/api/v1/auth/password/reset', { token: 'A'.repeat(43) }), 400, 'missing_field', 'password');
		assertError(await c.post('/api/v1/auth/password/reset', { token: 43, password: 'long enough password' }), 400, 'wrong_type', 'token');
		assertError(await c.post('/api/v1/auth/password/forgot', {}), 400, 'missing_field', 'email');
	});
});
