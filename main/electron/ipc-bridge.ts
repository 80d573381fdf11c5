import { ipcMain, MessageChannelMain, type IpcMainEvent, type WebContents } from 'electron';
import type { ApiService, ApiSession } from '../api/api-service.js';
import { PortChannels } from '../api/channels/port-channels.js';
import { trustedSender } from './navigation-policy.js';

export const IPC_CHANNEL = 'hangar:frame';
/** Carries one MessagePort per byte channel, with the channel's id, to the preload. */
export const IPC_CHANNEL_PORT = 'hangar:channel-port';

/**
 * Carries API frames between main and the app's own windows. Frames from anything else (another frame, a page
 * that navigated away, a webview) are dropped: the sender must be a tracked window showing our own page.
 * Byte channels each get a MessagePort pair; the window's end goes to its main frame.
 */
export class IpcBridge {
  private readonly sessions = new Map<number, ApiSession>();
  private readonly listener = (event: IpcMainEvent, frame: unknown): void => {
    const session = this.sessions.get(event.sender.id);
    const sender = { tracked: session !== undefined, isMainFrame: event.senderFrame === event.sender.mainFrame, url: event.senderFrame?.url ?? '' };
    if (session && trustedSender(sender, this.isOwnPage)) session.handle(frame);
  };

  constructor(private readonly api: ApiService, private readonly isOwnPage: (url: string) => boolean) {
    ipcMain.on(IPC_CHANNEL, this.listener);
  }

  attach(contents: WebContents): void {
    const ports = new PortChannels(() => {
      const { port1, port2 } = new MessageChannelMain();
      return { local: port1, remote: port2 };
    }, (id, remote) => {
      if (!contents.isDestroyed()) contents.postMessage(IPC_CHANNEL_PORT, { id }, [remote]);
      else remote.close();
    });
    const session = this.api.open((frame) => {
      if (!contents.isDestroyed()) contents.send(IPC_CHANNEL, frame);
    }, ports);
    this.sessions.set(contents.id, session);
    contents.once('destroyed', () => {
      session.dispose();
      this.sessions.delete(contents.id);
    });
  }

  dispose(): void {
    ipcMain.removeListener(IPC_CHANNEL, this.listener);
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
  }
}
