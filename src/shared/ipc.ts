/** The single IPC channel every contract call travels on in Electron. */
export const IPC_CHANNEL = 'sightline:invoke'

/** The custom scheme and host the renderer is served from in Electron. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'sightline'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** What the preload exposes as window.sightline. */
export interface SightlineBridge {
  invoke(method: string, input: unknown): Promise<unknown>
}
