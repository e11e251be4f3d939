// The app-level banner about the core (issue 14): a busy workspace with Retry, or a core that
// stopped and was started again. Mounted once beside the app (renderer/src/main.tsx); it floats at the
// bottom, where it covers no screen's title or toolbar.
import { useEffect, useSyncExternalStore } from 'react';
import { coreStatus } from '../api/coreStatus';
import { listen } from '../api/transport';

const TEXT = {
  stopped: "Fulcrum's core stopped unexpectedly; starting it again…",
  restarted: "Fulcrum's core stopped unexpectedly and was started again. Work that was running when it stopped did not finish: check it, and run it again if needed.",
};

export function CoreBanner() {
  const notice = useSyncExternalStore(coreStatus.subscribe, coreStatus.get);
  useEffect(() => listen((event) => coreStatus.onEvent(event)), []);
  if (!notice) return null;
  const busy = notice.kind === 'busy';
  return (
    <div
      className="banner core-banner"
      role={busy || notice.kind === 'restarted' ? 'alert' : 'status'}
      data-testid="core-banner"
      data-kind={notice.kind}
      style={{ position: 'fixed', bottom: 16, left: '50%', transform: 'translateX(-50%)', zIndex: 1000, maxWidth: 720, boxShadow: '0 2px 8px rgb(0 0 0 / 15%)' }}
    >
      <span>{busy ? notice.message : TEXT[notice.kind]}</span>
      <span style={{ display: 'flex', gap: 8 }}>
        {busy && (
          <button type="button" onClick={() => coreStatus.retry()} data-testid="core-banner-retry">
            Retry
          </button>
        )}
        {notice.kind !== 'stopped' && (
          <button type="button" onClick={() => coreStatus.dismiss()}>
            Dismiss
          </button>
        )}
      </span>
    </div>
  );
}
