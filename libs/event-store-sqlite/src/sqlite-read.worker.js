/**
 * Reads large pages of `$all` on its own thread, for SqliteReadWorker (sqlite-read-worker.ts).
 *
 * Plain CommonJS on purpose: a worker thread does not inherit the loader its parent was started
 * with (swc-node, jest's @swc/jest), so a `.ts` worker would load under one and not another.
 * It knows nothing of filters: the parent sends the statement and its parameters, built by the
 * same code as its in-process reads, each row selected as the JSON text of its RecordedEvent
 * (EVENT_JSON_COLUMN). It answers a page as one JSON array text, a plain copy to post.
 *
 * Read-ahead: once a full page is answered, the page after it (same statement, `after` its last
 * position) is read at once, while the parent parses and uses the first. A caller paging the log
 * asks for exactly that next, and gets it without waiting for the read. A full page read ahead
 * stays the right answer however long it waits: rows committed later take positions above every
 * row visible now (see the store's no-gap argument), so none can enter a page, forwards or
 * backwards, already full of rows below them. A page read ahead that is not full is dropped.
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma(`busy_timeout = ${workerData.busyTimeoutMs}`);
const statements = new Map();
/** The page after the last one answered: `{ key, page }`, or undefined. */
let ahead;

parentPort.on('message', ({ id, sql, parameters }) => {
  let page;
  try {
    const key = keyOf(sql, parameters);
    page = ahead !== undefined && ahead.key === key ? ahead.page : readPage(sql, parameters);
    ahead = undefined;
    parentPort.postMessage({ id, json: page.json });
  } catch (error) {
    ahead = undefined;
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
    return;
  }
  if (!page.full) return;
  const next = { ...parameters, after: page.last };
  try {
    const nextPage = readPage(sql, next);
    if (nextPage.full) ahead = { key: keyOf(sql, next), page: nextPage };
  } catch {
    // Read again when asked for, and answered then with the error if it persists.
  }
});

function readPage(sql, parameters) {
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql).pluck(true);
    statements.set(sql, statement);
  }
  const rows = statement.all(parameters);
  if (rows.includes(null)) throw new Error('A row is not strict JSON; the caller reads it itself');
  const full = rows.length > 0 && rows.length === parameters.maxCount;
  return {
    json: `[${rows.join(',')}]`,
    full,
    last: full ? JSON.parse(rows[rows.length - 1]).position : undefined,
  };
}

function keyOf(sql, parameters) {
  return `${sql}\n${JSON.stringify(parameters)}`;
}
