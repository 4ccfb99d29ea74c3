/**
 * Failures of the OBS file system as VS Code's FileSystemErrors, each with the service's code and request id
 * in its message: a 403, a missing bucket or a network failure is an error the user sees, never an empty folder.
 */
import * as vscode from 'vscode';
import { asModelArtsError, type ModelArtsError } from '../services/errors';

/** The FileSystemError for `error` (a ModelArtsError or anything else thrown below). */
export function toFileSystemError(error: unknown): vscode.FileSystemError {
  if (error instanceof vscode.FileSystemError) {
    return error;
  }
  const failure = asModelArtsError(error);
  const message = failure.toDisplayString();
  if (isNotFound(failure)) {
    return vscode.FileSystemError.FileNotFound(message);
  }
  if (failure.kind === 'auth' || failure.httpStatus === 403) {
    return vscode.FileSystemError.NoPermissions(message);
  }
  if (failure.kind === 'network' || failure.kind === 'timeout' || failure.kind === 'throttled' || failure.kind === 'cancelled' || (failure.httpStatus ?? 0) >= 500) {
    return vscode.FileSystemError.Unavailable(message);
  }
  return new vscode.FileSystemError(message);
}

/** Whether OBS answered that the object or bucket does not exist (a HEAD's 404 has no code, only its status). */
export function isNotFound(failure: ModelArtsError): boolean {
  return failure.httpStatus === 404 || failure.errorCode === 'NoSuchKey' || failure.errorCode === 'NoSuchBucket';
}

/** Runs `work`, throwing any failure as a FileSystemError. */
export async function asFileSystemCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toFileSystemError(error);
  }
}
