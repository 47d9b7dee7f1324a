import { useCallback } from 'react';
import type { ConsoleApi } from '../api/client';
import { useMessages } from '../locale';
import { appPath } from '../routing';
import { Tabs } from '../ui/Tabs';
import { LoadStatus, useLoad } from '../ui/useLoad';
import { AuthenticationSettingsForm } from './AuthenticationSettingsForm';

/**
 * Renders the Advanced Settings of an app. Its tabs leave room for more groups of settings, and
 * Authentication (MFA policy and remember mode) is the first.
 */
export function AdvancedSettingsTab(props: { api: ConsoleApi; appId: string }) {
  const { api, appId } = props;
  const messages = useMessages();
  const settings = useLoad(useCallback(() => api.getSettings(appId), [api, appId]));

  return (
    <>
      <h2>{messages.tabAdvancedSettings}</h2>
      <Tabs
        label={messages.tabAdvancedSettings}
        tabs={[
          {
            id: 'authentication',
            label: messages.tabAuthentication,
            path: appPath(appId, 'settings'),
          },
        ]}
        selectedId="authentication"
      >
        <LoadStatus state={settings.state} onRetry={settings.retry} />
        {settings.state.kind === 'loaded' && (
          <AuthenticationSettingsForm
            api={api}
            appId={appId}
            settings={settings.state.value}
            onSaved={settings.setValue}
          />
        )}
      </Tabs>
    </>
  );
}
