// The base styles come first, so that the page styles imported by components override them.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LocaleProvider, selectLocale } from './locale';

const preferredLanguages =
  navigator.languages.length > 0 ? navigator.languages : [navigator.language];
const localeSettings = selectLocale(preferredLanguages);
document.documentElement.lang = localeSettings.locale;
document.title = localeSettings.messages.documentTitle;

const rootElement = document.getElementById('root');
if (rootElement === null) {
  throw new Error('index.html has no element with id "root"');
}

createRoot(rootElement).render(
  <StrictMode>
    <LocaleProvider settings={localeSettings}>
      <App />
    </LocaleProvider>
  </StrictMode>,
);
