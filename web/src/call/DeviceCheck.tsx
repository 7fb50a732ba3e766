// Before entering: the camera preview, a live microphone level, device choice, and plain
// explanations when the browser cannot (or may not) use them.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { Alert, Field } from '../components/ui';
import { Video } from './Video';
import { listDevices, mediaErrorText, openMedia, stopStream, watchLevel, type DeviceChoice, type Devices } from './media';

interface Props {
  initial: DeviceChoice;
  busy: boolean;
  onEnter: (stream: MediaStream | null, choice: DeviceChoice) => void;
}

export function DeviceCheck({ initial, busy, onEnter }: Props) {
  const [choice, setChoice] = useState<DeviceChoice>(initial);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [devices, setDevices] = useState<Devices>({ cameras: [], mics: [] });
  const [error, setError] = useState<unknown>(null);
  const [asking, setAsking] = useState(true);
  const [level, setLevel] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const handedOver = useRef(false);

  useEffect(() => {
    let cancelled = false;
    let opened: MediaStream | null = null;
    setAsking(true);
    setError(null);
    openMedia(choice)
      .then(async (s) => {
        if (cancelled) return stopStream(s);
        opened = s;
        setStream(s);
        // Device names are only readable once access was granted.
        setDevices(await listDevices());
        const cam = s.getVideoTracks()[0]?.getSettings().deviceId;
        const mic = s.getAudioTracks()[0]?.getSettings().deviceId;
        setChoice((c) => (c.cameraId === cam && c.micId === mic ? c : { cameraId: cam, micId: mic }));
      })
      .catch((e) => {
        if (!cancelled) {
          setStream(null);
          setError(e);
        }
      })
      .finally(() => {
        if (!cancelled) setAsking(false);
      });
    return () => {
      cancelled = true;
      if (!handedOver.current) stopStream(opened);
    };
    // Reopen only when the user picks another device (or tries again), not on echo of settings.
  }, [attempt]);

  useEffect(() => (stream ? watchLevel(stream, setLevel) : undefined), [stream]);

  const pick = (patch: DeviceChoice) => {
    setChoice((c) => ({ ...c, ...patch }));
    setAttempt((n) => n + 1);
  };
  const enter = (withMedia: boolean) => {
    handedOver.current = withMedia;
    onEnter(withMedia ? stream : null, choice);
  };
  const levelText = useMemo(() => `${Math.round(level * 100)}%`, [level]);

  return (
    <section class="device-check card" aria-labelledby="device-check-h" data-screen="device-check">
      <h2 id="device-check-h">{t.deviceCheckTitle}</h2>
      <p>{t.deviceCheckIntro}</p>
      <div class="preview">
        <Video stream={stream} self label={t.cameraPreview} />
      </div>
      {asking && <p role="status">{t.askingDevices}</p>}
      {!!error && (
        <Alert>
          <p data-testid="media-error">{mediaErrorText(error)}</p>
          <button type="button" class="btn-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t.tryAgain}
          </button>
        </Alert>
      )}
      <div class="field">
        <label for="mic-level">{t.micLevel}</label>
        <meter id="mic-level" min={0} max={1} low={0.15} high={0.85} optimum={0.5} value={level} aria-valuetext={levelText} data-level={level.toFixed(2)}>
          {levelText}
        </meter>
      </div>
      <div class="grid-2">
        <Field label={t.cameraLabel}>
          {({ id }) => (
            <select id={id} value={choice.cameraId ?? ''} disabled={!devices.cameras.length} onChange={(e) => pick({ cameraId: (e.target as HTMLSelectElement).value })}>
              {devices.cameras.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || `${t.cameraLabel} ${i + 1}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.micLabel}>
          {({ id }) => (
            <select id={id} value={choice.micId ?? ''} disabled={!devices.mics.length} onChange={(e) => pick({ micId: (e.target as HTMLSelectElement).value })}>
              {devices.mics.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || `${t.micLabel} ${i + 1}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div class="actions">
        <button type="button" class="btn-primary" disabled={busy || !stream} onClick={() => enter(true)}>
          {busy ? t.joining : t.joinNow}
        </button>
        {!!error && (
          <button type="button" class="btn-secondary" disabled={busy} onClick={() => enter(false)}>
            {t.joinWithoutDevices}
          </button>
        )}
      </div>
    </section>
  );
}
