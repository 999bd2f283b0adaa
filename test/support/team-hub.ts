/**
 * A team hub for tests: express-pouchdb over an in-memory PouchDB, listening on
 * 127.0.0.1 in the test's own process (a CouchDB-compatible server, as a team would run).
 * It can be stopped and started again on the same port with its databases intact, as a
 * hub that goes away (the network lost, the laptop asleep) and comes back.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import expressPouchDb from 'express-pouchdb'
import PouchDB from 'pouchdb-node'
import memoryAdapter from 'pouchdb-adapter-memory'

export interface TeamHub {
  /** The URL of a database on the hub (created on first replication). */
  databaseUrl(name: string): string
  /** Stops answering: every connection is dropped, the databases are kept. */
  stop(): Promise<void>
  /** Answers again on the same port. */
  restart(): Promise<void>
  close(): Promise<void>
}

export async function startTeamHub(): Promise<TeamHub> {
  const HubPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' })
  const app = expressPouchDb(HubPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true })
  let server: Server | null = null
  const listen = async (port: number): Promise<number> => {
    const next = createServer(app)
    await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve))
    server = next
    return (next.address() as AddressInfo).port
  }
  const stop = (): Promise<void> => {
    const current = server
    server = null
    if (!current) return Promise.resolve()
    return new Promise<void>((resolve) => {
      current.close(() => resolve())
      current.closeAllConnections()
    })
  }
  const port = await listen(0)
  return {
    databaseUrl: (name) => `http://127.0.0.1:${port}/${name}`,
    stop,
    restart: async () => {
      if (!server) await listen(port)
    },
    close: stop,
  }
}
