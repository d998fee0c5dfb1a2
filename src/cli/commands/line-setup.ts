/**
 * npm run line:setup [-- --dry-run] [--webhook-url URL]
 *
 * Sets up the LINE official account: validates and creates the default rich menu, uploads its
 * image (the committed CORPUS_DIR/rich-menu.png, refused unless npm run rich-menu:image drew it
 * from the current design), makes it the default for all users, deletes the older menus this tool
 * created, and checks the webhook endpoint (with --webhook-url, also sets it and runs LINE's
 * webhook test).
 * --dry-run prints every request instead of sending it and needs no credentials.
 *
 * The composition root of the tool: the only place that reads the environment and the disk.
 * Environment as for the server: LINE_CHANNEL_ACCESS_TOKEN, LINE_API_BASE_URL,
 * LINE_API_DATA_BASE_URL (default https://api-data.line.me), CORPUS_DIR.
 * Exit codes: 0 done, 1 LINE refused a step or the webhook test failed, 2 bad arguments or
 * configuration, or a rich menu image to redraw.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, parseLineSetupConfig } from '../../config.js';
import { CorpusError, formatProblem } from '../../corpus/corpus-problem.js';
import { readCorpus } from '../../corpus/read-corpus.js';
import { createDryRunLineSetupApi, createLineSetupApi, LineSetupError, runLineSetup } from '../../line/line-setup.js';
import {
  checkRichMenuLimits,
  checkRichMenuTiling,
  designRichMenu,
  richMenuName,
  richMenuRequest,
} from '../../render/rich-menu.js';
import {
  checkRichMenuImage,
  regenerateRichMenuImageAdvice,
  richMenuImageFileName,
} from '../../render/rich-menu-svg.js';
import { lineSetupText as text } from '../../line/line-setup-wording.js';
import { commonText } from '../messages.js';

const usage = text.usage;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

function parseOptions(): { dryRun: boolean; webhookUrl: string | undefined } {
  try {
    const { values } = parseArgs({
      options: {
        'dry-run': { type: 'boolean', default: false },
        'webhook-url': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    const webhookUrl = values['webhook-url'];
    if (webhookUrl !== undefined) {
      let url: URL | undefined;
      try {
        url = new URL(webhookUrl);
      } catch {
        url = undefined;
      }
      if (url?.protocol !== 'https:') fail(text.webhookUrlNotHttps(webhookUrl), 2);
    }
    return { dryRun: values['dry-run'], webhookUrl };
  } catch (error) {
    return fail(`${commonText.badArguments((error as Error).message)}\n${usage}`, 2);
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  let config;
  try {
    config = parseLineSetupConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(text.configError(error.message), 2);
    throw error;
  }
  if (!options.dryRun && config.channelAccessToken === undefined) {
    fail(text.configError(text.tokenRequired), 2);
  }

  let meta;
  try {
    meta = (await readCorpus(config.corpusDir)).meta;
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    error.problems.forEach((p) => console.error(formatProblem(p)));
    fail(commonText.invalidCorpus, 2);
  }

  let design;
  try {
    design = designRichMenu(meta);
  } catch (error) {
    fail((error as Error).message, 2);
  }
  const richMenu = richMenuRequest(design, richMenuName(new Date()));
  const problems = [...checkRichMenuLimits(richMenu), ...checkRichMenuTiling(richMenu)];
  if (problems.length > 0) fail(text.limitsBroken(problems), 1);

  const imageFile = path.join(config.corpusDir, richMenuImageFileName);
  const png = await readFile(imageFile).catch(() => undefined);
  const imageProblems = png === undefined ? ['がありません'] : checkRichMenuImage(png, design);
  if (png === undefined || imageProblems.length > 0) {
    fail([...imageProblems.map((p) => `${imageFile}: ${p}`), regenerateRichMenuImageAdvice].join('\n'), 2);
  }
  console.log(text.image(imageFile, png.length.toLocaleString('ja-JP')));

  const hosts = { apiBaseUrl: config.apiBaseUrl, dataApiBaseUrl: config.dataApiBaseUrl };
  const api =
    options.dryRun || config.channelAccessToken === undefined
      ? createDryRunLineSetupApi(hosts, (line) => console.log(line))
      : createLineSetupApi({ ...hosts, channelAccessToken: config.channelAccessToken });
  try {
    const result = await runLineSetup(
      api,
      {
        richMenu,
        image: { bytes: png, contentType: 'image/png', ...design.size },
        ...(options.webhookUrl !== undefined ? { webhookUrl: options.webhookUrl } : {}),
      },
      (line) => console.log(line),
    );
    if (!result.webhookOk) process.exitCode = 1;
  } catch (error) {
    if (error instanceof LineSetupError) fail(text.failed(error.message), 1);
    throw error;
  }
}

await main();
