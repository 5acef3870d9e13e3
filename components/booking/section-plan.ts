// Where each section sits on the overview plan: bands of sections below the stage, the
// dearest band nearest, each band centred and wrapped onto lines of at most six (a
// stadium's fifty sections of one price stay readable). Units are the SVG's own.

export const BOX = { width: 160, height: 104, gap: 24 } as const;
export const STAGE = { width: 320, height: 40 } as const;
const MARGIN = 24;
const PER_LINE = 6;

export interface PlacedSection<S> {
  section: S;
  x: number;
  y: number;
}

export interface Plan<S> {
  width: number;
  height: number;
  stage: { x: number; y: number };
  sections: PlacedSection<S>[];
}

export function planSections<S>(bands: S[][]): Plan<S> {
  const lines = bands.flatMap((band) => Array.from({ length: Math.ceil(band.length / PER_LINE) }, (_, i) => band.slice(i * PER_LINE, (i + 1) * PER_LINE)));
  const widest = Math.max(1, ...lines.map((line) => line.length));
  const width = Math.max(STAGE.width, widest * BOX.width + (widest - 1) * BOX.gap) + 2 * MARGIN;
  const top = MARGIN + STAGE.height + BOX.gap * 2;
  const sections = lines.flatMap((line, l) => {
    const lineWidth = line.length * BOX.width + (line.length - 1) * BOX.gap;
    const left = (width - lineWidth) / 2;
    return line.map((section, i) => ({ section, x: left + i * (BOX.width + BOX.gap), y: top + l * (BOX.height + BOX.gap) }));
  });
  const height = top + lines.length * (BOX.height + BOX.gap) - BOX.gap + MARGIN;
  return { width, height, stage: { x: (width - STAGE.width) / 2, y: MARGIN }, sections };
}

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MIN_ZOOM_WIDTH = BOX.width * 1.5;

/**
 * The view zoomed by `factor` (above 1 zooms in) about a point of the plan, never wider
 * than the whole plan nor narrower than about one section, and kept over the plan.
 */
export function zoomView(view: ViewBox, factor: number, about: { x: number; y: number }, whole: ViewBox): ViewBox {
  const width = Math.min(whole.width, Math.max(MIN_ZOOM_WIDTH, view.width / factor));
  const scale = width / view.width;
  const height = view.height * scale;
  return clampView({ x: about.x - (about.x - view.x) * scale, y: about.y - (about.y - view.y) * scale, width, height }, whole);
}

/** The view moved by (dx, dy) plan units, kept over the plan. */
export function panView(view: ViewBox, dx: number, dy: number, whole: ViewBox): ViewBox {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, whole);
}

/** The view moved (not zoomed) just enough to show `box` whole, kept over the plan. */
export function showBox(view: ViewBox, box: ViewBox, whole: ViewBox): ViewBox {
  const dx = box.x < view.x ? box.x - view.x : Math.max(0, box.x + box.width - (view.x + view.width));
  const dy = box.y < view.y ? box.y - view.y : Math.max(0, box.y + box.height - (view.y + view.height));
  return dx === 0 && dy === 0 ? view : panView(view, dx, dy, whole);
}

function clampView(view: ViewBox, whole: ViewBox): ViewBox {
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));
  return { ...view, x: clamp(view.x, whole.x, whole.x + whole.width - view.width), y: clamp(view.y, whole.y, whole.y + whole.height - view.height) };
}
