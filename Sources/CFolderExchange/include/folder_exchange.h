#ifndef DEKOM_FOLDER_EXCHANGE_H
#define DEKOM_FOLDER_EXCHANGE_H

/// Atomically exchanges two paths on the same file system (Linux renameat2 RENAME_EXCHANGE,
/// macOS renamex_np RENAME_SWAP). Returns 0, or -1 with errno set (ENOSYS/EINVAL where the
/// system or file system cannot).
int dekom_exchange_paths(const char *first, const char *second);

#endif
