import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import type { PostRef } from "@muster/protocol";
import { useFormat } from "../lib/format.ts";
import { useNames } from "../lib/names.ts";
import { usePlan } from "../lib/PlanContext.tsx";

/** The command post: commander, first deputy, and each group's answer. */
export function CommandPostPanel({ incident }: { incident: IncidentState }) {
  const { t } = useTranslation();
  const names = useNames();
  const format = useFormat();
  const { plan } = usePlan();
  const post = incident.commandPost;
  // Who leads each group, as the plan names the post.
  const leadOf = (id: string) => {
    const lead = plan.groups.find((g) => g.id === id)?.lead;
    return lead ? format.name(lead) : "";
  };

  if (!post) {
    return (
      <section className="command-post" data-testid="command-post">
        <p className="muted">{t("commandPost.none")}</p>
      </section>
    );
  }
  return (
    <section className="command-post" data-testid="command-post">
      <dl className="command-roles">
        <Role label={t("commandPost.commander")} post={post.commander} />
        {post.firstDeputy && (
          <Role label={t("commandPost.firstDeputy")} post={post.firstDeputy} />
        )}
      </dl>
      <ul className="groups">
        {incident.groups.map((group) => {
          const acknowledged = group.acknowledgedAt !== null;
          return (
            <li
              key={group.group}
              className={acknowledged ? "group-ack" : "group-waiting"}
              data-testid={`group-${group.group}`}
              data-acknowledged={acknowledged}
              title={
                acknowledged ? undefined : t("commandPost.notAcknowledged")
              }
            >
              <span aria-hidden>{acknowledged ? "✔" : "○"}</span>
              {names.group(group.group)}
              {leadOf(group.group) && (
                <span className="group-lead" title={leadOf(group.group)}>
                  {leadOf(group.group)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Role({ label, post }: { label: string; post: PostRef }) {
  const format = useFormat();
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {format.name(post.name, post.post)}
        {post.onDuty && (
          <span className="command-on-duty">
            {" · "}
            {format.name(post.onDuty, "")}
          </span>
        )}
      </dd>
    </div>
  );
}
