/**
 * The sync bench's team hub in a thread of its own: a hub is another computer, and its
 * work (parsing what is pushed, keeping revision trees) must not be counted as the app's
 * main-thread stall. Started through store/worker-boot.mjs; posts its database URL base.
 */
import { parentPort } from 'node:worker_threads'
import { startTeamHub } from '../test/support/team-hub'

const hub = await startTeamHub()
parentPort!.postMessage({ url: hub.databaseUrl('') })
parentPort!.on('message', (message: { close?: boolean }) => {
  if (message.close) void hub.close().then(() => parentPort!.postMessage({ closed: true }))
})
