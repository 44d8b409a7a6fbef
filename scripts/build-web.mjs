// Builds the console into web/dist: the bundle (esbuild) under a name made
// of its content's hash, index.html pointing at it, and a gzip copy of each
// file. `--check` builds in memory and fails when web/dist is not what the
// sources give (the committed bundle is what a build without Node embeds).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const top = new URL('..', import.meta.url).pathname;
const dist = join(top, 'web/dist');
const check = process.argv.includes('--check');

// The script: main.js and what the first screen needs in one file, each
// other screen in a chunk of its own that the console loads when it is
// opened (esbuild names them by their content's hash).
async function bundleScript() {
	const r = await build({
		entryPoints: [join(top, 'web/src/main.js')],
		bundle: true,
		splitting: true,
		minify: true,
		format: 'esm',
		target: 'es2020',
		write: false,
		legalComments: 'none',
		outdir: join(dist, 'assets'),
		entryNames: 'app-[hash]',
		chunkNames: 'chunk-[hash]',
		metafile: true,
		// The names hash the files' paths too: the same from any checkout,
		// whether node_modules is a directory or a link to one.
		absWorkingDir: top,
		preserveSymlinks: true,
	});
	const rel = (p) => relative(dist, resolve(top, p));
	// The console's script is main.js's output; every screen loaded by
	// import() is an entry point of its own too, listed in no fixed order.
	const [entryOut, entryMeta] = Object.entries(r.metafile.outputs).find(([, o]) => o.entryPoint === 'web/src/main.js');
	const preload = entryMeta.imports.filter((i) => i.kind === 'import-statement').map((i) => rel(i.path));
	return {
		files: Object.fromEntries(r.outputFiles.map((f) => [relative(dist, f.path), f.contents])),
		entry: rel(entryOut),
		preload,
	};
}

async function bundleStyle() {
	const r = await build({
		entryPoints: [join(top, 'web/src/app.css')],
		bundle: true,
		minify: true,
		write: false,
		legalComments: 'none',
		outdir: 'out',
	});
	return r.outputFiles[0].contents;
}

const hashName = (stem, ext, data) => `${stem}-${createHash('sha256').update(data).digest('hex').slice(0, 12)}.${ext}`;

const script = await bundleScript();
const css = await bundleStyle();
const cssName = `assets/${hashName('app', 'css', css)}`;
const files = { ...script.files, [cssName]: css };
const preloads = script.preload.map((p) => `<link rel="modulepreload" href="/${p}">`).join('\n');
files['index.html'] = Buffer.from(
	readFileSync(join(top, 'web/index.html'), 'utf8')
		.replace('{{js}}', `/${script.entry}`)
		.replace('{{css}}', `/${cssName}`)
		.replace('{{preload}}', preloads),
);
for (const [name, data] of Object.entries({ ...files })) files[`${name}.gz`] = gzipSync(data, { level: 9 });

function listDist(dir = dist, prefix = '') {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? listDist(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
	);
}

if (check) {
	const have = listDist().sort();
	const want = Object.keys(files).sort();
	const same =
		JSON.stringify(have) === JSON.stringify(want) &&
		want.every((n) => Buffer.compare(readFileSync(join(dist, n)), Buffer.from(files[n])) === 0);
	if (!same) {
		console.error('web/dist is not what web/ builds: run `make web` and commit web/dist');
		process.exit(1);
	}
	console.log('web/dist is up to date');
} else {
	rmSync(dist, { recursive: true, force: true });
	mkdirSync(join(dist, 'assets'), { recursive: true });
	for (const [name, data] of Object.entries(files)) writeFileSync(join(dist, name), data);
	const gz = Object.keys(files).filter((n) => n.endsWith('.gz')).reduce((s, n) => s + files[n].length, 0);
	console.log(`web/dist: ${Object.keys(files).length / 2} files, ${gz} bytes gzipped`);
}
