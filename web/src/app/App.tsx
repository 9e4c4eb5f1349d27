import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from '../auth/SessionProvider.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { AntdProvider } from './AntdProvider.tsx';
import { AppRoutes } from './AppRoutes.tsx';
import { CityProvider } from './CityProvider.tsx';

export function App() {
  return (
    <I18nProvider>
      <AntdProvider>
        <CityProvider>
          <SessionProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </SessionProvider>
        </CityProvider>
      </AntdProvider>
    </I18nProvider>
  );
}
