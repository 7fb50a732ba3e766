// The staff dashboard's warning when calls have no TURN relay (GET .../video): without one,
// two people behind strict NATs cannot connect, and nothing else would tell the clinic why.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api } from '../lib/api';
import { Alert } from '../components/ui';

interface VideoSetup {
  roomsEnabled: boolean;
  relayConfigured: boolean;
  stunUrls: string[];
}

export function RelayWarning({ biz }: { biz: string }) {
  const [setup, setSetup] = useState<VideoSetup | null>(null);
  useEffect(() => {
    api<VideoSetup>('GET', `${biz}/video`).then(setSetup).catch(() => undefined);
  }, [biz]);
  if (!setup || !setup.roomsEnabled || setup.relayConfigured) return null;
  return (
    <div data-testid="relay-warning">
      <Alert kind="info">{t.relayMissing}</Alert>
    </div>
  );
}
