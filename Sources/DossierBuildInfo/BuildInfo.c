#include "DossierBuildInfo.h"

// Package.swift defines DOSSIER_SOURCE_COMMIT when the environment variable of that name is set
// (.ci/package sets it from git); a plain `swift build` leaves it out.
#ifndef DOSSIER_SOURCE_COMMIT
#define DOSSIER_SOURCE_COMMIT "unknown"
#endif

const char *dossier_source_commit(void) { return DOSSIER_SOURCE_COMMIT; }
