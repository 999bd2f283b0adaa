/**
 * The map as files: the SVG core draws (fonts embedded, legend included), and a PNG of it
 * rendered here. The SVG goes into an <img> as a data: URL, so nothing in it can run and no
 * request leaves the page; the canvas it is drawn on is never tainted (same origin).
 */

/** How many device pixels a PNG has per unit of the map's canvas (1000 wide: 2000 px). */
const PNG_SCALE = 2

export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const image = new Image()
  image.decoding = 'async'
  image.src = await dataUrl(new Blob([svg], { type: 'image/svg+xml' }))
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(width * PNG_SCALE)
  canvas.height = Math.round(height * PNG_SCALE)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('this browser cannot draw the picture')
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))),
      'image/png',
    ),
  )
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('the picture could not be read'))
    reader.readAsDataURL(blob)
  })
}
