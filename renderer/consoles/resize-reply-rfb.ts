// noVNC's RFB, plus the server's answer to "resize the guest to the window". With resizeSession set, noVNC sends
// SetDesktopSize; the server answers with an ExtendedDesktopSize rectangle whose x-position says why it was sent
// (1: this client asked) and whose y-position is the status. noVNC reads that rectangle, logs a refusal and
// carries on, but tells the page nothing; this subclass reads the same rectangle once noVNC has consumed it and
// dispatches a `resizereply` event. (It relies on noVNC 1.7's internals, declared in novnc.d.ts; the console-resize
// e2e test fails if a later noVNC moves them.)
//
// QEMU's answers: "invalid screen layout" when the video device cannot be resized from outside (VGA, cirrus), and
// "request forwarded" when it passes the size on to the guest (virtio video), whose driver may or may not act on it.
import RFB from '@novnc/novnc';

/** Status codes of an ExtendedDesktopSize reply (RFB community protocol, SetDesktopSize). */
export type ResizeStatus = 'accepted' | 'prohibited' | 'outOfResources' | 'invalidLayout' | 'forwarded' | 'unknown';

export interface ResizeReply {
  readonly status: ResizeStatus;
  /** The status code as sent (for 'unknown'). */
  readonly code: number;
  /** The size the server reports with its answer: the new one when accepted, else the current one. */
  readonly width: number;
  readonly height: number;
}

const STATUSES: Readonly<Record<number, ResizeStatus>> = {
  0: 'accepted',
  1: 'prohibited',
  2: 'outOfResources',
  3: 'invalidLayout',
  4: 'forwarded',
};

/** Whether the server turned the request down (a forwarded request is up to the guest, not refused). */
export function refused(status: ResizeStatus): boolean {
  return status !== 'accepted' && status !== 'forwarded';
}

/** Reason code 1 in an ExtendedDesktopSize rectangle's x-position: "this client asked for the change". */
const REQUESTED_BY_THIS_CLIENT = 1;

export class ResizeReplyRfb extends RFB {
  protected override _handleExtendedDesktopSize(): boolean {
    const done = super._handleExtendedDesktopSize();
    // False: the rectangle is not all here yet, and noVNC calls again when more bytes arrive.
    if (done && this._FBU.x === REQUESTED_BY_THIS_CLIENT) {
      const code = this._FBU.y;
      const detail: ResizeReply = { status: STATUSES[code] ?? 'unknown', code, width: this._FBU.width, height: this._FBU.height };
      this.dispatchEvent(new CustomEvent<ResizeReply>('resizereply', { detail }));
    }
    return done;
  }
}
