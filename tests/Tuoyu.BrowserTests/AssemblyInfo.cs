// One app process and one browser for the whole assembly; the tests run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
