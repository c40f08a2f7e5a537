#ifndef DOSSIER_BUILD_INFO_H
#define DOSSIER_BUILD_INFO_H

/// The commit the binary was built from, as the build was told (DOSSIER_SOURCE_COMMIT, set by
/// .ci/package), or "unknown".
const char *dossier_source_commit(void);

#endif
