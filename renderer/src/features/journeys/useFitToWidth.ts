import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Fit to width: the whole map scaled down (CSS zoom, never up) so every stage shows at once in its
 * scroll box, re-measured when the box or the map changes size; off, the map keeps its own size
 * and scrolls sideways.
 */
export function useFitToWidth(on: boolean) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useLayoutEffect(() => {
    if (!on) return setZoom(1);
    const measure = () => {
      if (!box.current || !canvas.current) return;
      const natural = canvas.current.scrollWidth / zoomOf(canvas.current);
      setZoom(Math.min(1, Math.max(0.3, box.current.clientWidth / natural)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (box.current) observer.observe(box.current);
    return () => observer.disconnect();
  }, [on]);
  return { box, canvas, zoom };
}

const zoomOf = (element: HTMLElement) => Number(getComputedStyle(element).zoom) || 1;
