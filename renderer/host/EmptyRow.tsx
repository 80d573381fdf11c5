import { Td, Tr } from '@patternfly/react-table';

/** The one row of an empty table, saying why it is empty. */
export function EmptyRow({ colSpan, text }: { colSpan: number; text: string }): React.JSX.Element {
  return <Tr><Td colSpan={colSpan} className="empty-row">{text}</Td></Tr>;
}
