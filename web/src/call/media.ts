// Camera and microphone: acquiring them with the chosen devices, explaining failures in plain
// words, and measuring the microphone level for the device check.
import { t } from '../i18n';

export interface DeviceChoice {
  cameraId?: string;
  micId?: string;
}

export interface Devices {
  cameras: MediaDeviceInfo[];
  mics: MediaDeviceInfo[];
}

export async function listDevices(): Promise<Devices> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return {
    cameras: all.filter((d) => d.kind === 'videoinput' && d.deviceId),
    mics: all.filter((d) => d.kind === 'audioinput' && d.deviceId),
  };
}

const constraint = (id?: string): MediaTrackConstraints | boolean => (id ? { deviceId: { exact: id } } : true);

/** Camera and microphone; falls back to any device when a remembered one is gone. */
export async function openMedia(choice: DeviceChoice): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no media devices', 'NotSupportedError');
  try {
    return await navigator.mediaDevices.getUserMedia({ video: constraint(choice.cameraId), audio: constraint(choice.micId) });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'OverconstrainedError' && (choice.cameraId || choice.micId)) {
      return navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    }
    throw e;
  }
}

export function stopStream(s: MediaStream | null | undefined): void {
  s?.getTracks().forEach((tr) => tr.stop());
}

/** What went wrong with the camera or microphone, for people rather than developers. */
export function mediaErrorText(e: unknown): string {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return t.mediaBlocked;
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return t.mediaNotFound;
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return t.mediaBusy;
    case 'OverconstrainedError':
      return t.mediaDeviceGone;
    case 'NotSupportedError':
      return t.mediaUnsupported;
    default:
      return t.mediaUnknown;
  }
}

/** Calls `onLevel` (0..1) about 10 times a second with the loudness of `stream`'s microphone. */
export function watchLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const track = stream.getAudioTracks()[0];
  if (!track || typeof AudioContext === 'undefined') return () => undefined;
  const ctx = new AudioContext();
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const data = new Uint8Array(analyser.fftSize);
  const timer = window.setInterval(() => {
    analyser.getByteTimeDomainData(data);
    let sum = 0;
    for (const v of data) sum += ((v - 128) / 128) ** 2;
    // RMS scaled so that speech reaches the upper half of the meter.
    onLevel(Math.min(1, Math.sqrt(sum / data.length) * 4));
  }, 100);
  return () => {
    window.clearInterval(timer);
    source.disconnect();
    void ctx.close();
  };
}
