// Every command of the CLI, in the order `shifan --help` lists them. Add a command by adding its file here.
import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [];
