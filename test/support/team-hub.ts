/**
 * A team hub for tests: express-pouchdb over an in-memory PouchDB, listening on
 * 127.0.0.1 in the test's own process (a CouchDB-compatible server, as a team would run).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import expressPouchDb from 'express-pouchdb'
import PouchDB from 'pouchdb-node'
import memoryAdapter from 'pouchdb-adapter-memory'

export interface TeamHub {
  /** The URL of a database on the hub (created on first replication). */
  databaseUrl(name: string): string
  close(): Promise<void>
}

export async function startTeamHub(): Promise<TeamHub> {
  const HubPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' })
  const app = expressPouchDb(HubPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true })
  const server: Server = createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    databaseUrl: (name) => `http://127.0.0.1:${port}/${name}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
