import type { ReactNode } from "react";

/**
 * A table of the admin and audit pages, one heading a column; "" heads a
 * column that holds only buttons. `children` are the body's rows.
 */
export function AdminTable({
  className,
  testId,
  headings,
  children,
}: {
  /** Added to `admin-table`. */
  className?: string;
  testId: string;
  headings: string[];
  children: ReactNode;
}) {
  return (
    <table
      className={className ? `admin-table ${className}` : "admin-table"}
      data-testid={testId}
    >
      <thead>
        <tr>
          {headings.map((heading, i) => (
            // The columns never move, so their place is their key.
            <th key={i}>{heading}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
