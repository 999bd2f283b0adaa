/**
 * The per-load nonce main writes into index.html; ag-grid stamps it on the <style>
 * elements it injects so the CSP can stay strict (no 'unsafe-inline').
 */
export function styleNonce(): string | undefined {
  cached ??= readNonce()
  return cached ?? undefined
}

let cached: string | null | undefined

function readNonce(): string | null {
  const content = document
    .querySelector('meta[name="sightline-style-nonce"]')
    ?.getAttribute('content')
  return content && !content.startsWith('%') ? content : null
}
