#!/usr/bin/env node
// The cablegraph command line: thin — it parses flags and calls the stages.
// Every command's module is loaded by its action only (`await import`): `--version`, `--help` and
// each command start without the gazetteers, word lists, graph code, express or neo4j-driver that
// other commands need.
import { Command, CommanderError, Option } from 'commander';
import type { BuildCommandOptions } from './build-command';
import { describeFailure } from './errors';
import type { EvidenceCommandOptions } from './evidence-command';
import type { ExportCommandOptions } from './export-command';
import type { LoadCommandOptions } from './load-command';
import type { ParseCommandOptions } from './parse-command';
import type { QueryCommandOptions } from './query-command';
import type { ServeCommandOptions } from './serve-command';
import type * as Entities from './entities-command';
import { DEFAULT_GRAPH_FILE, MAX_WORKERS, PARSE_EXTRACTORS } from '../build/options';
import { DEFAULT_EXTRACTOR, EXTRACTORS } from '../extract/types';
import { addReadBudgetOptions } from './flags';

// package.json is outside src (tsc's rootDir): read at run time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION = (require('../../package.json') as { version: string }).version;

/**
 * `--ner`: the extractor, its choices and default written once (src/extract/types). Where cables can
 * be appended to a database, the default is left to the build (the database's own extractor then).
 */
function extractorOption(description: string, choices: readonly string[] = EXTRACTORS, appends = false): Option {
  const option = new Option('--ner <extractor>', description).choices(choices);
  return appends
    ? option.default(undefined, `${DEFAULT_EXTRACTOR}; with --append, the database's`)
    : option.default(DEFAULT_EXTRACTOR);
}

/** `--workers`, as build and load take it. */
const WORKERS_HELP = `worker threads for parsing and extraction (default: one per core, at most 4; 0 = none; at most ${MAX_WORKERS})`;

/** The connection flags shared by every command that talks to Neo4j. */
function withNeo4jOptions(command: Command): Command {
  return command
    .option(
      '--neo4j <uri>',
      'Neo4j URI (default NEO4J_URI or bolt://127.0.0.1:7687; neo4j:// and neo4j+s:// for clusters and Aura)',
    )
    .option('--neo4j-user <user>', 'Neo4j user (default NEO4J_USER or neo4j)')
    .option('--neo4j-password <password>', 'Neo4j password (default NEO4J_PASSWORD or cablegraph)')
    .option('--database <name>', 'Neo4j database (default NEO4J_DATABASE or the server default)');
}

