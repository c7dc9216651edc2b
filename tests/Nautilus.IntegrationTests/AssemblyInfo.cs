// One platform instance holds fixed ports and both cores; tests that start processes must not race it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
