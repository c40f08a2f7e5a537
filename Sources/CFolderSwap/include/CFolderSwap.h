#ifndef C_FOLDER_SWAP_H
#define C_FOLDER_SWAP_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE, called through
/// syscall() so that no C library wrapper is needed; macOS renamex_np with RENAME_SWAP).
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel refuses).
int dossier_exchange_paths(const char *first, const char *second);

#endif
