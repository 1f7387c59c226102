// Interop harness: one JSON request per stdin line, one JSON response per stdout line.
// Requests:
//   {"id":1,"op":"hyparquet.read","path":"/abs/file.parquet","columns":["a"]?}
//       -> {"schema":[{"name","type","logicalType","repetition"}...], "rows":[{...}], "numRows":N, "metadata":{...}}
//   {"id":2,"op":"duckdb.query","sql":"SELECT ..."}     -> {"columns":[..],"types":[..],"rows":[[..]..]}
//   {"id":3,"op":"duckdb.exec","sql":"COPY ..."}       -> {"elapsedMs":N}
//   {"id":4,"op":"process.stats"}                      -> {"maxRssBytes":N}
// Values are made JSON-safe and canonical: bigint -> decimal string, Date -> ISO-8601 string,
// Uint8Array -> {"$base64": "..."}; DuckDB values use its JSON conversion (BIGINT/DECIMAL as strings).
import readline from 'node:readline';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

let duck;
async function connection() {
  if (!duck) {
    const instance = await DuckDBInstance.create(':memory:');
    duck = await instance.connect();
  }
  return duck;
}

function canonical(value) {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = canonical(v);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { $double: String(value) };
  return value;
}

function schemaOf(element) {
  const node = {
    name: element.element.name,
    type: element.element.type ?? null,
    repetition: element.element.repetition_type ?? null,
    convertedType: element.element.converted_type ?? null,
    logicalType: element.element.logical_type ? canonical(element.element.logical_type) : null,
  };
  if (element.children && element.children.length) node.children = element.children.map(schemaOf);
  return node;
}

const ops = {
  async 'hyparquet.read'(req) {
    const buf = fs.readFileSync(req.path);
    const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    const metadata = parquetMetadata(file);
    const schema = parquetSchema(metadata).children.map(schemaOf);
    const rows = await parquetReadObjects({ file, compressors, columns: req.columns, utf8: true });
    const kv = {};
    for (const e of metadata.key_value_metadata ?? []) kv[e.key] = e.value ?? null;
    return { schema, rows: canonical(rows), numRows: Number(metadata.num_rows), metadata: kv };
  },
  async 'duckdb.query'(req) {
    const c = await connection();
    const reader = await c.runAndReadAll(req.sql);
    return {
      columns: reader.columnNames(),
      types: reader.columnTypes().map((t) => t.toString()),
      rows: reader.getRowsJson(),
    };
  },
  async 'duckdb.exec'(req) {
    const c = await connection();
    const start = performance.now();
    await c.run(req.sql);
    return { elapsedMs: performance.now() - start };
  },
  async 'process.stats'() {
    const ru = process.resourceUsage();
    return { maxRssBytes: ru.maxRSS * 1024, cpuSeconds: (ru.userCPUTime + ru.systemCPUTime) / 1e6 };
  },
};

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let req;
  try {
    req = JSON.parse(line);
    const op = ops[req.op];
    if (!op) throw new Error(`unknown op '${req.op}'`);
    const result = await op(req);
    process.stdout.write(JSON.stringify({ id: req.id, ok: true, result }) + '\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ id: req?.id ?? null, ok: false, error: String(err?.stack ?? err) }) + '\n');
  }
}
