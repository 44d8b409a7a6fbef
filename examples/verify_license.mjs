// Checks a roster offline license certificate (docs/licensing.md) with WebCrypto.
//
//   node verify_license.mjs CERTIFICATE.json PUBLIC_KEY
//
// CERTIFICATE.json holds the certificate object of GET /api/v1/device/license;
// PUBLIC_KEY is the public_key (base64url) of its key_id in GET /api/v1/license-key.
// Prints the payload and exits 0 when the certificate is valid; prints nothing
// on standard output and exits 1 when it is not (bad encoding, bad signature,
// past valid_until), 2 on wrong usage.
// verifyLicense() uses only WebCrypto, atob and btoa: it runs as is in a browser.
import { readFileSync } from 'node:fs';

// base64url without padding → bytes; null unless s is exactly that encoding.
function fromBase64url(s) {
	if (typeof s !== 'string' || !/^[A-Za-z0-9_-]*$/.test(s)) return null;
	let bin;
	try {
		bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
	} catch {
		return null;
	}
	const again = btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	return again === s ? Uint8Array.from(bin, (c) => c.charCodeAt(0)) : null;
}

// → {valid: true, payload} or {valid: false, why, payload?}; payload is the decoded text.
export async function verifyLicense(cert, publicKey, now = Date.now() / 1000) {
	if (cert?.format !== 'roster-license-1') return { valid: false, why: 'not a roster-license-1 certificate' };
	const bytes = fromBase64url(cert.payload), sig = fromBase64url(cert.signature), key = fromBase64url(publicKey);
	if (!key || key.length !== 32) return { valid: false, why: 'the public key is not 32 bytes in base64url' };
	if (!bytes || !sig || sig.length !== 64) return { valid: false, why: 'the payload or the signature is not base64url (no padding)' };
	const payload = new TextDecoder().decode(bytes);
	const k = await crypto.subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
	if (!(await crypto.subtle.verify('Ed25519', k, sig, bytes)))
		return { valid: false, why: 'the signature does not match the payload and this key', payload };
	let valid_until;
	try {
		({ valid_until } = JSON.parse(payload));
	} catch {
		/* not JSON: no valid_until */
	}
	if (!Number.isInteger(valid_until)) return { valid: false, why: 'the payload has no valid_until', payload };
	if (now >= valid_until) return { valid: false, why: 'past valid_until: connect to renew the certificate', payload };
	return { valid: true, payload, valid_until };
}

if (process.argv.length !== 4) {
	console.error('usage: node verify_license.mjs CERTIFICATE.json PUBLIC_KEY');
	process.exit(2);
}
let cert = null;
try {
	cert = JSON.parse(readFileSync(process.argv[2], 'utf8'));
} catch {
	/* not valid either */
}
const r = await verifyLicense(cert, process.argv[3]);
if (r.valid) console.log(r.payload); // only what the signature and the clock vouch for
console.error(r.valid ? `valid until ${r.valid_until} (Unix seconds)` : `invalid: ${r.why}`);
process.exit(r.valid ? 0 : 1);
