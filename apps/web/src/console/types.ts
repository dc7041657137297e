import type { CommandInput } from "@muster/client";
import type { CommandResult } from "@muster/protocol";

/** Sends a command; resolves with the answer, null if it never came. */
export type Send = (input: CommandInput) => Promise<CommandResult | null>;
