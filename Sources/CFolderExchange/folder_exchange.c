// dekom: the one system call Swift's Glibc module does not expose (it needs _GNU_SOURCE).
// Licence: GPL-3.0-or-later.
#define _GNU_SOURCE
#include "folder_exchange.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
int dekom_exchange_paths(const char *first, const char *second) {
  return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}
#elif defined(__APPLE__)
int dekom_exchange_paths(const char *first, const char *second) {
  return renamex_np(first, second, RENAME_SWAP);
}
#else
int dekom_exchange_paths(const char *first, const char *second) {
  (void)first;
  (void)second;
  errno = ENOSYS;
  return -1;
}
#endif
