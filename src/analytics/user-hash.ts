/**
 * LINE user ids never reach the analytics store or the logs: only a salted hash does, so staff can
 * count distinct citizens without being able to tell who they are.
 */
import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/** The key of the last salt: a process hashes with one salt, and a prepared key saves a third of each hash. */
let lastKey: { readonly salt: string; readonly key: KeyObject } | undefined;

/** HMAC-SHA256 of the user id keyed by the salt (HASH_SALT), as 64 lowercase hex characters. */
export function hashUserId(userId: string, salt: string): string {
  if (lastKey?.salt !== salt) lastKey = { salt, key: createSecretKey(Buffer.from(salt, 'utf8')) };
  return createHmac('sha256', lastKey.key).update(userId, 'utf8').digest('hex');
}

/**
 * A fresh random salt, for when HASH_SALT is not set: hashes are then only stable for the life of
 * the process, so distinct-user counts split a citizen in two across a restart.
 */
export function randomSalt(): string {
  return randomBytes(32).toString('hex');
}
