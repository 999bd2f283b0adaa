/**
 * Where a character of a textarea sits on screen, to place the type-ahead list under the
 * trigger. A hidden copy of the textarea with the same box and font lays out the text up
 * to that character; only the text before it is copied.
 */
const COPIED = [
  'boxSizing',
  'width',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontVariant',
  'letterSpacing',
  'lineHeight',
  'tabSize',
  'textIndent',
  'textTransform',
  'wordSpacing',
  'wordBreak',
  'overflowWrap',
  'direction',
] as const

export function caretOffset(
  textarea: HTMLTextAreaElement,
  position: number,
): { top: number; left: number; lineHeight: number } {
  const style = window.getComputedStyle(textarea)
  const mirror = document.createElement('div')
  for (const property of COPIED) mirror.style[property] = style[property]
  mirror.style.position = 'absolute'
  mirror.style.visibility = 'hidden'
  mirror.style.top = '0'
  mirror.style.left = '-9999px'
  mirror.style.whiteSpace = 'pre-wrap'
  mirror.style.overflow = 'hidden'
  mirror.textContent = textarea.value.slice(0, position)
  const marker = document.createElement('span')
  marker.textContent = '\u200b'
  mirror.append(marker)
  document.body.append(mirror)
  const lineHeight = marker.offsetHeight
  const top = marker.offsetTop - textarea.scrollTop
  const left = marker.offsetLeft - textarea.scrollLeft
  mirror.remove()
  return { top, left, lineHeight }
}
