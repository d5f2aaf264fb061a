#!/usr/bin/env node
// The cablegraph command line: thin — it parses flags and calls the stages.
import { Command, CommanderError, Option } from 'commander';
import { CablegraphError } from '../common/diagnostics';
import { runParse, type ParseCommandOptions } from './parse-command';

const VERSION: string = require('../../package.json').version;

export function buildProgram(): Command {
  const program = new Command('cablegraph')
    .description('Turn diplomatic cables into a knowledge graph.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('parse')
    .description('Read cables (Cable Viewer HTML, text/markdown, annotated text, cables.csv) and print one JSON object per cable (JSON lines).')
    .argument('[inputs...]', 'files, directories (recursive), globs, or - for stdin (default: stdin when piped)')
    .option('--id <refid>', 'reference id for an input that carries none (e.g. 05PARIS77)')
    .option('--quiet', 'do not print warnings to stderr')
    .addOption(
      new Option('--ner <extractor>', 'entity extractor: builtin (no server), annotated (bracketed inputs), corenlp (a CoreNLP server), none (metadata only, streams)')
        .choices(['builtin', 'annotated', 'corenlp', 'none'])
        .default('builtin'),
    )
    .action(async (inputs: string[], options: ParseCommandOptions) => {
      process.exitCode = await runParse(inputs, options);
    });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof CablegraphError) {
      process.stderr.write(`cablegraph: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

if (require.main === module) {
  void main(process.argv);
}
