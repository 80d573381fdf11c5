// virConnectFindStoragePoolSources on the Demo host: what libvirt's test driver answers (measured on 9.0): two
// volume groups for logical pools, one share on the named host for netfs, no discovery for other types.
import * as api from '../api/index.js';
import { testError, virError } from './errors.js';
import { parseTree } from './xml-access.js';

const LOGICAL = `<sources>
  <source>
    <device path='/dev/sda20'/>
    <name>testvg1</name>
    <format type='lvm2'/>
  </source>
  <source>
    <device path='/dev/sda21'/>
    <name>testvg2</name>
    <format type='lvm2'/>
  </source>
</sources>
`;

const escapeAttr = (v: string): string => v.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');

export function findPoolSources(type: string, srcSpec: string | null): string {
  switch (type) {
    case 'logical':
      return LOGICAL;
    case 'netfs': {
      let host: string | undefined;
      if (srcSpec !== null) {
        try {
          host = parseTree(srcSpec).child('host')?.attr('name');
        } catch (e) {
          throw virError(api.VIR_ERR_XML_DETAIL, api.VIR_FROM_STORAGE, `(storage_source_specification): ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      if (!host) throw testError(api.VIR_ERR_INVALID_ARG, 'hostname must be specified for netfs sources');
      return `<sources>\n  <source>\n    <host name='${escapeAttr(host)}'/>\n    <dir path='/testshare'/>\n    <format type='nfs'/>\n  </source>\n</sources>\n`;
    }
    case 'dir':
      throw testError(api.VIR_ERR_INTERNAL_ERROR, 'unknown storage pool type dir');
    default:
      throw testError(api.VIR_ERR_NO_SUPPORT, `pool type '${type}' does not support source discovery`);
  }
}
