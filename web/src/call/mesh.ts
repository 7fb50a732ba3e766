// The call's media: one RTCPeerConnection per other participant (a mesh of at most 4), with
// the perfect-negotiation pattern so simultaneous offers never deadlock (the guest is the
// polite side; between equals the lower id is). Stats are polled for the quality hint and
// for the frames-decoded count the tiles expose.
import type { IceServer, RoomRole } from './protocol';

export type Send = (m: Record<string, unknown>) => void;

export type Quality = 'good' | 'fair' | 'poor' | 'connecting';

export interface RemoteView {
  id: string;
  stream: MediaStream | null;
  state: RTCPeerConnectionState;
  framesDecoded: number;
  quality: Quality;
}

export function isPolite(me: { id: string; role: RoomRole }, other: { id: string; role: RoomRole }): boolean {
  if (me.role !== other.role) return me.role === 'guest';
  return me.id < other.id;
}

class Peer {
  readonly pc: RTCPeerConnection;
  stream: MediaStream | null = null;
  framesDecoded = 0;
  quality: Quality = 'connecting';
  private makingOffer = false;
  private ignoreOffer = false;
  private answerPending = false;
  private chain: Promise<void> = Promise.resolve();
  private lastStats = { frames: 0, lost: 0, received: 0, at: 0 };

  /** Servers for the ICE gathering still to come (a relay handed out after admission). */
  setIceServers(servers: IceServer[]): void {
    try {
      this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers: servers as RTCIceServer[] });
    } catch {
      // closed meanwhile
    }
  }

  constructor(
    readonly id: string,
    private readonly polite: boolean,
    iceServers: IceServer[],
    private readonly send: Send,
    private readonly changed: () => void,
  ) {
    this.pc = new RTCPeerConnection({ iceServers: iceServers as RTCIceServer[] });
    this.pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await this.pc.setLocalDescription();
        const d = this.pc.localDescription;
        if (d) this.send({ type: 'signal.offer', to: this.id, sdp: d.sdp });
      } catch {
        // closed meanwhile, or a collision the other side resolves
      } finally {
        this.makingOffer = false;
      }
    };
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.send({ type: 'signal.ice', to: this.id, candidate: candidate.toJSON() });
    };
    this.pc.ontrack = (ev) => {
      if (!this.stream) this.stream = ev.streams[0] ?? new MediaStream();
      if (!this.stream.getTracks().includes(ev.track)) this.stream.addTrack(ev.track);
      this.changed();
    };
    this.pc.onconnectionstatechange = () => this.changed();
    this.pc.oniceconnectionstatechange = () => {
      if (this.pc.iceConnectionState === 'failed') this.pc.restartIce();
    };
  }

  /** Sends our tracks: a new transceiver per track, or the one the remote offer made. */
  addTracks(local: MediaStream | null, video: MediaStreamTrack | null): void {
    if (!local) return;
    const used = new Set(this.pc.getSenders().map((s) => s.track?.kind).filter(Boolean));
    for (const track of local.getTracks()) {
      if (used.has(track.kind)) continue;
      this.pc.addTrack(track.kind === 'video' && video ? video : track, local);
    }
  }

  /** Offers, answers and candidates of this pair, strictly in arrival order. */
  onSignal(type: string, payload: { sdp?: string; candidate?: RTCIceCandidateInit | null }, local: MediaStream | null, video: MediaStreamTrack | null): void {
    this.chain = this.chain.then(() => this.handle(type, payload, local, video)).catch(() => undefined);
  }

  private async handle(type: string, payload: { sdp?: string; candidate?: RTCIceCandidateInit | null }, local: MediaStream | null, video: MediaStreamTrack | null) {
    if (type === 'signal.ice') {
      if (!payload.candidate) return;
      try {
        await this.pc.addIceCandidate(payload.candidate);
      } catch (e) {
        if (!this.ignoreOffer) throw e;
      }
      return;
    }
    const descType = type === 'signal.offer' ? 'offer' : 'answer';
    if (typeof payload.sdp !== 'string') return;
    const ready = !this.makingOffer && (this.pc.signalingState === 'stable' || this.answerPending);
    const collision = descType === 'offer' && !ready;
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer) return;
    this.answerPending = descType === 'answer';
    await this.pc.setRemoteDescription({ type: descType, sdp: payload.sdp });
    this.answerPending = false;
    if (descType === 'offer') {
      // Our tracks join the transceivers the offer created, so one answer carries both ways.
      this.addTracks(local, video);
      await this.pc.setLocalDescription();
      const d = this.pc.localDescription;
      if (d) this.send({ type: 'signal.answer', to: this.id, sdp: d.sdp });
    }
  }

  async pollStats(): Promise<void> {
    if (this.pc.connectionState === 'closed') return;
    const report = await this.pc.getStats();
    let frames = 0;
    let lost = 0;
    let received = 0;
    let rtt: number | undefined;
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded ?? 0;
      if (s.type === 'inbound-rtp') {
        lost += s.packetsLost ?? 0;
        received += s.packetsReceived ?? 0;
      }
      if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded' && typeof s.currentRoundTripTime === 'number') {
        rtt = s.currentRoundTripTime;
      }
    });
    const prev = this.lastStats;
    const dLost = Math.max(0, lost - prev.lost);
    const dRecv = Math.max(0, received - prev.received);
    const loss = dLost + dRecv > 0 ? dLost / (dLost + dRecv) : 0;
    const flowing = received > prev.received;
    this.lastStats = { frames, lost, received, at: performance.now() };
    this.framesDecoded = frames;
    const state = this.pc.connectionState;
    if (state !== 'connected') this.quality = state === 'new' || state === 'connecting' ? 'connecting' : 'poor';
    else if (!flowing || loss > 0.08 || (rtt ?? 0) > 0.6) this.quality = 'poor';
    else if (loss > 0.02 || (rtt ?? 0) > 0.3) this.quality = 'fair';
    else this.quality = 'good';
  }

  close(): void {
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.ontrack = null;
    this.pc.onconnectionstatechange = null;
    this.pc.close();
  }
}

