/**
 * A labelled password box. `autoComplete` tells the browser's password
 * manager whether to offer the saved password or to save a new one.
 */
export function PasswordField({
  label,
  name,
  autoComplete,
  value,
  onChange,
  testId,
}: {
  label: string;
  name?: string;
  autoComplete: "current-password" | "new-password";
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <label>
      {label}
      <input
        type="password"
        name={name}
        autoComplete={autoComplete}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
