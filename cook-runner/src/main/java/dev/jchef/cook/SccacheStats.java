package dev.jchef.cook;

/**
 * What sccache did for one cook: compilations it handed back from its cache, and those it had to
 * run (and then stored).
 */
record SccacheStats(long hits, long misses) {}