export function buildProgram(): Command {
  const program = new Command('cablegraph')
    .description('Turn diplomatic cables into a knowledge graph.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)');

  addReadBudgetOptions(program.command('parse'))
    .description(
      'Read cables (Cable Viewer HTML, text/markdown, annotated text, cables.csv) and print one JSON object per cable (JSON lines).',
    )
    .argument('[inputs...]', 'files, directories (recursive), globs, or - for stdin (default: stdin when piped)')
    .option('--id <refid>', 'reference id for an input that carries none (e.g. 05PARIS77)')
    .option('--quiet', 'do not print warnings to stderr')
    .addOption(
      extractorOption(
        'entity extractor: builtin (no server), tagger (builtin + a trained perceptron), annotated (bracketed inputs), corenlp (a CoreNLP server), none (metadata only, streams)',
        PARSE_EXTRACTORS,
      ),
    )
    .action(async (inputs: string[], options: ParseCommandOptions) => {
      const { runParse } = await import('./parse-command');
      process.exitCode = await runParse(inputs, options);
    });

  addReadBudgetOptions(program.command('build'))
    .description(
      'Build the knowledge graph from cables and write it to a graph database: one SQLite file (no server needed).',
    )
    .argument('[inputs...]', 'files, directories (recursive), globs, or - for stdin')
    .option('-o, --output <file>', 'graph database to write', DEFAULT_GRAPH_FILE)
    .option('--append', 'add the cables to an existing graph database (same result as a full rebuild)')
    .option('--force', 'with --append: add cables extracted by another --ner than the database was built with')
    .option('--in-place', 'with --append: write only the rows that change, in one transaction (metrics left stale)')
    .option(
      '--dry-run',
      'with --append: write nothing, print what appending would change (old cables whose entities move, entities touched)',
    )
    .addOption(extractorOption('entity extractor', EXTRACTORS, true))
    .option('--workers <n>', WORKERS_HELP)
    .option(
      '--max-evidence <n>',
      "at most n statements per role or affiliation (its first and last by date) and n cables per co-mention (its first); counts stay exact (default 100; --append keeps the database's)",
    )
    .option(
      '--curation <file>',
      'entity curation decisions to apply (default: ./curation.jsonl when present; with --append, else those of the graph)',
    )
    .option('--quiet', 'no progress and no warnings')
    .option(
      '--max-heap <MiB>',
      'cap on the JS heap of a build (MiB): auto sizes it to the corpus (5,000 cables or more; the build runs in a second node process), none leaves V8 its own limit',
      'auto',
    )
    .action(async (inputs: string[], options: BuildCommandOptions) => {
      // A big build runs again in a node whose heap is capped to its corpus (src/cli/heap-cap).
      const { relaunchCapped } = await import('./heap-cap');
      const relaunched = await relaunchCapped(inputs, options);
      if (relaunched !== undefined) {
        process.exitCode = relaunched;
        return;
      }
      const { runBuild } = await import('./build-command');
      process.exitCode = await runBuild(inputs, options);
    });

  program
    .command('export')
    .description(
      'Write a built graph as GEXF (Gephi), GraphML, graphology JSON, or neo4j-admin import CSVs, optionally filtered.',
    )
    .argument('<graph>', 'graph database written by cablegraph build')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['gexf', 'graphml', 'json', 'neo4j-csv'])
        .default('gexf'),
    )
    .option('-o, --output <path>', 'output file (a directory for neo4j-csv); stdout when omitted')
    .option('--types <kinds>', 'node kinds to keep, comma-separated: Person,Organization,Place,Cable,Post,Tag')
    .option('--min-weight <n>', 'drop co-mention edges lighter than n')
    .option('--since <date>', 'drop cables and co-mentions before this date (2007, 2007-08 or 2007-08-27)')
    .option('--until <date>', 'drop cables and co-mentions after this date')
    .option('--top <n>', 'keep the n nodes of highest PageRank')
    .option('--keep-isolates', 'keep the nodes the filters leave without any edge (dropped by default)')
    .option('--quiet', 'no summary on stderr')
    .action(async (graphFile: string, options: ExportCommandOptions) => {
      const { runExport } = await import('./export-command');
      process.exitCode = await runExport(graphFile, options);
    });

  program
    .command('evidence')
    .description(
      'The cables and passages behind a link (two entities), a path (three or more) or an entity (its strongest links), as Markdown or CSV with links: what the viewer downloads, from a graph database.',
    )
    .argument('<entities...>', 'ids, names or aliases')
    .option('-g, --graph <file>', 'graph database (default out/graph.db)')
    .option('-f, --format <format>', 'md or csv (default md)')
    .option('-o, --output <file>', 'file to write (stdout when omitted)')
    .option('--links <n>', 'one entity: how many of its strongest links (default 20, at most 100)')
    .option('--viewer <url>', 'where the viewer runs, for the links (default http://127.0.0.1:8080)')
    .option('--quiet', 'no summary on stderr')
    .action(async (entities: string[], options: EvidenceCommandOptions) => {
      const { runEvidence } = await import('./evidence-command');
      process.exitCode = await runEvidence(entities, options);
    });

  addReadBudgetOptions(withNeo4jOptions(program.command('load')))
    .description('Load a graph database (or cables, built first) into Neo4j: idempotent, resumable, batched.')
    .argument('<inputs...>', 'a graph database written by cablegraph build, or cable inputs')
    .option('--batch-size <n>', 'rows per transaction (default 10000)')
    .option('--concurrency <n>', 'transactions in flight (default 2)')
    .option('--force', 'load again even if this exact graph was loaded before')
    .option(
      '--replace',
      "remove every cablegraph node and relationship from the database first, then load this graph alone (without it a load only adds and updates: an earlier graph's entities stay)",
    )
    .option('--no-texts', "leave out the cables' texts (the viewer then shows no passages)")
    .addOption(extractorOption('entity extractor when building from cables'))
    .option('--workers <n>', `when building from cables: ${WORKERS_HELP}`)
    .option(
      '--curation <file>',
      'when building from cables: entity curation decisions to apply (default: ./curation.jsonl when present)',
    )
    .option(
      '--one-pass',
      "write every co-mention's cable and evidence lists with its relationship (default: the lists of pairs of more than 4 cables in a last phase, the graph browsable before)",
    )
    .option(
      '--import',
      "fastest: neo4j-admin's offline importer into the empty database of a local server run by npm run neo4j:start (stopped and restarted)",
    )
    .option('--neo4j-dir <dir>', "with --import: that server's folder (neo4j-start.sh --dir; default .neo4j)")
    .option(
      '--max-heap <MiB>',
      'cap on the JS heap of a load from a graph database (MiB): auto sizes it to the graph (500,000 relationships or more; the load runs in a second node process), none leaves V8 its own limit',
      'auto',
    )
    .option('--quiet', 'no progress and no summary')
    .action(async (inputs: string[], options: LoadCommandOptions) => {
      const { runLoad } = await import('./load-command');
      process.exitCode = await runLoad(inputs, options);
    });

  withNeo4jOptions(program.command('query'))
    .description(
      'Run a named query of cypher/queries (or a .cypher file, or inline Cypher) against Neo4j; --list shows the library.',
    )
    .argument('[query]', 'a library name (e.g. shortest-path), a .cypher file, or Cypher text')
    .option('-p, --param <name=value>', 'a query parameter (repeatable)', (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .option('--json', 'print the rows as JSON instead of a table')
    .option('--list', 'list the named queries and their parameters')
    .action(async (query: string | undefined, options: QueryCommandOptions) => {
      const { runQueryCommand } = await import('./query-command');
      process.exitCode = await runQueryCommand(query, options);
    });

  withNeo4jOptions(program.command('serve'))
    .description(
      'Serve the graph viewer and its JSON API: a graph database (default out/graph.db), or Neo4j with --neo4j (plus the graph database it was loaded from, for curation).',
    )
    .argument('[graph]', 'graph database written by cablegraph build (default out/graph.db)')
    .option('--port <n>', 'port (default 8080; 0 picks a free one)')
    .option('--host <address>', 'address to bind (default 127.0.0.1: this machine only)')
    .option('--curation <file>', "where the viewer's entity decisions go (default ./curation.jsonl)")
    .option('--read-only', 'no entity curation from the viewer')
    .option(
      '--token <token>',
      'the token the API needs (default: a fresh one, printed in the URL, when --host is beyond loopback)',
    )
    .option('--no-token', 'no token beyond loopback: anyone who reaches the server reads the graph (needs --read-only)')
    .option('--allow-host <name...>', 'more host names the server answers to (a DNS name, a proxy); others are refused')
    .option('--quiet', 'no summary on stderr')
    .action(async (graphFile: string | undefined, options: ServeCommandOptions) => {
      const { runServe } = await import('./serve-command');
      process.exitCode = await runServe(graphFile, options);
    });

  const curation = program
    .command('entities')
    .description(
      'Review and fix the entities: list, show, suggest duplicates; merge, split, rename, retype, reject, alias, undo (decisions kept in a curation file and applied by every build).',
    );
  /** Flags of every entities subcommand; deciding ones also take --author, --note, --dry-run and Neo4j flags. */
  const sub = (name: string, deciding: boolean): Command => {
    const command = curation
      .command(name)
      .option('-g, --graph <file>', 'graph database (default out/graph.db)')
      .option('--curation <file>', 'curation file (default ./curation.jsonl)')
      .option('--json', 'print JSON');
    if (!deciding) return command;
    return withNeo4jOptions(command)
      .option('--author <name>', 'who decides (default $CABLEGRAPH_AUTHOR or the login name)')
      .option('--note <text>', 'why')
      .option('--dry-run', 'show what would change (nodes and edges), write nothing');
  };
  type EntitiesRunner = {
    [K in keyof typeof Entities]: (typeof Entities)[K] extends (...args: never[]) => Promise<number> ? K : never;
  }[keyof typeof Entities];
  const run =
    (name: EntitiesRunner) =>
    async (...args: unknown[]) => {
      const entities = await import('./entities-command');
      process.exitCode = await (entities[name] as (...a: unknown[]) => Promise<number>)(...args.slice(0, -1));
    };
  sub('list', false)
    .description('entities by number of cables')
    .option('--type <type>', 'Person, Organization or Place')
    .option('--q <text>', 'names or aliases containing text')
    .option('--limit <n>', 'how many (default 50)')
    .action(run('runEntitiesList'));
  sub('show', false)
    .description('an entity: aliases, neighbours, decisions about it')
    .argument('<entity>', 'id, or a name or alias naming one entity')
    .action(run('runEntitiesShow'));
  sub('suggest', false)
    .description('likely duplicates ranked by evidence (for review; never applied)')
    .option('--limit <n>', 'how many (default 30)')
    .action(run('runEntitiesSuggest'));
  sub('merge', true)
    .description('merge entities into one')
    .argument('<entities...>', 'ids (or names)')
    .option('--into <entity>', 'the one to keep (default: the most cited)')
    .option('--name <name>', 'name of the merged entity')
    .action(run('runEntitiesMerge'));
  sub('split', true)
    .description('split an entity: undo the merges into it, or move some cables or aliases to a new entity')
    .argument('<entity>')
    .option('--cables <ids>', 'comma-separated cable ids')
    .option('--aliases <forms>', 'comma-separated surface forms')
    .option('--name <name>', 'name of the new entity')
    .action(run('runEntitiesSplit'));
  sub('rename', true)
    .description('rename an entity')
    .argument('<entity>')
    .argument('<name>')
    .action(run('runEntitiesRename'));
  sub('retype', true)
    .description('change an entity type')
    .argument('<entity>')
    .argument('<type>', 'Person, Organization or Place')
    .action(run('runEntitiesRetype'));
  sub('reject', true)
    .description('a false entity: drop it, or only its mentions with one alias')
    .argument('<entity>')
    .option('--alias <form>', 'only this surface form')
    .action(run('runEntitiesReject'));
  sub('alias', true)
    .description('every mention with this surface form belongs to the entity')
    .argument('<entity>')
    .argument('<alias>')
    .action(run('runEntitiesAlias'));
  sub('undo', true)
    .description('take back a decision (default: the last one)')
    .argument('[decision]', 'its number')
    .action(run('runEntitiesUndo'));

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
    // Every failure is one line naming the file and the problem, never a stack trace
    // (CABLEGRAPH_DEBUG=1 prints the stack too).
    process.stderr.write(`cablegraph: ${describeFailure(error)}\n`);
    if (process.env.CABLEGRAPH_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) {
  // Failures outside the command's promise (a stream's error event, a timer) get the same one line.
  const fatal = (error: unknown): void => {
    process.stderr.write(`cablegraph: ${describeFailure(error)}\n`);
    if (process.env.CABLEGRAPH_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    process.exit(2);
  };
  process.on('uncaughtException', fatal).on('unhandledRejection', fatal);
  void main(process.argv);
}
