import jsQR from 'jsqr';

const PIXELS_PER_MODULE = 4;

/**
 * Reads what a QR code drawn as SVG says, the way a phone would read it from the screen: the dark
 * modules of qrcode.react's path (one `M x y h width v1 ...z` run per row segment) are painted into
 * pixels, white around them, and jsQR decodes the picture.
 */
export function readQrCode(svg: Element): string | null {
  const [, , size] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
  const darkPath = svg.querySelectorAll('path')[1]?.getAttribute('d') ?? '';
  if (!size) return null;
  const side = size * PIXELS_PER_MODULE;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y, width] of darkPath.matchAll(/M(\d+)[ ,](\d+) ?h(\d+)v1H\d+z/g)) {
    for (let column = Number(x); column < Number(x) + Number(width); column += 1) paintModule(pixels, side, column, Number(y));
  }
  return jsQR(pixels, side, side)?.data ?? null;
}

function paintModule(pixels: Uint8ClampedArray, side: number, column: number, row: number): void {
  for (let dy = 0; dy < PIXELS_PER_MODULE; dy += 1)
    for (let dx = 0; dx < PIXELS_PER_MODULE; dx += 1) {
      const offset = ((row * PIXELS_PER_MODULE + dy) * side + column * PIXELS_PER_MODULE + dx) * 4;
      pixels.set([0, 0, 0, 255], offset);
    }
}
