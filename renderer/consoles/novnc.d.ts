// The part of noVNC 1.7's RFB class the graphical console uses (the package ships no types).
declare module '@novnc/novnc' {
  /** What RFB accepts instead of a URL: a WebSocket, an RTCDataChannel, or an object shaped like them. */
  export interface RfbChannel {
    binaryType: string;
    readonly protocol: string;
    readonly readyState: string | number;
    onopen: ((e: Event) => void) | null;
    onmessage: ((e: { readonly data: ArrayBuffer }) => void) | null;
    onclose: ((e: { readonly code: number; readonly reason: string; readonly wasClean: boolean }) => void) | null;
    onerror: ((e: Event) => void) | null;
    send(data: Uint8Array): void;
    close(): void;
  }

  export interface RfbOptions {
    readonly shared?: boolean;
    readonly credentials?: { readonly username?: string; readonly password?: string; readonly target?: string };
  }

  export default class RFB extends EventTarget {
    constructor(target: HTMLElement, urlOrChannel: string | RfbChannel, options?: RfbOptions);
    scaleViewport: boolean;
    resizeSession: boolean;
    clipViewport: boolean;
    viewOnly: boolean;
    focusOnClick: boolean;
    showDotCursor: boolean;
    background: string;
    qualityLevel: number;
    compressionLevel: number;
    readonly capabilities: { readonly power: boolean };
    disconnect(): void;
    sendCredentials(credentials: { readonly username?: string; readonly password?: string; readonly target?: string }): void;
    sendKey(keysym: number, code: string | null, down?: boolean): void;
    sendCtrlAltDel(): void;
    focus(options?: FocusOptions): void;
    blur(): void;
    clipboardPasteFrom(text: string): void;
    getImageData(): ImageData;
    toDataURL(type?: string, encoderOptions?: number): string;
    toBlob(callback: (blob: Blob | null) => void, type?: string, quality?: number): void;

    // Internals of noVNC 1.7 that resize-reply-rfb.ts extends (not part of its documented API).
    /** The rectangle being read: its header (x, y, width, height as sent; encoding). */
    protected readonly _FBU: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
    /** Reads an ExtendedDesktopSize rectangle's body; false while its bytes have not all arrived. */
    protected _handleExtendedDesktopSize(): boolean;
  }
}
