// Byte tunnels to a service on a host (a guest's VNC server): what a graphical console reads its bytes from.

/** Where the service listens on the host, as the domain's live XML says: a TCP address and port, or a unix socket. */
export type TunnelTarget =
  | { readonly host: string; readonly port: number }
  | { readonly socket: string };

/** Says where a target is, for messages. */
export function describeTunnelTarget(target: TunnelTarget): string {
  return 'socket' in target ? target.socket : `${target.host}:${target.port}`;
}
