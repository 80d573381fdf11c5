import { NavExpandable } from '@patternfly/react-core';
import { useState } from 'react';

/**
 * A group of the sidebar that renders its entries only while open: twenty hosts with their VMs, networks, pools
 * and devices would otherwise keep thousands of hidden nav items in the page, which every scroll frame of the VM
 * list pays for in layout and paint.
 */
export function SidebarGroup({ title, initiallyExpanded = false, children, ...rest }: {
  title: React.ReactNode;
  initiallyExpanded?: boolean;
  children: () => React.ReactNode;
  'data-connection'?: string;
  'data-connection-state'?: string;
  buttonProps?: React.ButtonHTMLAttributes<HTMLButtonElement>;
}): React.JSX.Element {
  const [expanded, setExpanded] = useState(initiallyExpanded);
  return (
    <NavExpandable title={title} isExpanded={expanded} onExpand={(_e, open) => setExpanded(open)} {...rest}>
      {expanded ? children() : null}
    </NavExpandable>
  );
}
