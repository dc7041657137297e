import { useState } from "react";
import { useTranslation } from "react-i18next";

/** Decline, with the reason the plan asks for; two taps, never one. */
export function DeclineForm({
  disabled,
  onDecline,
}: {
  disabled: boolean;
  onDecline: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");

  if (!open) {
    return (
      <button
        type="button"
        className="decline-button"
        data-testid="btn-decline"
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {t("unit.decline")}
      </button>
    );
  }
  return (
    <form
      className="decline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim() === "") return;
        onDecline(reason.trim());
        setOpen(false);
        setReason("");
      }}
    >
      <label>
        {t("unit.declineReason")}
        <input
          data-testid="decline-reason"
          value={reason}
          maxLength={200}
          required
          autoFocus
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <button
        type="submit"
        data-testid="btn-decline-confirm"
        disabled={disabled}
      >
        {t("unit.declineConfirm")}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t("app.cancel")}
      </button>
    </form>
  );
}
