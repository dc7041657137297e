import { Command as Program, CommanderError, Option } from "commander";
import { MusterError, conducts } from "@muster/protocol";
import { classify } from "@muster/plan";
import { defaultPlanFile, loadPlan } from "@muster/plan/load";
import { chmodSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { backupSqliteStore } from "@muster/store/sqlite";
import { accessFiles, openAccess } from "@muster/auth/sqlite";
import { resolveServeConfig } from "./config.ts";
import { serve } from "./serve.ts";

// The CLI talks to a person: plain text on stdout/stderr, exit codes
// 0 (done), 1 (the input is wrong: a plan or a scenario), 2 (bad usage).
const program = new Program("muster")
  .description("Muster: the command console for tiered emergency response")
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command("serve")
  .description("start the console server")
  .option("--port <n>", "port to listen on (MUSTER_PORT, default 4100)")
  .option("--host <addr>", "address to bind (MUSTER_HOST, default 127.0.0.1)")
  .option("--data <dir>", "data folder (MUSTER_DATA, default .data)")
  .option("--plan <file>", "response plan YAML (MUSTER_PLAN)")
  .option("--demo", "play demo incidents (MUSTER_DEMO=1)")
  .action(async (flags: Record<string, string | boolean | undefined>) => {
    const config = resolveServeConfig({
      port: flags.port as string | undefined,
      host: flags.host as string | undefined,
      data: flags.data as string | undefined,
      plan: flags.plan as string | undefined,
      demo: flags.demo as boolean | undefined,
    });
    const server = await serve(config);
    process.stdout.write(
      [
        "",
        `Muster is listening on ${server.url}${config.demo ? " (demo)" : ""}`,
        `  wall screen   ${server.url}/wall`,
        `  console       ${server.url}/console`,
        `  unit tablet   ${server.url}/unit/WH-P1`,
        `  drill console ${server.url}/drill`,
        `  sign in       ${server.url}/login`,
        "",
        ...server.notices,
        ...(server.notices.length ? [""] : []),
      ].join("\n") + "\n",
    );
    const stop = () => {
      void server.close().then(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });

program
  .command("classify")
  .description("grade a gathering by headcount and conduct")
  .requiredOption("--headcount <n>", "people gathered, a whole number ≥ 1")
  .addOption(
    new Option("--conduct <conduct>", "conduct observed")
      .choices([...conducts])
      .makeOptionMandatory(),
  )
  .option("--plan <file>", "response plan YAML", defaultPlanFile)
  .option("--json", "print one JSON object")
  .action(
    (flags: {
      headcount: string;
      conduct: string;
      plan: string;
      json?: boolean;
    }) => {
      if (!/^-?\d+(\.\d+)?$/.test(flags.headcount.trim())) {
        throw new MusterError(
          "BAD_REQUEST",
          `--headcount: expected a whole number ≥ 1, got "${flags.headcount}"`,
          { path: "headcount" },
        );
      }
      const plan = loadPlan(flags.plan);
      const result = classify(plan, {
        headcount: Number(flags.headcount),
        conduct: flags.conduct,
      });
      const out = {
        level: result.level,
        rule: result.band.id,
        reason: result.reason,
      };
      process.stdout.write(
        flags.json
          ? JSON.stringify(out) + "\n"
          : `Level ${out.level} (band ${out.rule}): ${out.reason}\n`,
      );
    },
  );

const planCommand = program.command("plan").description("work with plan files");
planCommand
  .command("check")
  .description("validate a plan file")
  .argument("<file>", "plan YAML")
  .action((file: string) => {
    try {
      const plan = loadPlan(file);
      process.stdout.write(
        `${file}: plan ${plan.id} ${plan.version} is valid\n`,
      );
    } catch (err) {
      if (!(err instanceof MusterError)) throw err;
      process.stderr.write(err.message + "\n");
      process.exitCode = 1;
    }
  });

program
  .command("backup")
  .description("copy the embedded store while the server runs")
  .argument("<dir>", "folder to write the copy into")
  .option("--data <dir>", "data folder (MUSTER_DATA, default .data)")
  .action(async (dir: string, flags: { data?: string }) => {
    const config = resolveServeConfig({ data: flags.data });
    const source = join(config.dataDir, "muster.db");
    if (!existsSync(source)) {
      throw new MusterError("NOT_FOUND", `no store at ${source}`, {
        path: "data",
      });
    }
    // A name that sorts by time and never overwrites an earlier copy.
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const target = resolve(dir, `muster-${stamp}.db`);
    const pages = await backupSqliteStore(source, target);
    chmodSync(target, 0o600);
    process.stdout.write(`backed up ${source} to ${target} (${pages} pages)\n`);
    // Accounts, devices and the audit trail; never the signing secret,
    // which would let whoever holds the copy forge sign-ins.
    const accessSource = join(config.dataDir, accessFiles.db);
    if (existsSync(accessSource)) {
      const accessTarget = resolve(dir, `access-${stamp}.db`);
      const accessPages = await backupSqliteStore(accessSource, accessTarget);
      chmodSync(accessTarget, 0o600); // password hashes and sessions
      process.stdout.write(
        `backed up ${accessSource} to ${accessTarget} (${accessPages} pages)\n`,
      );
    }
    process.stdout.write(
      "restore: stop the server, copy them to DATA/muster.db and DATA/access.db, start again\n",
    );
  });

program
  .command("reset-admin")
  .description(
    "give the administrator a new one-time password (for a lost password; needs the data folder)",
  )
  .option("--data <dir>", "data folder (MUSTER_DATA, default .data)")
  .option("--name <name>", "the administrator's sign-in name", "admin")
  .action(async (flags: { data?: string; name: string }) => {
    const config = resolveServeConfig({ data: flags.data });
    if (!existsSync(join(config.dataDir, accessFiles.db))) {
      throw new MusterError(
        "NOT_FOUND",
        `no access database in ${config.dataDir}: is --data the server's data folder?`,
        { path: "data" },
      );
    }
    const access = openAccess(config.dataDir, {
      secretBase64: process.env.MUSTER_SECRET,
    });
    try {
      const account = access.directory.accountNamed(flags.name);
      if (account?.role !== "admin") {
        throw new MusterError(
          "NOT_FOUND",
          `no administrator named ${flags.name} in ${config.dataDir}`,
          { path: "name" },
        );
      }
      const password = await access.directory.resetPassword(account.id);
      access.audit.record({
        at: Date.now(),
        actor: null,
        system: "muster reset-admin",
        from: "command line",
        action: "account.reset",
        outcome: "accepted",
        message: flags.name,
      });
      process.stdout.write(
        `${flags.name}: one-time password ${password} (enabled; one sign-in within 24 hours)\n` +
          "It is shown only now. A running server keeps the old sessions until it restarts.\n",
      );
    } finally {
      access.close();
    }
  });

const drill = program.command("drill").description("drills and exercises");
drill
  .command("run")
  .description("play a scenario on an accelerated clock and write its report")
  .argument("<scenario>", "scenario YAML")
  .option("--speed <n>", "speed-up factor, or max", "max")
  .option(
    "--seed <n>",
    "random seed for simulated units (default: the scenario's)",
  )
  .option("--lang <lang>", "report language, zh-CN or en", "zh-CN")
  .option(
    "--out <dir>",
    "folder for report.json, report.html and report.csv",
    "reports",
  )
  .option("--plan <file>", "response plan YAML", defaultPlanFile)
  .action(
    async (
      scenario: string,
      flags: {
        speed: string;
        seed?: string;
        out: string;
        plan: string;
        lang: string;
      },
    ) => {
      // Loaded on demand: serving never needs the drill runner.
      const { runDrillCommand } = await import("./drillCommand.ts");
      await runDrillCommand(scenario, flags);
    },
  );

drill
  .command("program")
  .description("the year's drills completed on the server against the plan")
  .option("--year <yyyy>", "calendar year in the plan's zone (default: now)")
  .option("--data <dir>", "data folder (MUSTER_DATA, default .data)")
  .option("--plan <file>", "response plan YAML", defaultPlanFile)
  .option("--json", "print one JSON object")
  .action(
    async (flags: {
      year?: string;
      data?: string;
      plan: string;
      json?: boolean;
    }) => {
      const { runProgramCommand } = await import("./drillProgram.ts");
      const data = resolveServeConfig({ data: flags.data }).dataDir;
      runProgramCommand({ ...flags, data });
    },
  );
drill
  .command("import-cad")
  .description("turn a calls-for-service CSV (SFFD format) into replays")
  .argument("<file>", "calls-for-service CSV")
  .option("--tz <zone>", "zone of the log's local times", "America/Los_Angeles")
  .option("--out <dir>", "folder for the replay scenarios, one per call")
  .option("--json", "print the statistics as one JSON object")
  .action(
    async (
      file: string,
      flags: { tz: string; out?: string; json?: boolean },
    ) => {
      const { runImportCadCommand } = await import("./importCadCommand.ts");
      runImportCadCommand(file, flags);
    },
  );

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = exitCodeFor(err);
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version are not errors.
    if (err.exitCode === 0) return 0;
    return 2;
  }
  if (err instanceof MusterError) {
    process.stderr.write(`muster: ${err.message}\n`);
    return err.code === "BAD_REQUEST" ? 2 : 1;
  }
  process.stderr.write(`muster: unexpected error: ${String(err)}\n`);
  return 1;
}
