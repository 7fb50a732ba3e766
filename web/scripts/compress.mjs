// Precompresses the built text assets (web/dist) with brotli and gzip from Node's own zlib,
// so visitd can answer with Content-Encoding without compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const kText = /\.(html|js|mjs|css|svg|json|map|txt|webmanifest)$/;
const kMinBytes = 256; // smaller files gain nothing

let saved = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (kText.test(name)) pack(path);
  }
}

function pack(path) {
  const raw = readFileSync(path);
  if (raw.length < kMinBytes) return;
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  const gz = gzipSync(raw, { level: 9 });
  if (br.length < raw.length) writeFileSync(`${path}.br`, br);
  if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
  saved += raw.length - Math.min(br.length, raw.length);
}

walk(dist);
console.log(`compress: brotli saves ${Math.round(saved / 1024)} KiB over the raw assets`);
