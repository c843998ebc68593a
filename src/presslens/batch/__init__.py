"""Many articles at once: the batch run (run: engines over partitions, rows to a sink) and the
store's ingest loop (ingest: one document at a time into a store, with a progress bar)."""
