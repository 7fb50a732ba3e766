// The screens around a call: too early (with the opening time in the viewer's zone), too late,
// ended or cancelled, denied, replaced, full, left; and the phase switch of a room session.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t, locale } from '../i18n';
import { ApiError } from '../lib/api';
import { detectZone, formatDateTime, zoneLabel } from '../lib/tz';
import { Loading, PageTitle, errorText } from '../components/ui';
import { CallView, ReconnectBanner } from './CallView';
import { Video } from './Video';
import type { Phase, RoomSession, Snapshot } from './session';
import { useSnapshot } from './useSession';

export type RoomStop = 'early' | 'closed' | 'ended' | 'cancelled' | 'completed' | 'denied' | 'replaced' | 'full' | 'left' | 'error';

/** The problem slug of a refused join (…/problems/room-too-early → room-too-early). */
export function problemSlug(e: unknown): string {
  if (!(e instanceof ApiError)) return '';
  return (e.problem.type ?? '').split('/').pop() ?? '';
}

/** Which screen a refused join or a closed session shows. */
export function stopOf(e: unknown): RoomStop {
  switch (problemSlug(e)) {
    case 'room-too-early':
      return 'early';
    case 'room-too-late':
      return 'closed';
    case 'room-ended':
      return 'ended';
    case 'room-denied':
      return 'denied';
    default:
      return 'error';
  }
}

export function stopOfPhase(phase: Phase, error: unknown): RoomStop | null {
  switch (phase) {
    case 'ended':
    case 'denied':
    case 'replaced':
    case 'full':
    case 'closed':
    case 'left':
      return phase;
    case 'refused':
      return stopOf(error);
    default:
      return null;
  }
}

interface ScreenProps {
  stop: RoomStop;
  opensAt?: string;
  error?: unknown;
  onRejoin?: () => void;
  children?: ComponentChildren;
}

export function StopScreen({ stop, opensAt, error, onRejoin, children }: ScreenProps) {
  const zone = detectZone();
  const texts: Record<RoomStop, [string, string]> = {
    early: [t.tooEarlyTitle, t.tooEarlyText(opensAt ? `${formatDateTime(opensAt, zone, locale)}, ${zoneLabel(zone, opensAt)}` : '')],
    closed: [t.tooLateTitle, t.tooLateText],
    ended: [t.endedTitle, t.endedText],
    cancelled: [t.cancelledTitle, t.cancelledText],
    completed: [t.completedTitle, t.completedText],
    denied: [t.deniedTitle, t.deniedText],
    replaced: [t.replacedTitle, t.replacedText],
    full: [t.fullTitle, t.fullText],
    left: [t.leftTitle, t.leftText],
    error: [t.errorTitle, errorText(error)],
  };
  // Too early keeps the join page's title (the link is right, just not yet).
  const [lead, text] = texts[stop];
  const title = stop === 'early' ? t.joinTitle : lead;
  const again = stop === 'left' || stop === 'replaced' || stop === 'full' || stop === 'error';
  return (
    <main id="main" data-screen={`room-${stop}`}>
      <PageTitle title={title}>{title}</PageTitle>
      {stop === 'early' && (
        <p>
          <strong>{lead}</strong>
        </p>
      )}
      <p data-testid="room-stop-text">{text}</p>
      {children}
      {again && onRejoin && (
        <div class="actions">
          <button type="button" class="btn-primary" onClick={onRejoin}>
            {t.rejoin}
          </button>
        </div>
      )}
    </main>
  );
}

function LobbyView({ session, snap }: { session: RoomSession; snap: Snapshot }) {
  const preview = session.local;
  return (
    <main id="main" data-screen="lobby">
      <PageTitle title={t.lobbyTitle}>{t.lobbyTitle}</PageTitle>
      <ReconnectBanner snap={snap} />
      <p role="status">{t.lobbyText}</p>
      <div class="preview">
        <Video stream={preview} self label={t.yourVideo} />
      </div>
      <div class="actions">
        <button type="button" class="btn-secondary" onClick={() => session.hangUp()}>
          {t.hangUp}
        </button>
      </div>
    </main>
  );
}

interface RoomViewProps {
  session: RoomSession;
  onRejoin: () => void;
  /** The session ended for good (not "left"): forget that we were in. */
  onStop: (stop: RoomStop) => void;
  children?: ComponentChildren;
  aside?: ComponentChildren;
}

/** Lobby, call or the screen that follows, for one session. */
export function RoomView({ session, onRejoin, onStop, children, aside }: RoomViewProps) {
  const snap = useSnapshot(session);
  const stop = stopOfPhase(snap.phase, snap.error);
  useEffect(() => {
    if (stop) {
      session.close();
      onStop(stop);
    }
  }, [stop]);
  if (stop) {
    return (
      <StopScreen stop={stop} error={snap.error} onRejoin={onRejoin}>
        {children}
      </StopScreen>
    );
  }
  if (snap.phase === 'connecting') {
    return (
      <main id="main" data-screen="connecting">
        <PageTitle title={t.callTitle}>{t.callTitle}</PageTitle>
        <Loading label={t.connecting} />
      </main>
    );
  }
  if (snap.phase === 'lobby') return <LobbyView session={session} snap={snap} />;
  return <CallView session={session} snap={snap} aside={aside} />;
}
