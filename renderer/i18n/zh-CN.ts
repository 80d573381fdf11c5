import type { Strings } from './index.js';

export const zhCN: Strings = {
  app: { title: 'Hangar' },
  status: {
    connecting: '正在连接 Hangar 服务…',
    connected: '已连接到 Hangar 服务 {{version}}（{{mode}}）',
    disconnected: '与 Hangar 服务的连接已断开：{{reason}}',
  },
  mode: { web: '浏览器模式', electron: '桌面' },
  manager: {
    empty: '还没有连接。',
  },
};
