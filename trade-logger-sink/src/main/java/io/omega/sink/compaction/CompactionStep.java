package io.omega.sink.compaction;

/** The points of a compaction where a crash leaves a different state on disk; crash tests stop at each. */
public enum CompactionStep {
    /** The merged file is written under its temporary name in the staging directory, not yet renamed. */
    MERGED_FILE_WRITTEN,
    /** The staging directory holds the complete merged file; the day directory still holds its parts. */
    STAGED,
    /** The day directory and the staging directory were exchanged: the day shows the merged file. */
    SWAPPED,
    /** Deleting the previous pass's replaced directories has begun: one file is gone. */
    RETIRED_PARTLY_DELETED
}
