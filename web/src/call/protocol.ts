// Shapes of the rooms API and the live WebSocket protocol (docs/live-protocol.md).

export interface IceServer {
  urls: string[] | string;
  username?: string;
  credential?: string;
}

export type RoomRole = 'host' | 'guest';

/** The answer of POST /api/v1/join/{token} and POST /api/v1/rooms/{roomId}/join. */
export interface JoinAnswer {
  roomId: string;
  roomToken: string;
  expiresAt: string;
  participant: { id: string; role: RoomRole; name: string };
  lobby: boolean;
  opensAt: string;
  closesAt: string;
  wsPath: string;
  iceServers: IceServer[];
}

/** GET /api/v1/join/{token}: the room behind a join link, without joining. */
export interface RoomPreview {
  roomId: string;
  status: 'open' | 'early' | 'closed' | 'ended' | 'denied';
  opensAt: string;
  closesAt: string;
  booking: {
    start: string;
    end: string;
    service: { id: string; name: string };
    provider: { id: string; name: string };
    /** The start before the latest reschedule, when the appointment was moved. */
    movedFrom?: string;
  };
  /** The appointment's own status, so a cancelled one is not called "ended". */
  bookingStatus?: 'confirmed' | 'cancelled' | 'completed' | 'noShow';
  business: { name: string; slug?: string };
}

export interface Participant {
  id: string;
  name: string;
  role: RoomRole;
  state: 'waiting' | 'admitted';
  presence: 'online' | 'reconnecting';
  audio: boolean;
  video: boolean;
}

export interface ChatMessage {
  seq: number;
  from: string;
  name: string;
  text: string;
  at: string;
  clientId?: string;
  editedAt?: string;
  deleted?: boolean;
}

export interface ChatPage {
  items: ChatMessage[];
  nextBefore: number | null;
  lastSeq: number;
}

/** Close codes after which reconnecting is pointless. */
export const kCloseDenied = 4003;
export const kCloseEnded = 4004;
export const kCloseRoomClosed = 4005;
export const kCloseReplaced = 4008;
export const kCloseFull = 4009;
export const kTerminalCloseCodes = [kCloseDenied, kCloseEnded, kCloseRoomClosed, kCloseReplaced, kCloseFull];

// Server → client messages, loosely typed: every field is checked where it is used.
export type ServerMessage = { type: string; [key: string]: unknown };
