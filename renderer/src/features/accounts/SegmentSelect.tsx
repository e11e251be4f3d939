import { useState } from 'react';
import { DEFAULT_SEGMENTS, NO_SEGMENT } from '../../../../shared/contract/accounts';
import { segmentLabel } from '../../lib/labels';

const OTHER = '\u0000other';

/** The known segments to pick from, or "Other…" to type a new one (segments are user-defined). */
export function SegmentSelect({ value, known, onChange, ...aria }: { value: string; known: string[]; onChange: (value: string) => void; id?: string; name?: string }) {
  // The facet list offers "No segment" (NO_SEGMENT) for filtering; it is not a segment to choose.
  const options = [...new Set([...DEFAULT_SEGMENTS, ...known.filter((segment) => segment !== NO_SEGMENT)])];
  const [typing, setTyping] = useState(() => value !== '' && !options.includes(value));
  return (
    <div className="segment-select">
      <select
        {...aria}
        className="input"
        value={typing ? OTHER : value}
        onChange={(event) => {
          const next = event.target.value;
          setTyping(next === OTHER);
          onChange(next === OTHER ? '' : next);
        }}
      >
        {/* Blank is unknown (issue 13): the account is stored without a segment and counted under "No segment". */}
        <option value="">No segment (unknown)</option>
        {options.map((segment) => (
          <option key={segment} value={segment}>
            {segmentLabel(segment)}
          </option>
        ))}
        <option value={OTHER}>Other…</option>
      </select>
      {typing && (
        <input
          className="input"
          aria-label="New segment name"
          placeholder="e.g. Public sector"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoFocus
          data-testid="segment-other"
        />
      )}
    </div>
  );
}
