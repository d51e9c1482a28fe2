/**
 * `npx tsx scripts/make-voice-clips.ts` — the board's prerecorded Russian words, for screens whose browser
 * has no Russian speech-synthesis voice: one clip per word `clipWords` (src/shared/queue.speech.ts) can
 * say — «талон», «окно», the letters' names, the words of the numbers 0…999 — into
 * src/web/public/voice/ru/<word>.ogg (the Vite build copies them to /voice/ru/). Run once, and again when
 * the words change; the clips are committed (about 1–2 KB each).
 *
 * Needs espeak-ng and opusenc (Debian: `apt-get install -y espeak-ng opus-tools`). Each word is spoken by
 * `espeak-ng -v ru -s 140 -w <tmp>.wav "<word>"`, then compressed to Ogg Opus, mono, 16 kbit/s (speech
 * stays clear, a clip stays small; every browser a board runs on plays Opus):
 * `opusenc --quiet --bitrate 16 --downmix-mono <tmp>.wav <word>.ogg`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clipWords, numberWords, spokenLetters } from '../src/shared/queue.speech.js';

/** Every word a call can be made of. */
export function voiceVocabulary(): string[] {
  const words = new Set<string>(['талон', 'окно']);
  for (const letter of spokenLetters) for (const w of clipWords(`${letter}-1`, 1).slice(1, -3)) words.add(w);
  for (let n = 0; n <= 999; n++) for (const w of numberWords(n)) words.add(w);
  return [...words].sort();
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`${command}: ${result.error.message} (install espeak-ng and opus-tools)`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function main(): void {
  const out = resolve('src/web/public/voice/ru');
  mkdirSync(out, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'okno-voice-'));
  try {
    for (const word of voiceVocabulary()) {
      const wav = join(tmp, 'word.wav');
      run('espeak-ng', ['-v', 'ru', '-s', '140', '-w', wav, word]);
      run('opusenc', ['--quiet', '--bitrate', '16', '--downmix-mono', wav, join(out, `${word}.ogg`)]);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const files = readdirSync(out);
  const bytes = files.reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
  console.log(`${files.length} clips in ${out}, ${Math.round(bytes / 1024)} KB`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
