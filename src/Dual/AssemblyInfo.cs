// The internal helpers that must stay kernel-safe (Constants<T>) are checked directly by the unit tests.
[assembly: InternalsVisibleTo("Dual.Tests")]

// No zero-initialisation of locals anywhere in the library. Inlining copies an inlinee's locals into its caller, and a
// caller that zero-initialises its locals zeroed the 3 KB stack work buffer of a small gradient (StackBuffer) on every
// call, about 20 ns. The rule this imposes: stackalloc'd memory and Unsafe.SkipInit locals are garbage until written
// (every such site in the library writes before it reads); methods that own a StackBuffer are NoInlining, so that
// user code compiled with zeroing never inlines one.
[module: SkipLocalsInit]
