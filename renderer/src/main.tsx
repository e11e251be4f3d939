import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CoreBanner } from './components/CoreBanner';
import { startTheme } from './lib/theme';
import './styles.css';
import './theme.css';

startTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    {/* Beside the app, over every screen: the core's own state (busy workspace, restarted core). */}
    <CoreBanner />
  </StrictMode>,
);
