import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { App } from './App';
import { AppToaster } from './components/Toasts';
import { i18n } from './i18n';

const queryClient: QueryClient = new QueryClient({
  // A session that ended (expired, or signed out elsewhere) sends the user back to sign in.
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'session') {
        queryClient.setQueryData(['session'], null);
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal will not change on a retry; a network error might.
      retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
    },
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <FluentProvider theme={webLightTheme}>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <App />
              <AppToaster />
            </BrowserRouter>
          </QueryClientProvider>
        </FluentProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
