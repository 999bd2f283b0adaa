/** express-pouchdb and the memory adapter ship no types; tests use this much of them. */
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http'
  function expressPouchDb(
    pouch: unknown,
    options?: { mode?: string; inMemoryConfig?: boolean; logPath?: string },
  ): RequestListener
  export default expressPouchDb
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown
  export default plugin
}
