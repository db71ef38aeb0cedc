#if canImport(Glibc)
import SIKIMCore
import SIKIMData
import Glibc
#endif

/// Memory back to the system after a large computation (the dashboard's figures, the periodic
/// checks over a nation of KIMs). glibc keeps freed pages in its arenas, so the next
/// computation's peak stacked on the last one's leftovers: national-scale RSS grew from one
/// computation to the next.
enum Memori {
    static func kembalikan() {
        #if canImport(Glibc)
        // `malloc_trim` is in malloc.h, which the Glibc module does not import.
        if let trim = Self.trim { _ = trim(0) }
        #endif
    }

    #if canImport(Glibc)
    private static let trim: (@convention(c) (Int) -> Int32)? = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim")
        .map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }
    #endif
}
