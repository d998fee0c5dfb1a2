/**
 * LINE user ids never reach the analytics store or the logs: only a salted hash does, so staff can
 * count distinct citizens without being able to tell who they are.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** HMAC-SHA256 of the user id keyed by the salt (HASH_SALT), as 64 lowercase hex characters. */
export function hashUserId(userId: string, salt: string): string {
  return createHmac('sha256', salt).update(userId, 'utf8').digest('hex');
}

/**
 * A fresh random salt, for when HASH_SALT is not set: hashes are then only stable for the life of
 * the process, so distinct-user counts split a citizen in two across a restart.
 */
export function randomSalt(): string {
  return randomBytes(32).toString('hex');
}
