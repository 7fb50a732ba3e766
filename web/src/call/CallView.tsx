// The call: remote and own video, controls (mute, camera, screen share, leave; hosts also end
// the meeting and admit or deny people from the lobby), the connection hint, a banner while
// reconnecting, and the chat beside it.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { Alert, PageTitle } from '../components/ui';
import { ChatPanel } from './ChatPanel';
import { Video } from './Video';
import type { Quality } from './mesh';
import type { RoomSession, Snapshot } from './session';

export function LobbyNotices({ session, snap }: { session: RoomSession; snap: Snapshot }) {
  if (snap.me.role !== 'host' || !snap.waiting.length) return null;
  return (
    <div class="lobby-notices" role="alert">
      {snap.waiting.map((p) => (
        <div class="lobby-notice" key={p.id} data-waiting={p.id}>
          <p>{t.lobbyWaiting(p.name)}</p>
          <div class="actions">
            <button type="button" class="btn-primary" aria-label={t.admitName(p.name)} onClick={() => session.admit(p.id)}>
              {t.admit}
            </button>
            <button type="button" class="btn-secondary" aria-label={t.denyName(p.name)} onClick={() => session.deny(p.id)}>
              {t.deny}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}

export function ReconnectBanner({ snap }: { snap: Snapshot }) {
  if (snap.link !== 'reconnecting') return null;
  return (
    <div class="banner banner-warning" role="status" data-testid="reconnecting">
      {t.reconnecting}
    </div>
  );
}

function worst(qs: Quality[]): Quality {
  for (const q of ['poor', 'fair', 'connecting', 'good'] as Quality[]) if (qs.includes(q)) return q;
  return 'connecting';
}

export function CallView({ session, snap, aside }: { session: RoomSession; snap: Snapshot; aside?: ComponentChildren }) {
  const [shareError, setShareError] = useState(false);
  const stageRef = useRef<HTMLElement>(null);
  const [full, setFull] = useState(false);
  useEffect(() => {
    const on = () => setFull(document.fullscreenElement === stageRef.current);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  const toggleFull = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void stageRef.current?.requestFullscreen?.().catch(() => undefined);
  };
  const host = snap.me.role === 'host';
  const previewTrack = session.previewTrack();
  const preview = useMemo(() => (previewTrack ? new MediaStream([previewTrack]) : null), [previewTrack]);
  const others = snap.participants.filter((p) => p.id !== snap.me.id);
  const quality = snap.remotes.length ? worst(snap.remotes.map((r) => r.quality)) : null;

  const toggleShare = async () => {
    setShareError(false);
    try {
      if (snap.sharing) await session.stopSharing();
      else await session.shareScreen();
    } catch {
      setShareError(true);
    }
  };

  return (
    <main id="main" class="call" data-screen="call">
      <PageTitle title={t.callTitle}>{t.callTitle}</PageTitle>
      <ReconnectBanner snap={snap} />
      <LobbyNotices session={session} snap={snap} />
      {snap.notice && <Alert kind="info">{snap.notice}</Alert>}
      <div class="call-layout">
        <section class={`stage${snap.remotes.length === 1 ? ' stage-duo' : ''}`} aria-label={t.callTitle} ref={stageRef}>
          <ul class="tiles">
            {snap.remotes.map((r) => {
              const who = others.find((p) => p.id === r.id);
              const name = who?.name ?? '';
              return (
                <li key={r.id} class="tile" data-remote={r.id} data-frames-decoded={r.framesDecoded} data-state={r.state} data-quality={r.quality}>
                  <Video stream={r.stream} label={t.videoOf(name)} />
                  <p class="tile-name">
                    {name}
                    {who && !who.audio && <span class="badge"> {t.mutedBadge}</span>}
                    {who && !who.video && <span class="badge"> {t.cameraOffBadge}</span>}
                    {who?.presence === 'reconnecting' && <span class="badge"> {t.reconnectingBadge}</span>}
                  </p>
                </li>
              );
            })}
            {!snap.remotes.length && (
              <li class="tile tile-empty">
                <p>{t.waitingForOthers}</p>
              </li>
            )}
            <li class="tile tile-self">
              <Video stream={preview} self={!snap.sharing} label={snap.sharing ? t.yourScreen : t.yourVideo} />
              <p class="tile-name">{snap.sharing ? t.yourScreen : t.you}</p>
            </li>
          </ul>
          {quality && (
            <p class="quality" data-quality={quality}>
              {t.qualityLabel}: <strong>{t.quality[quality]}</strong>
            </p>
          )}
          {shareError && <Alert>{t.screenShareFailed}</Alert>}
          <div class="controls" role="group" aria-label={t.callControls}>
            <button type="button" class="btn-secondary" aria-pressed={!snap.audio} disabled={!session.local?.getAudioTracks().length} onClick={() => session.setAudio(!snap.audio)}>
              {t.mute}
            </button>
            <button type="button" class="btn-secondary" aria-pressed={!snap.video} disabled={!session.local?.getVideoTracks().length} onClick={() => session.setVideo(!snap.video)}>
              {t.cameraOff}
            </button>
            {!!navigator.mediaDevices?.getDisplayMedia && (
              <button type="button" class="btn-secondary" aria-pressed={snap.sharing} onClick={toggleShare}>
                {snap.sharing ? t.stopSharing : t.shareScreen}
              </button>
            )}
            {!!document.fullscreenEnabled && (
              <button type="button" class="btn-secondary" aria-pressed={full} onClick={toggleFull}>
                {t.fullScreen}
              </button>
            )}
            <button type="button" class="btn-danger" onClick={() => session.hangUp()}>
              {t.hangUp}
            </button>
            {host && (
              <button
                type="button"
                class="btn-danger"
                onClick={() => {
                  if (window.confirm(t.confirmEnd)) session.endMeeting();
                }}
              >
                {t.endMeeting}
              </button>
            )}
          </div>
        </section>
        <div class="call-side">
          {aside}
          <ChatPanel session={session} snap={snap} />
        </div>
      </div>
    </main>
  );
}
