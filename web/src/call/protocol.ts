// Shapes of the rooms API and the live WebSocket protocol (docs/live-protocol.md).

import type { ChatMessage as StoredChatMessage, ChatPage, IceServer, JoinAnswer, RoomPreview } from '../lib/types';

// The REST answers come from the contract (docs/openapi.yaml); the WebSocket messages below
// are docs/live-protocol.md's.
export type { ChatPage, IceServer, JoinAnswer, RoomPreview };

/** A message of the history page, or a live chat.message, which also echoes the sender's clientId. */
export type ChatMessage = StoredChatMessage & { clientId?: string };

export type RoomRole = JoinAnswer['participant']['role'];

export interface Participant {
  id: string;
  name: string;
  role: RoomRole;
  state: 'waiting' | 'admitted';
  presence: 'online' | 'reconnecting';
  audio: boolean;
  video: boolean;
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
