/**
 * The board's announcements, one after another: a call waits until the previous announcement has ended, so
 * none is cut off. Spoken by the browser's speech synthesis when it has a Russian voice, else by the
 * prerecorded clips (/voice/ru/<word>.ogg, scripts/make-voice-clips.ts), one word after another.
 */
import { clipWords, spokenCall } from '../../shared/queue.speech.js';

export type Announcement = { text: string; words: string[] };
export type Speaker = (announcement: Announcement) => Promise<void>;

export const callAnnouncement = (number: string, window: number): Announcement => ({
  text: spokenCall(number, window),
  words: clipWords(number, window),
});

/** What the page has announced, in order (tests read it as `window.__oknoAnnouncements`). */
export type AnnouncementLog = { queued: string[]; started: string[]; ended: string[] };

export function createAnnouncer(speak: Speaker) {
  const queue: Announcement[] = [];
  const log: AnnouncementLog = { queued: [], started: [], ended: [] };
  let busy = false;
  const next = async () => {
    if (busy) return;
    const announcement = queue.shift();
    if (!announcement) return;
    busy = true;
    log.started.push(announcement.text);
    try {
      await speak(announcement);
    } catch {
      // a failed announcement must not hold up the next one
    }
    log.ended.push(announcement.text);
    busy = false;
    void next();
  };
  return {
    log,
    enqueue(announcement: Announcement) {
      queue.push(announcement);
      log.queued.push(announcement.text);
      void next();
    },
  };
}

/** Resolves when `start` calls back, or after `ms` at the latest (an engine that never says it ended). */
function settled(start: (done: () => void) => void, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    start(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function russianVoice(): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('ru'));
}

const speakWithVoice = (voice: SpeechSynthesisVoice, a: Announcement) =>
  settled(
    (done) => {
      const utterance = new SpeechSynthesisUtterance(a.text);
      utterance.lang = voice.lang;
      utterance.voice = voice;
      utterance.rate = 0.9;
      utterance.onend = done;
      utterance.onerror = done;
      speechSynthesis.speak(utterance);
    },
    4000 + a.text.length * 150,
  );

export const clipUrl = (word: string) => `/voice/ru/${encodeURIComponent(word)}.ogg`;

const playClip = (word: string) =>
  settled((done) => {
    const audio = new Audio(clipUrl(word));
    audio.onended = done;
    audio.onerror = done;
    audio.play().catch(done);
  }, 3000);

/** Speech synthesis with a Russian voice when there is one (looked up each time: voices load late), else clips. */
export const boardSpeaker: Speaker = async (a) => {
  const voice = russianVoice();
  if (voice) return speakWithVoice(voice, a);
  for (const word of a.words) await playClip(word);
};
