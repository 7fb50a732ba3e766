// A <video> showing a MediaStream (srcObject is set from script: no URLs, CSP-friendly). When
// the browser refuses to autoplay with sound (no click yet, e.g. after a reload), it plays
// muted and offers a button to turn the sound on.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

interface Props {
  stream: MediaStream | null;
  /** Own preview: always muted, mirrored. */
  self?: boolean;
  label: string;
}

export function Video({ stream, self, label }: Props) {
  const ref = useRef<HTMLVideoElement>(null);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    if (v.srcObject !== stream) v.srcObject = stream;
    if (!stream) return;
    v.muted = !!self;
    v.play().catch(() => {
      if (self) return;
      v.muted = true;
      setBlocked(true);
      void v.play().catch(() => undefined);
    });
  }, [stream, self]);
  return (
    <>
      <video ref={ref} class={self ? 'video video-self' : 'video'} autoplay playsInline muted={self} aria-label={label} />
      {blocked && (
        <button
          type="button"
          class="btn-secondary btn-small sound-on"
          onClick={() => {
            const v = ref.current;
            if (v) {
              v.muted = false;
              void v.play();
            }
            setBlocked(false);
          }}
        >
          {t.turnOnSound}
        </button>
      )}
    </>
  );
}
