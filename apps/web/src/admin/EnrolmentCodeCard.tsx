import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { toDataURL } from "qrcode";
import type { EnrolmentCode } from "../lib/authApi.ts";
import { useFormat } from "../lib/format.ts";

/**
 * A fresh enrolment code, big enough to read across a table, and as a QR
 * code of its link for the tablet's camera. Drawn to a data: URL image:
 * the page's CSP allows those and no inline script.
 */
export function EnrolmentCodeCard({
  code,
  target,
  onDone,
}: {
  code: EnrolmentCode;
  /** What the code enrols, e.g. "WH-P1" or a district's wall. */
  target: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setQr(null);
    toDataURL(code.link, { errorCorrectionLevel: "M", margin: 2, width: 320 })
      .then((url) => live && setQr(url))
      .catch(() => undefined); // the code itself is still there to type
    return () => {
      live = false;
    };
  }, [code.link]);

  return (
    <div className="enrolment-card" role="status" data-testid="enrolment-code">
      <div>
        <p>{t("admin.codeFor", { target })}</p>
        <output
          className="enrolment-code-text"
          data-testid="enrolment-code-text"
        >
          {code.code}
        </output>
        <p>
          {t("admin.codeExpires", { time: format.dateTime(code.expiresAt) })}
        </p>
        <p className="enrolment-link">
          <code>{code.link}</code>
        </p>
        <button type="button" onClick={onDone}>
          {t("admin.oneTimeDone")}
        </button>
      </div>
      {qr && (
        <img
          className="enrolment-qr"
          src={qr}
          width={320}
          height={320}
          alt={t("admin.qrAlt", { code: code.code })}
          data-testid="enrolment-qr"
        />
      )}
    </div>
  );
}
