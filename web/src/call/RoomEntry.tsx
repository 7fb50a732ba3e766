// From the device check into the room, for consumers and staff alike: joins (for a room
// token), runs a RoomSession, and remembers in sessionStorage that this tab is in the call so
// a reload goes straight back in (same devices, chat resumed from the last seen seq).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Loading, PageTitle } from '../components/ui';
import { t } from '../i18n';
import { ApiError } from '../lib/api';
import { DeviceCheck } from './DeviceCheck';
import { openMedia, stopStream, type DeviceChoice } from './media';
import type { JoinAnswer } from './protocol';
import { RoomView, StopScreen, stopOf, type RoomStop } from './RoomScreens';
import { RoomSession } from './session';

interface Props {
  /** sessionStorage key marking "this tab is in the call". */
  storageKey: string;
  join: () => Promise<JoinAnswer>;
  /** Shown above the device check (what the appointment is). */
  intro?: ComponentChildren;
  /** Shown on the screens after the call (e.g. a link back). */
  after?: ComponentChildren;
  /** Beside the call (the provider's view of who they are talking to). */
  aside?: ComponentChildren;
}

function remembered(key: string): DeviceChoice | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(key) || 'null');
    return v && typeof v === 'object' ? (v as DeviceChoice) : null;
  } catch {
    return null;
  }
}

export function RoomEntry({ storageKey, join, intro, after, aside }: Props) {
  const resume = useRef(remembered(storageKey));
  const [stage, setStage] = useState<'check' | 'resuming' | 'in' | 'stopped'>(resume.current ? 'resuming' : 'check');
  const [session, setSession] = useState<RoomSession | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ stop: RoomStop; error: unknown } | null>(null);

  const enter = async (stream: MediaStream | null, choice: DeviceChoice) => {
    setBusy(true);
    try {
      const answer = await join();
      const s = new RoomSession(answer, join, stream);
      sessionStorage.setItem(storageKey, JSON.stringify(choice));
      setSession(s);
      setStage('in');
      s.start();
    } catch (error) {
      stopStream(stream);
      sessionStorage.removeItem(storageKey);
      setRefusal({ stop: stopOf(error), error });
      setStage('stopped');
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (stage !== 'resuming' || !resume.current) return;
    const choice = resume.current;
    openMedia(choice)
      .catch(() => null)
      .then((stream) => enter(stream, choice));
  }, []);

  useEffect(
    () => () => {
      if (session) {
        session.close();
        stopStream(session.local);
      }
    },
    [session],
  );

  const rejoin = () => {
    setSession(null);
    setRefusal(null);
    setStage('check');
  };

  if (stage === 'resuming') {
    return (
      <main id="main" data-screen="resuming">
        <PageTitle title={t.callTitle}>{t.callTitle}</PageTitle>
        <Loading label={t.connecting} />
      </main>
    );
  }
  if (stage === 'stopped' && refusal) {
    const opensAt = refusal.error instanceof ApiError ? refusal.error.problem.opensAt : undefined;
    return (
      <StopScreen stop={refusal.stop} error={refusal.error} opensAt={opensAt} onRejoin={rejoin}>
        {after}
      </StopScreen>
    );
  }
  if (stage === 'in' && session) {
    return (
      <RoomView
        session={session}
        aside={aside}
        onRejoin={rejoin}
        onStop={() => {
          stopStream(session.local);
          sessionStorage.removeItem(storageKey);
        }}
      >
        {after}
      </RoomView>
    );
  }
  return (
    <main id="main" data-screen="join">
      <PageTitle title={t.joinTitle}>{t.joinTitle}</PageTitle>
      {intro}
      <DeviceCheck initial={resume.current ?? {}} busy={busy} onEnter={enter} />
    </main>
  );
}
