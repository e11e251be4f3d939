// Chart options are written with the light theme's literal colours (features/*/charts). A chart
// follows the theme by reading each literal's CSS variable of the moment: the app's semantic ones
// (styles.css, theme.css) or the one themeColors.css generated per literal (-t for text, -s for
// surfaces and lines). In light mode every variable is its literal, so nothing changes; in dark
// mode the chart takes the same dark values as the page around it.

/** The light literals of the semantic variables (styles.css :root), which themeColors.css does not repeat. */
const SEMANTIC: Record<string, string> = {
  '#f6f7f9': '--bg',
  '#ffffff': '--panel',
  '#1c2430': '--text',
  '#5b6675': '--muted',
  '#dde2e8': '--line',
  '#2554c7': '--accent',
  '#b42318': '--danger',
  '#1a7f4b': '--ok',
  '#8a5a00': '--warn',
};

export type ColorRole = 'text' | 'line' | null;

/** Reads a CSS custom property ('' when it is not defined). */
export type ReadVariable = (name: string) => string;

const HEX = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;
const full = (hex: string) => {
  const digits = HEX.exec(hex)![1]!.toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((c) => c + c).join('') : digits}`;
};

/** The literal's colour in the theme of the moment, or null when no variable names it. */
export function themedColor(color: string, role: ColorRole, read: ReadVariable): string | null {
  if (!HEX.test(color)) return null;
  const hex = full(color);
  const semantic = SEMANTIC[hex];
  const names = [...(semantic ? [semantic] : []), ...(role === 'text' ? ['t', 's'] : ['s', 't']).map((suffix) => `--c-${hex.slice(1)}-${suffix}`)];
  for (const name of names) {
    const value = read(name).trim();
    if (value) return value;
  }
  return null;
}

const TEXT = new Set(['axisLabel', 'textStyle', 'label', 'nameTextStyle', 'title', 'subtextStyle', 'rich', 'endLabel', 'detail', 'pointer', 'anchor', 'axisName']);
const LINES = new Set(['splitLine', 'axisLine', 'axisTick']);
const isColorKey = (key: string) => /color$/i.test(key);

function luminance(hex: string): number | null {
  if (!HEX.test(hex)) return null;
  const f = full(hex);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(f.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Without a variable, dark mode turns dark text light and light grid lines dim (series colours are left alone). */
function darkFallback(color: string, role: ColorRole): string {
  const l = luminance(color);
  if (role === 'text' && l !== null && l < 0.5) return '#c9d1dc';
  if (role === 'line' && l !== null && l > 0.7) return '#2e3845';
  return color;
}

/** The option with every colour (color, backgroundColor, borderColor…, palettes too) as the theme's variables say it. */
export function themeOption(node: unknown, theme: 'light' | 'dark', read: ReadVariable, role: ColorRole = null): unknown {
  if (Array.isArray(node)) return node.map((item) => themeOption(item, theme, read, role));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const context = TEXT.has(key) ? 'text' : LINES.has(key) ? 'line' : role;
    const color = (c: unknown) => (typeof c === 'string' ? (themedColor(c, context, read) ?? (theme === 'dark' ? darkFallback(c, context) : c)) : c);
    if (isColorKey(key) && typeof value === 'string') out[key] = color(value);
    else if (isColorKey(key) && Array.isArray(value)) out[key] = value.map(color);
    else out[key] = typeof value === 'object' ? themeOption(value, theme, read, context) : value;
  }
  return out;
}
