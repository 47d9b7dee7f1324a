import { useCallback } from 'react';
import type { ConsoleApi } from '../api/client';
import type { App } from '../api/types';
import { useMessages } from '../locale';
import { appPath, Link, paths, type AppSection } from '../routing';
import { UsersTab } from '../users/UsersTab';
import { PageHeading } from '../ui/PageHeading';
import { Tabs, type TabItem } from '../ui/Tabs';
import { LoadStatus, useLoad } from '../ui/useLoad';
import { AdvancedSettingsTab } from './AdvancedSettingsTab';
import { ApiKeysTab } from './ApiKeysTab';
import { ClientSecretTab } from './ClientSecretTab';
import { OverviewTab } from './OverviewTab';
import './apps.css';

interface AppPageProps {
  api: ConsoleApi;
  appId: string;
  section: AppSection;
}

/**
 * Renders one app's name and a tab per section, each tab with its own address. The heading
 * appears once the app has loaded, so that it takes focus with the app's name in it.
 */
export function AppPage(props: AppPageProps) {
  const { api, appId } = props;
  const messages = useMessages();
  const app = useLoad(useCallback(() => api.getApp(appId), [api, appId]));

  const tabs: TabItem<AppSection>[] = [
    { id: 'overview', label: messages.tabOverview, path: appPath(appId) },
    { id: 'clientSecret', label: messages.tabClientSecret, path: appPath(appId, 'clientSecret') },
    { id: 'apiKeys', label: messages.tabApiKeys, path: appPath(appId, 'apiKeys') },
    { id: 'users', label: messages.tabUsers, path: appPath(appId, 'users') },
    { id: 'settings', label: messages.tabAdvancedSettings, path: appPath(appId, 'settings') },
  ];

  return (
    <>
      <p className="back-link">
        <Link to={paths.home}>{messages.allApps}</Link>
      </p>
      {app.state.kind === 'loading' && <LoadStatus state={app.state} onRetry={app.retry} />}
      {app.state.kind === 'failed' && (
        <>
          <PageHeading>{messages.appFallbackHeading}</PageHeading>
          <LoadStatus state={app.state} onRetry={app.retry} />
        </>
      )}
      {app.state.kind === 'loaded' && (
        <>
          <PageHeading>{app.state.value.name}</PageHeading>
          <Tabs label={messages.appSections} tabs={tabs} selectedId={props.section}>
            <AppSectionPanel
              api={api}
              app={app.state.value}
              section={props.section}
              onAppChanged={app.setValue}
            />
          </Tabs>
        </>
      )}
    </>
  );
}

interface AppSectionPanelProps {
  api: ConsoleApi;
  app: App;
  section: AppSection;
  onAppChanged: (app: App) => void;
}

function AppSectionPanel(props: AppSectionPanelProps) {
  const { api, app } = props;

  switch (props.section) {
    case 'overview':
      return <OverviewTab api={api} app={app} onAppChanged={props.onAppChanged} />;
    case 'clientSecret':
      return <ClientSecretTab api={api} app={app} />;
    case 'apiKeys':
      return <ApiKeysTab api={api} appId={app.id} />;
    case 'users':
      return <UsersTab api={api} appId={app.id} />;
    case 'settings':
      return <AdvancedSettingsTab api={api} appId={app.id} />;
  }
}