export class Mesh {
  private peers = new Map<string, Peer>();
  private local: MediaStream | null = null;
  /** The track sent as video: the camera, or the screen while sharing. */
  private videoOut: MediaStreamTrack | null = null;
  private statsTimer = 0;

  constructor(
    private readonly me: { id: string; role: RoomRole },
    private iceServers: IceServer[],
    private readonly send: Send,
    private readonly changed: () => void,
  ) {
    this.statsTimer = window.setInterval(() => void this.poll(), 1000);
  }

  /** New ICE servers (the relay once admitted): for the calls to come and the ones under way. */
  setIceServers(servers: IceServer[]): void {
    this.iceServers = servers;
    this.peers.forEach((p) => p.setIceServers(servers));
  }

  setLocal(stream: MediaStream | null): void {
    this.local = stream;
    this.videoOut = stream?.getVideoTracks()[0] ?? null;
  }

  /** Someone joined after us: we make the connection and offer (the protocol's rule). */
  connectTo(other: { id: string; role: RoomRole }): void {
    this.drop(other.id);
    const peer = this.create(other);
    peer.addTracks(this.local, this.videoOut);
  }

  onSignal(msg: { type: string; from?: unknown; sdp?: unknown; candidate?: unknown }, roleOf: (id: string) => RoomRole): void {
    if (typeof msg.from !== 'string') return;
    let peer = this.peers.get(msg.from);
    if (!peer) {
      if (msg.type !== 'signal.offer') return; // candidates or answers of a connection we dropped
      peer = this.create({ id: msg.from, role: roleOf(msg.from) });
    }
    peer.onSignal(msg.type, { sdp: msg.sdp as string, candidate: msg.candidate as RTCIceCandidateInit | null }, this.local, this.videoOut);
  }

  private create(other: { id: string; role: RoomRole }): Peer {
    const peer = new Peer(other.id, isPolite(this.me, other), this.iceServers, this.send, this.changed);
    this.peers.set(other.id, peer);
    this.changed();
    return peer;
  }

  /** Replaces the outgoing video (camera ↔ screen) on every connection, without renegotiating. */
  async setVideoOut(track: MediaStreamTrack | null): Promise<void> {
    this.videoOut = track;
    await Promise.all(
      [...this.peers.values()].map((p) => {
        const tr = p.pc.getTransceivers().find((x) => x.receiver.track.kind === 'video' && x.currentDirection !== 'stopped');
        return tr ? tr.sender.replaceTrack(track) : Promise.resolve();
      }),
    );
  }

  drop(id: string): void {
    const p = this.peers.get(id);
    if (p) {
      p.close();
      this.peers.delete(id);
      this.changed();
    }
  }

  dropAll(): void {
    for (const id of [...this.peers.keys()]) this.drop(id);
  }

  remotes(): RemoteView[] {
    return [...this.peers.values()].map((p) => ({
      id: p.id,
      stream: p.stream,
      state: p.pc.connectionState,
      framesDecoded: p.framesDecoded,
      quality: p.quality,
    }));
  }

  private async poll(): Promise<void> {
    if (!this.peers.size) return;
    await Promise.all([...this.peers.values()].map((p) => p.pollStats().catch(() => undefined)));
    this.changed();
  }

  close(): void {
    window.clearInterval(this.statsTimer);
    this.dropAll();
  }
}
