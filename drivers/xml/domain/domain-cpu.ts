import { ElementView } from '../core/element-view.js';
import { XmlElement } from '../core/nodes.js';

export interface CpuTopology {
  readonly sockets: number;
  readonly dies?: number;
  readonly clusters?: number;
  readonly cores: number;
  readonly threads: number;
}

export interface CpuFeature {
  readonly name: string;
  readonly policy: string;
}

const cpuOrder = ['model', 'vendor', 'topology', 'cache', 'maxphysaddr', 'feature', 'numa'];

/** `<cpu mode=… match=… check=…>` with model, topology and feature policies. */
export class DomainCpu extends ElementView {
  get mode(): string | undefined {
    return this.element.attr('mode');
  }

  set mode(mode: string | undefined) {
    if (mode !== undefined) this.checkOneOf(mode, ['custom', 'host-model', 'host-passthrough', 'maximum'], 'mode');
    this.element.setAttr('mode', mode);
  }

  get match(): string | undefined {
    return this.element.attr('match');
  }

  get check(): string | undefined {
    return this.element.attr('check');
  }

  get model(): string | undefined {
    const m = this.getText('model');
    return m === undefined || m === '' ? undefined : m;
  }

  set model(model: string | undefined) {
    this.setText('model', model, cpuOrder);
  }

  get modelFallback(): string | undefined {
    return this.getAttr('model@fallback');
  }

  get topology(): CpuTopology | undefined {
    const t = this.element.child('topology');
    if (t === undefined) return undefined;
    const n = (k: string): number | undefined => this.intOf(t.attr(k), `topology.${k}`);
    const dies = n('dies');
    const clusters = n('clusters');
    return { sockets: n('sockets') ?? 1, ...(dies === undefined ? {} : { dies }), ...(clusters === undefined ? {} : { clusters }), cores: n('cores') ?? 1, threads: n('threads') ?? 1 };
  }

  set topology(t: CpuTopology | undefined) {
    if (t === undefined) {
      this.removePath('topology');
      return;
    }
    for (const k of ['sockets', 'dies', 'clusters', 'cores', 'threads'] as const) {
      const v = t[k];
      if (v !== undefined) this.checkInt(v, `topology.${k}`, 1);
    }
    const el = this.element.ensureChild('topology', cpuOrder);
    el.setAttr('sockets', t.sockets).setAttr('dies', t.dies).setAttr('clusters', t.clusters).setAttr('cores', t.cores).setAttr('threads', t.threads);
  }

  get features(): CpuFeature[] {
    return this.element.childrenNamed('feature').map((f) => ({ name: f.attr('name') ?? '', policy: f.attr('policy') ?? 'require' }));
  }

  /** Sets a feature's policy (require, disable, force, optional, forbid), or removes it with undefined. */
  setFeature(name: string, policy: string | undefined): void {
    const existing = this.element.childrenNamed('feature').find((f) => f.attr('name') === name);
    if (policy === undefined) {
      if (existing !== undefined) this.element.removeChild(existing);
      return;
    }
    this.checkOneOf(policy, ['require', 'disable', 'force', 'optional', 'forbid'], `feature.${name}`);
    if (existing !== undefined) existing.setAttr('policy', policy);
    else this.element.insertChild(XmlElement.create('feature', { policy, name }), cpuOrder);
  }
}
