/**
 * The sync bench's team hub in a thread of its own: a hub is another computer, and its
 * work (parsing what is pushed, keeping revision trees) must not be counted as the app's
 * main-thread stall. Started through store/worker-boot.mjs; posts its database URL base.
 * At the priority of a background thread, as the sync engine runs: at the app's own it
 * took the cores from both the app's main thread and the low-priority engine it serves,
 * which no hub on another computer does (same load, engine in its own process: first sync
 * down 3.61× its floor with the hub at nice 0, 2.37× at nice 10; stall 54 → 46 ms).
 */
import { readlinkSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { startTeamHub } from '../test/support/team-hub'
import { runInBackground } from '../src/main/core/background-thread'

runInBackground()
const hub = await startTeamHub()
// Its thread id, so the bench can tell the hub's processor time from the app's.
const tid =
  process.platform === 'linux' ? Number(readlinkSync('/proc/thread-self').split('/').pop()) : 0
parentPort!.postMessage({ url: hub.databaseUrl(''), tid })
parentPort!.on('message', (message: { close?: boolean }) => {
  if (message.close) void hub.close().then(() => parentPort!.postMessage({ closed: true }))
})
