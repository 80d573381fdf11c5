import type { Strings } from './index.js';

export const zhCN: Strings = {
  app: { title: 'Hangar' },
  common: { cancel: '取消', dismiss: '关闭', ok: '确定' },
  status: {
    disconnected: '与 Hangar 服务的连接已断开：{{reason}}。服务恢复后请重新加载页面。',
  },
  manager: {
    empty: '还没有连接。请用“添加连接”添加一个。',
    noVms: '此主机上没有虚拟机。',
    vmCount_one: '{{count}} 台虚拟机',
    vmCount_other: '{{count}} 台虚拟机',
    addConnection: '添加连接…',
    cpuGraph: '{{name}} 的 CPU 使用率',
    actionFailed: '对“{{name}}”执行“{{action}}”失败：{{message}}',
  },
  connection: {
    disconnected: '未连接',
    connecting: '正在连接…',
    connected: '已连接',
    error: '错误',
    retrying: '正在重新连接…',
    connect: '连接',
    disconnect: '断开连接',
    remove: '移除',
  },
  state: {
    running: '正在运行', idle: '空闲', paused: '已暂停', shuttingDown: '正在关机', shutoff: '已关机',
    crashed: '已崩溃', suspended: '已挂起', unknown: '未知',
  },
  action: {
    start: '运行', shutdown: '关机', reboot: '重启', reset: '强制重置', forceoff: '强制关机',
    pause: '暂停', resume: '恢复',
  },
  confirm: {
    remove: { title: '移除连接“{{name}}”？', message: 'Hangar 将忘记这个连接。主机上的一切保持不变：其虚拟机、网络和存储都不受影响。' },
    shutdown: { title: '关闭“{{name}}”？', message: '将请求客户机操作系统关机。' },
    reboot: { title: '重启“{{name}}”？', message: '将请求客户机操作系统重新启动。' },
    reset: { title: '强制重置“{{name}}”？', message: '虚拟机会立即重新启动，如同按下复位键。客户机中未保存的数据将丢失。' },
    forceoff: { title: '强制关闭“{{name}}”？', message: '虚拟机会立即断电，不会先关闭其操作系统。客户机中未保存的数据将丢失。' },
  },
  prompt: {
    hostkey: {
      title: '未知的 SSH 主机密钥',
      message: '无法确认主机 {{host}} 的真实性。信任之前，请确认下面的 {{keyType}} 密钥指纹正是您所预期的：',
      trust: '信任并连接',
      label: '',
    },
    password: { title: 'SSH 密码', message: '{{user}}@{{host}} 的密码：', label: '密码' },
    passphrase: { title: '密钥口令', message: '私钥 {{keyPath}} 已加密。', label: '口令' },
  },
  addConnection: {
    title: '添加连接',
    hypervisor: '虚拟机管理程序',
    userSession: 'QEMU/KVM 用户会话',
    demo: '演示主机（无需 libvirt）',
    ssh: '通过 SSH 连接到远程主机',
    user: '用户名',
    host: '主机名',
    autoconnect: '自动连接',
    custom: '自定义 URI',
    uri: 'URI',
    generated: '生成的 URI：',
    connect: '连接',
    badHost: '请输入主机名或地址，可带 :端口。',
    badUri: '请输入 libvirt URI，例如 qemu:///system。',
  },
};
