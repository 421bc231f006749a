/* SQLite's file locks as Linux open-file-description (OFD) locks.
 *
 * SQLite's unix VFS locks the database, its -wal and -shm with POSIX record
 * locks (fcntl F_SETLK). Those belong to the process, and POSIX drops all of
 * a process's locks on a file when *any* descriptor of that file is closed —
 * by SQLite or by anyone else in the process. A native file dialog that shows
 * the folder holding the workspace opens and closes the files it lists, so
 * the app silently lost its locks; the next CLI run then took the workspace
 * for unused, checkpointed and deleted its write-ahead log while the app kept
 * writing to the deleted file.
 *
 * OFD locks (Linux 3.15+) belong to the open file description SQLite opened,
 * so no foreign close can drop them, and they conflict with classic POSIX
 * locks exactly as POSIX locks conflict with each other: other processes,
 * Sandtable or not, see the same locks as before. SQLite lets a program
 * replace the system calls of its unix VFS (sqlite3_vfs.xSetSystemCall); this
 * file replaces "fcntl" before any database is opened (a constructor runs at
 * load, before main and before any thread).
 */
#define _GNU_SOURCE /* F_OFD_SETLK */
#include <errno.h>
#include <stdarg.h>
#include "sqlite3.h"

#if defined(__linux__)
#include <fcntl.h>

#ifndef F_OFD_GETLK
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#endif

static int installed = 0;

static int ofd_fcntl(int fd, int op, ...) {
  va_list ap;
  va_start(ap, op);
  if (op == F_SETLK || op == F_SETLKW || op == F_GETLK) {
    struct flock *lock = va_arg(ap, struct flock *);
    va_end(ap);
    int ofd = op == F_SETLK ? F_OFD_SETLK : op == F_SETLKW ? F_OFD_SETLKW : F_OFD_GETLK;
    lock->l_pid = 0; /* required by OFD locks; SQLite leaves it unset */
    int rc = fcntl(fd, ofd, lock);
    if (rc == -1 && errno == EINVAL) {
      /* A kernel without OFD locks: the classic call. */
      rc = fcntl(fd, op, lock);
    }
    return rc;
  }
  /* SQLite's other uses (F_GETFD, F_SETFD) take an int. */
  int arg = va_arg(ap, int);
  va_end(ap);
  return fcntl(fd, op, arg);
}

__attribute__((constructor)) static void sandtable_install_ofd_locks(void) {
  sqlite3_vfs *vfs = sqlite3_vfs_find("unix");
  if (vfs && vfs->iVersion >= 3 && vfs->xSetSystemCall &&
      vfs->xSetSystemCall(vfs, "fcntl", (sqlite3_syscall_ptr)ofd_fcntl) == SQLITE_OK) {
    installed = 1;
  }
}

int sandtable_ofd_locks_installed(void) { return installed; }

#else
/* Elsewhere the VFS keeps its own locking (macOS has no OFD locks). */
int sandtable_ofd_locks_installed(void) { return 0; }
#endif
